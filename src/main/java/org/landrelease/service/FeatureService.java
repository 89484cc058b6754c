package org.landrelease.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Queryable;
import org.landrelease.geometry.OgcCrs;
import org.landrelease.service.cql2.Cql2Parser;
import org.landrelease.store.FeatureFilter;
import org.landrelease.store.FeatureStore;
import org.landrelease.store.FeatureStore.FeatureRow;
import org.landrelease.store.FeatureTable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The ledger as OGC API feature collections: current hazards, released land, regions with their figures, and approved
 * events. Features come out in the CRS asked for; filters are CQL2 text over the collection's queryables.
 */
public final class FeatureService {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 10_000;

  /** A collection's identity and its extent (null parts when it has no features or no dates). */
  public record CollectionInfo(String id, String title, String description, Envelope bbox, LocalDate first,
      LocalDate last) {}

  /**
   * What a client asked of a collection's items; the bbox is already CRS84; the cursor is null on the first page; the
   * country (a code the ledger holds, or null) keeps that country's features.
   */
  public record ItemsRequest(String collection, Envelope bbox, LocalDate from, LocalDate to, String filter,
      OgcCrs filterCrs, String cursor, int limit, OgcCrs crs, String country) {
    public ItemsRequest(String collection, Envelope bbox, LocalDate from, LocalDate to, String filter,
        OgcCrs filterCrs, String cursor, int limit, OgcCrs crs) {
      this(collection, bbox, from, to, filter, filterCrs, cursor, limit, crs, null);
    }
  }

  public record Feature(String id, Geometry geometry, Map<String, Object> properties) {}

  /** A page of features, how many match in all, and the cursor of the next page (null on the last). */
  public record Page(List<Feature> features, long numberMatched, String nextCursor) {}

  private final FeatureStore store;
  private final RegionFeatures regions;

  private final ZoneFeatures zones;

  public FeatureService(FeatureStore store, ReportService reports, MapService map) {
    this(store, reports, map, null, null);
  }

  /** With the zonings: one more collection per zoning, 'zoning-NAME', with the figures per zone. */
  public FeatureService(FeatureStore store, ReportService reports, MapService map, ZoningService zonings,
      ZoneFigures figures) {
    this.store = store;
    this.regions = new RegionFeatures(reports, map);
    this.zones = zonings == null ? null : new ZoneFeatures(zonings, figures);
  }

  /** The collections in the order the landing page lists them. */
  public static final List<String> COLLECTIONS = List.of("hazards", "releases", "regions", "events");

  public List<CollectionInfo> collections() throws SQLException {
    List<CollectionInfo> out = new ArrayList<>();
    for (String id : COLLECTIONS) {
      out.add(collection(id));
    }
    if (zones != null) {
      out.addAll(zones.collections());
    }
    return out;
  }

  public CollectionInfo collection(String id) throws SQLException {
    if (ZoneFeatures.isZoning(id)) {
      return zoneFeatures(id).collection(id);
    }
    return switch (id) {
      case "hazards" -> info(id, "Hazardous areas", "Current suspected and confirmed hazardous areas: the land still "
          + "to release. Datetime filters on the date of the report that created each hazard.", FeatureTable.HAZARDS);
      case "releases" -> info(id, "Released land", "Land released by cancellation (non-technical survey), reduction "
          + "(technical survey) or clearance, one feature per hazard, region and event.", FeatureTable.RELEASES);
      case "events" -> info(id, "Approved events", "Footprints of the approved hazard reports, surveys and "
          + "clearances, with their attributes.", FeatureTable.EVENTS);
      case "regions" -> new CollectionInfo(id, "Regions", "First-level administrative units (oblasts) with the "
          + "ledger's figures in km². A datetime gives the figures as of its last day.", regions.extent(), null, null);
      default -> throw unknownCollection(id);
    };
  }

  private CollectionInfo info(String id, String title, String description, FeatureTable table) throws SQLException {
    FeatureStore.Extent e = store.extent(table);
    return new CollectionInfo(id, title, description, e.bbox(), e.first(), e.last());
  }

  private ZoneFeatures zoneFeatures(String id) {
    if (zones == null) {
      throw unknownCollection(id);
    }
    return zones;
  }

