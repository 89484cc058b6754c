package org.landrelease.service;

import static org.landrelease.domain.Queryable.Type.NUMBER;
import static org.landrelease.domain.Queryable.Type.STRING;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landrelease.domain.Queryable;
import org.landrelease.domain.Zoning;
import org.landrelease.geometry.ZoneShape;
import org.landrelease.geometry.ZoningIndex;
import org.landrelease.service.FeatureService.CollectionInfo;
import org.landrelease.service.FeatureService.Feature;
import org.locationtech.jts.geom.Envelope;

/**
 * One OGC collection per zoning, 'zoning-NAME': its zones with the ledger's figures per zone as properties, as the
 * regions collection has them per region (figures from ZoneFigures, boundaries from the zoning's index in memory).
 */
final class ZoneFeatures {
  static final String PREFIX = "zoning-";
  static final List<Queryable> QUERYABLES = List.of(
      Queryable.of("code", STRING, "code of the zone in its zoning", null),
      Queryable.of("name", STRING, "name of the zone", null),
      Queryable.of("zone_class", STRING, "class of the zone (land cover), if the zoning has classes", null),
      Queryable.of("area_km2", NUMBER, "geodesic area of the zone in km²", null),
      RegionFeatures.FIGURES.get(0), RegionFeatures.FIGURES.get(1), RegionFeatures.FIGURES.get(2),
      RegionFeatures.FIGURES.get(3), RegionFeatures.FIGURES.get(4), RegionFeatures.FIGURES.get(5));

  private final ZoningService zonings;
  private final ZoneFigures figures;

  ZoneFeatures(ZoningService zonings, ZoneFigures figures) {
    this.zonings = zonings;
    this.figures = figures;
  }

  static boolean isZoning(String collection) {
    return collection.startsWith(PREFIX);
  }

  private static String zoning(String collection) {
    return collection.substring(PREFIX.length());
  }

  List<CollectionInfo> collections() throws SQLException {
    List<CollectionInfo> out = new ArrayList<>();
    for (Zoning z : zonings.list()) {
      out.add(info(z));
    }
    return out;
  }

  CollectionInfo collection(String id) throws SQLException {
    for (Zoning z : zonings.list()) {
      if (z.name().equals(zoning(id))) {
        return info(z);
      }
    }
    throw FeatureService.unknownCollection(id);
  }

  private CollectionInfo info(Zoning z) {
    Envelope e = new Envelope();
    zonings.index(z.name()).zones().forEach(zone -> e.expandToInclude(zone.geometry().getEnvelopeInternal()));
    return new CollectionInfo(PREFIX + z.name(), z.title() + (z.synthetic() ? " (SYNTHETIC)" : ""),
        "Zones of the zoning '" + z.name() + "'" + (z.synthetic() ? ", generated: not real boundaries or land cover"
            : "") + (z.source() == null ? "" : "; source: " + z.source()) + ". With the ledger's figures in km² per"
            + " zone; a datetime gives the figures as of its last day.", e.isNull() ? null : e, null, null);
  }

  /** The zones in code order with their figures as of a day (null: now). */
  List<Feature> all(String collection, LocalDate asOf) throws SQLException {
    String name = zoning(collection);
    ZoningIndex index;
    try {
      index = zonings.index(name);
    } catch (org.landrelease.domain.LedgerException e) {
      throw FeatureService.unknownCollection(collection);
    }
    Map<String, ZoneFigures.ZoneRow> rows = new HashMap<>();
    figures.zones(name, asOf).forEach(r -> rows.put(r.code(), r));
    List<Feature> out = new ArrayList<>();
    for (ZoneShape s : index.zones()) {
      ZoneFigures.ZoneRow r = rows.get(s.code());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("code", s.code());
      p.put("name", s.name());
      p.put("zone_class", s.zoneClass());
      p.put("area_km2", Km2.of(s.areaM2()));
      if (r == null) {
        RegionFeatures.putFigures(p, 0, 0, 0, 0, 0, 0);
      } else {
        RegionFeatures.putFigures(p, r.reportedKm2(), r.remainingKm2(), r.releasedKm2(), r.cancelledKm2(),
            r.reducedKm2(), r.clearedKm2());
      }
      out.add(new Feature(s.code(), s.geometry(), p));
    }
    return out;
  }
}
