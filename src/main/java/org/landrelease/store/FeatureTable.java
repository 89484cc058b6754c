package org.landrelease.store;

import static org.landrelease.domain.Queryable.Type.DATE;
import static org.landrelease.domain.Queryable.Type.INTEGER;
import static org.landrelease.domain.Queryable.Type.NUMBER;
import static org.landrelease.domain.Queryable.Type.STRING;

import java.util.List;
import java.util.UUID;
import org.landrelease.domain.Queryable;

/**
 * The feature collections the database serves, as SQL: what to select from, the key that orders and pages them, the
 * geometry, the date a datetime filter applies to, and the properties (which are also the queryables). Only APPROVED
 * events count, so releases and events are read through the event's status.
 */
public enum FeatureTable {
  HAZARDS("hazard h", "1 = 1", "h.id", "h.id", "h.geom", CountryIn.REGIONS, "h.regions",
      "(SELECT o.event_date FROM event o WHERE o.seq = h.origin_event)", List.of(
      Queryable.of("id", INTEGER, "hazard id, kept for the life of the hazard", "h.id"),
      Queryable.of("classification", STRING, "SHA (suspected) or CHA (confirmed hazardous area)", "h.classification"),
      Queryable.of("hazard_types", STRING, "hazard types, comma-separated (AP_MINE,UXO)", "h.hazard_types"),
      Queryable.of("area_km2", NUMBER, "current geodesic area in km²", "ROUND(h.area_m2) / 1000000.0"),
      Queryable.of("area_ha", NUMBER, "current geodesic area in hectares", "ROUND(h.area_m2 / 100.0) / 100.0"),
      Queryable.of("regions", STRING, "ISO 3166-2 codes of the regions it lies in, comma-separated",
          "TRIM(BOTH ',' FROM h.regions)"),
      Queryable.of("reported_date", DATE, "date of the hazard report that created it",
          "(SELECT o.event_date FROM event o WHERE o.seq = h.origin_event)"))),
  RELEASES("piece p JOIN piece_shape s ON s.piece_id = p.id JOIN event e ON e.seq = p.event_seq",
      "p.kind IN ('CANCELLED', 'REDUCED', 'CLEARED') AND e.status = 'APPROVED' AND p.area_m2 > 0 AND p.reversed_on IS NULL",
      "p.id", "p.id", "s.geom", CountryIn.REGION, "p.region",
      "p.event_date", List.of(
      Queryable.of("outcome", STRING, "CANCELLED, REDUCED or CLEARED", "p.kind"),
      Queryable.of("event_id", STRING, "id of the event that released the land", "CAST(e.id AS VARCHAR)"),
      Queryable.of("event_type", STRING, "NON_TECHNICAL_SURVEY, TECHNICAL_SURVEY or CLEARANCE", "e.type"),
      Queryable.of("partner", STRING, "partner that did the work", "p.partner_id"),
      Queryable.of("grant", STRING, "grant that funded it", "p.grant_id"),
      Queryable.of("region", STRING, "ISO 3166-2 code of the region", "p.region"),
      Queryable.of("hazard_id", INTEGER, "hazard the land was released from", "p.hazard_id"),
      Queryable.of("land_use", STRING, "land use after release as the field team recorded it (AGRICULTURE, "
          + "RESIDENTIAL, INFRASTRUCTURE, FOREST, WATER, OTHER), or unknown", "COALESCE(p.land_use, 'unknown')"),
      Queryable.of("date", DATE, "date of the event", "p.event_date"),
      Queryable.of("area_km2", NUMBER, "geodesic area in km²", "ROUND(p.area_m2) / 1000000.0"),
      Queryable.of("area_ha", NUMBER, "geodesic area in hectares", "ROUND(p.area_m2 / 100.0) / 100.0"))),
  EVENTS("event e JOIN event_footprint f ON f.seq = e.seq", "e.status = 'APPROVED'", "e.seq", "e.id", "f.footprint",
      CountryIn.REGIONS, "e.regions",
      "e.event_date", List.of(
      Queryable.of("type", STRING, "HAZARD_REPORT, NON_TECHNICAL_SURVEY, TECHNICAL_SURVEY or CLEARANCE", "e.type"),
      Queryable.of("date", DATE, "date of the work in the field", "e.event_date"),
      Queryable.of("partner", STRING, "partner that reported it", "e.partner_id"),
      Queryable.of("grant", STRING, "grant that funded it", "e.grant_id"),
      Queryable.of("classification", STRING, "SHA or CHA (hazard reports)", "e.classification"),
      Queryable.of("hazard_types", STRING, "hazard types, comma-separated (hazard reports)", "e.hazard_types"),
      Queryable.of("method", STRING, "clearance method", "e.method"),
      Queryable.of("land_use", STRING, "land use after release as the field team recorded it (releases; "
          + "empty when not recorded)", "e.land_use"),
      Queryable.of("regions", STRING, "ISO 3166-2 codes of the regions it touches, comma-separated",
          "TRIM(BOTH ',' FROM e.regions)"),
      Queryable.of("footprint_km2", NUMBER, "geodesic area of the footprint in km²",
          "ROUND(e.footprint_m2) / 1000000.0")));

  final String from;
  final String where;
  final String key;
  final String id;
  final String geometry;
  final CountryIn countryIn;
  final String countryColumn;
  final String date;
  private final List<Queryable> queryables;

  /** How a row says its country: one region code (a piece's), or a regions list (",UA-05,LB-BA,"). See CountrySql. */
  enum CountryIn { REGION, REGIONS }

  FeatureTable(String from, String where, String key, String id, String geometry, CountryIn countryIn,
      String countryColumn, String date, List<Queryable> queryables) {
    this.from = from;
    this.where = where;
    this.key = key;
    this.id = id;
    this.geometry = geometry;
    this.countryIn = countryIn;
    this.countryColumn = countryColumn;
    this.date = date;
    this.queryables = queryables;
  }

  public List<Queryable> queryables() {
    return queryables;
  }

  /** A feature id as the database holds it, or null when the text cannot be one (then there is no such feature). */
  Object featureId(String text) {
    try {
      return this == EVENTS ? UUID.fromString(text) : (Object) Long.parseLong(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