  public List<Queryable> queryables(String collection) {
    if (ZoneFeatures.isZoning(collection)) {
      return ZoneFeatures.QUERYABLES;
    }
    return collection.equals("regions") ? RegionFeatures.QUERYABLES : table(collection).queryables();
  }

  public Page items(ItemsRequest r) throws SQLException {
    FeatureFilter filter = r.filter() == null || r.filter().isBlank() ? null
        : Cql2Parser.parse(r.filter(), queryables(r.collection()), r.filterCrs());
    if (r.collection().equals("regions")) {
      // the country parameter is the queryable 'country' given as a parameter (OGC API - Features Part 3)
      return regions.page(r, r.country() == null ? filter : and(filter,
          new FeatureFilter.Compare("country", FeatureFilter.Op.EQ, r.country())));
    }
    if (ZoneFeatures.isZoning(r.collection()) && r.country() != null) {
      throw LedgerException.badRequest("country-not-applicable", "the zones of a zoning belong to no country; "
          + "'country' filters the hazards, releases, regions and events collections").with("country.notApplicable");
    }
    if (ZoneFeatures.isZoning(r.collection())) {
      return RegionFeatures.page(zoneFeatures(r.collection()).all(r.collection(), r.to()), r, filter);
    }
    FeatureTable table = table(r.collection());
    FeatureStore.Query q = new FeatureStore.Query(r.bbox(), r.from(), r.to(), filter, r.country());
    Long after = null;
    if (r.cursor() != null) {
      try {
        after = Long.parseLong(r.cursor());
      } catch (NumberFormatException e) {
        throw LedgerException.badRequest("invalid-parameter", "'cursor' comes from a next link; got '" + r.cursor()
            + "'").with("ogc.invalidCursor", "got", r.cursor());
      }
    }
    List<FeatureRow> rows = store.page(table, q, after, r.limit() + 1);
    boolean more = rows.size() > r.limit();
    List<Feature> features = new ArrayList<>(Math.min(rows.size(), r.limit()));
    for (int i = 0; i < Math.min(rows.size(), r.limit()); i++) {
      FeatureRow row = rows.get(i);
      features.add(new Feature(row.id(), r.crs().fromCrs84(row.geometry()), row.properties()));
    }
    long matched = after == null && !more ? features.size() : store.count(table, q);
    String next = more ? String.valueOf(rows.get(r.limit() - 1).key()) : null;
    return new Page(features, matched, next);
  }

  public Feature feature(String collection, String id, OgcCrs crs) throws SQLException {
    if (collection.equals("regions")) {
      return regions.feature(id, crs);
    }
    if (ZoneFeatures.isZoning(collection)) {
      for (Feature f : zoneFeatures(collection).all(collection, null)) {
        if (f.id().equals(id)) {
          return new Feature(f.id(), crs.fromCrs84(f.geometry()), f.properties());
        }
      }
      throw LedgerException.notFound("collection '" + collection + "' has no feature '" + id + "'")
          .with("ogc.noFeature", "collection", collection, "id", id);
    }
    FeatureRow row = store.feature(table(collection), id).orElseThrow(() -> LedgerException.notFound(
        "collection '" + collection + "' has no feature '" + id + "'")
            .with("ogc.noFeature", "collection", collection, "id", id));
    return new Feature(row.id(), crs.fromCrs84(row.geometry()), row.properties());
  }

  private static FeatureFilter and(FeatureFilter a, FeatureFilter b) {
    return a == null ? b : new FeatureFilter.And(a, b);
  }

  private static FeatureTable table(String collection) {
    return switch (collection) {
      case "hazards" -> FeatureTable.HAZARDS;
      case "releases" -> FeatureTable.RELEASES;
      case "events" -> FeatureTable.EVENTS;
      default -> throw unknownCollection(collection);
    };
  }

  /** A 404 for an id that is not a collection, without the cost of reading the collection's extent. */
  public static void requireCollection(String id) {
    if (!COLLECTIONS.contains(id) && !ZoneFeatures.isZoning(id)) {
      throw unknownCollection(id);
    }
  }

  static LedgerException unknownCollection(String id) {
    return LedgerException.notFound("no collection '" + id + "'; the collections are " + COLLECTIONS
        + " and one 'zoning-NAME' per zoning").with("ogc.noCollection", "id", id, "collections", COLLECTIONS);
  }
}
