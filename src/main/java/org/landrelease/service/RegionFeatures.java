package org.landrelease.service;

import static org.landrelease.domain.Queryable.Type.NUMBER;
import static org.landrelease.domain.Queryable.Type.STRING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Queryable;
import org.landrelease.geometry.OgcCrs;
import org.landrelease.geometry.RegionShape;
import org.landrelease.service.FeatureService.Feature;
import org.landrelease.service.FeatureService.ItemsRequest;
import org.landrelease.service.FeatureService.Page;
import org.landrelease.store.FeatureFilter;
import org.locationtech.jts.geom.Envelope;

/** The regions collection: boundaries held in memory with the figures of the running totals, filtered in Java. */
final class RegionFeatures {
  /** The ledger's figures of an area (a region, a zone), as properties of its feature: see {@link #putFigures}. */
  static final List<Queryable> FIGURES = List.of(
      Queryable.of("reported_km2", NUMBER, "hazardous area ever reported in km²", null),
      Queryable.of("hazard_km2", NUMBER, "hazardous area still to release in km²", null),
      Queryable.of("released_km2", NUMBER, "land released in km², all outcomes", null),
      Queryable.of("cancelled_km2", NUMBER, "land cancelled by non-technical survey in km²", null),
      Queryable.of("reduced_km2", NUMBER, "land reduced by technical survey in km²", null),
      Queryable.of("cleared_km2", NUMBER, "land cleared in km²", null));
  static final List<Queryable> QUERYABLES = List.of(
      Queryable.of("code", STRING, "ISO 3166-2 code", null),
      Queryable.of("country", STRING, "ISO 3166-1 alpha-2 code of the region's country", null),
      Queryable.of("name", STRING, "English name", null),
      Queryable.of("name_uk", STRING, "Ukrainian name", null),
      Queryable.of("area_km2", NUMBER, "geodesic area of the region in km²", null),
      FIGURES.get(0), FIGURES.get(1), FIGURES.get(2), FIGURES.get(3), FIGURES.get(4), FIGURES.get(5));

  private final ReportService reports;
  private final MapService map;

  RegionFeatures(ReportService reports, MapService map) {
    this.reports = reports;
    this.map = map;
  }

  Envelope extent() {
    Envelope e = new Envelope();
    map.regionShapes(0).forEach(r -> e.expandToInclude(r.geometry().getEnvelopeInternal()));
    return e.isNull() ? null : e;
  }

  /** Regions in code order with their figures as of a day (null for now); the key is the 1-based position. */
  private List<Feature> all(java.time.LocalDate asOf) {
    Map<String, ReportService.RegionRow> figures = new LinkedHashMap<>();
    reports.regions(asOf).forEach(r -> figures.put(r.code(), r));
    List<RegionShape> shapes = new ArrayList<>(map.regionShapes(0));
    shapes.sort(java.util.Comparator.comparing(RegionShape::code));
    List<Feature> out = new ArrayList<>();
    for (RegionShape s : shapes) {
      ReportService.RegionRow r = figures.get(s.code());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("code", s.code());
      p.put("country", org.landrelease.domain.Country.ofRegion(s.code()));
      p.put("name", s.name());
      p.put("name_uk", s.nameUk());
      p.put("area_km2", Km2.of(s.areaM2()));
      if (r == null) {
        putFigures(p, 0, 0, 0, 0, 0, 0);
      } else {
        putFigures(p, r.reportedKm2(), r.contaminatedKm2(), r.releasedKm2(), r.cancelledKm2(), r.reducedKm2(),
            r.clearedKm2());
      }
      out.add(new Feature(s.code(), s.geometry(), p));
    }
    return out;
  }

  Page page(ItemsRequest r, FeatureFilter filter) {
    return page(all(r.to()), r, filter);
  }

  /** A page of features held in memory, filtered in Java: the regions, and each zoning's zones (ZoneFeatures). */
  static Page page(List<Feature> all, ItemsRequest r, FeatureFilter filter) {
    List<Feature> matching = new ArrayList<>();
    for (Feature f : all) {
      if ((r.bbox() == null || r.bbox().intersects(f.geometry().getEnvelopeInternal()))
          && (filter == null || FeatureMatcher.matches(filter, f.properties(), f.geometry()))) {
        matching.add(f);
      }
    }
    int start = 0;
    if (r.cursor() != null) {
      try {
        start = Integer.parseInt(r.cursor());
      } catch (NumberFormatException e) {
        throw LedgerException.badRequest("invalid-parameter", "'cursor' comes from a next link; got '" + r.cursor()
            + "'").with("ogc.invalidCursor", "got", r.cursor());
      }
    }
    int end = Math.min(matching.size(), Math.max(0, start) + r.limit());
    List<Feature> page = new ArrayList<>();
    for (int i = Math.max(0, start); i < end; i++) {
      Feature f = matching.get(i);
      page.add(new Feature(f.id(), r.crs().fromCrs84(f.geometry()), f.properties()));
    }
    return new Page(page, matching.size(), end < matching.size() ? String.valueOf(end) : null);
  }

  Feature feature(String code, OgcCrs crs) {
    for (Feature f : all(null)) {
      if (f.id().equals(code)) {
        return new Feature(f.id(), crs.fromCrs84(f.geometry()), f.properties());
      }
    }
    throw LedgerException.notFound("collection 'regions' has no feature '" + code + "'")
        .with("ogc.noFeature", "collection", "regions", "id", code);
  }

  /** The FIGURES properties, in their order. */
  static void putFigures(Map<String, Object> p, double reportedKm2, double hazardKm2, double releasedKm2,
      double cancelledKm2, double reducedKm2, double clearedKm2) {
    p.put("reported_km2", reportedKm2);
    p.put("hazard_km2", hazardKm2);
    p.put("released_km2", releasedKm2);
    p.put("cancelled_km2", cancelledKm2);
    p.put("reduced_km2", reducedKm2);
    p.put("cleared_km2", clearedKm2);
  }
}
