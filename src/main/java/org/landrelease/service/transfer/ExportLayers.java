package org.landrelease.service.transfer;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.HazardRow;
import org.landrelease.domain.LandUse;
import org.landrelease.domain.ReleasedPiece;
import org.landrelease.domain.StoredEvent;
import org.landrelease.files.FeatureSchema;
import org.landrelease.geometry.RegionShape;
import org.landrelease.service.EventChange;

/** The columns of each exported layer and the values of one row; areas are geodesic, in km² and hectares. */
final class ExportLayers {
  private ExportLayers() {}

  static FeatureSchema schema(ExportService.Layer layer) {
    return switch (layer) {
      case HAZARDS -> new FeatureSchema("hazards", List.of(FeatureSchema.integer("hazard_id"),
          FeatureSchema.text("class"), FeatureSchema.text("haz_types"), FeatureSchema.text("regions"),
          FeatureSchema.real("area_km2"), FeatureSchema.real("area_ha")));
      case RELEASES -> new FeatureSchema("releases", List.of(FeatureSchema.integer("hazard_id"),
          FeatureSchema.text("region"), FeatureSchema.text("kind"), FeatureSchema.date("date"),
          FeatureSchema.text("partner"), FeatureSchema.text("grant_id"), FeatureSchema.text("event_id"),
          FeatureSchema.text("event_type"), FeatureSchema.real("area_km2"), FeatureSchema.real("area_ha"),
          FeatureSchema.text("land_use")));
      case EVENTS -> new FeatureSchema("events", List.of(FeatureSchema.text("event_id"), FeatureSchema.text("type"),
          FeatureSchema.date("date"), FeatureSchema.text("partner"), FeatureSchema.text("grant_id"),
          FeatureSchema.text("class"), FeatureSchema.text("method"), FeatureSchema.text("haz_types"),
          FeatureSchema.text("notes"), FeatureSchema.text("regions"), FeatureSchema.real("area_km2"),
          FeatureSchema.real("area_ha"), FeatureSchema.real("chg_km2"), FeatureSchema.text("land_use")));
      case REGIONS -> new FeatureSchema("regions", List.of(FeatureSchema.text("code"), FeatureSchema.text("name"),
          FeatureSchema.text("name_uk"), FeatureSchema.real("area_km2"), FeatureSchema.real("area_ha")));
    };
  }

  static List<Object> hazard(HazardRow h) {
    return Arrays.asList(h.id(), h.classification().name(), types(h.hazardTypes()), codes(h.regions()),
        km2(h.areaM2()), ha(h.areaM2()));
  }

  static List<Object> release(ReleasedPiece p) {
    return Arrays.asList(p.hazardId(), p.region(), p.kind().name(), p.date(), p.partner(), p.grant(),
        p.eventId().toString(), p.eventType().name(), km2(p.m2()), ha(p.m2()), LandUse.key(p.landUse()));
  }

  /**
   * chg_km2: the land the event released (a release) or added as hazard (a report), negative for a reversal (the
   * land it made contaminated again), as the API's releasedKm2 says.
   */
  static List<Object> event(StoredEvent e) {
    EventCommand c = e.command();
    return Arrays.asList(c.id().toString(), c.type().name(), c.date(), c.partner(), c.grant(),
        c.classification() == null ? null : c.classification().name(), c.method() == null ? null : c.method().name(),
        c.hazardTypes() == null ? null : types(c.hazardTypes()), c.notes(), codes(e.regions()), km2(e.footprintM2()),
        ha(e.footprintM2()), EventChange.changedKm2(e),
        landUse(c.landUse()));
  }

  static List<Object> region(RegionShape r) {
    return Arrays.asList(r.code(), r.name(), r.nameUk(), km2(r.areaM2()), ha(r.areaM2()));
  }

  /** An event's land use as recorded: nothing when not recorded (the releases layer says "unknown" per piece). */
  private static String landUse(LandUse use) {
    return use == null ? null : use.name();
  }

  private static String types(java.util.Collection<? extends Enum<?>> types) {
    return types.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  /** ",UA-14,UA-23," as stored becomes "UA-14,UA-23". */
  private static String codes(String stored) {
    return stored == null ? null : stored.replaceAll("^,|,$", "");
  }

  static double km2(double m2) {
    return Math.round(m2) / 1e6;
  }

  static double ha(double m2) {
    return Math.round(m2) / 1e4;
  }
}
