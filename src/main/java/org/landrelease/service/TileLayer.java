package org.landrelease.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layers served as vector tiles: what each shows, from which zoom, which query parameters narrow it, and the
 * fields its features carry (for TileJSON). Below its minimum zoom a detail layer is empty: the map shows the region
 * choropleth there, and no individual polygons.
 */
public enum TileLayer {
  HAZARDS("hazards", 8, Set.of("classification", "country"),
      "Current hazard areas (SHA and CHA): what remains to be released, as of now",
      fields("id", "Number", "classification", "String", "hazardTypes", "String", "areaKm2", "Number",
          "regions", "String")),
  RELEASES("releases", 8, Set.of("asOf", "partner", "grant", "country"),
      "Released land, one feature per released piece, by outcome (cancelled, reduced, cleared)",
      fields("id", "Number", "outcome", "String", "eventId", "String", "eventType", "String", "date", "String",
          "partner", "String", "grant", "String", "region", "String", "hazardId", "Number", "areaKm2", "Number",
          "areaHa", "Number")),
  REGIONS("regions", 0, Set.of("asOf", "country"),
      "First-level regions with the ledger's figures (geodesic km²) as of a day",
      fields("code", "String", "name", "String", "name_uk", "String", "areaKm2", "Number", "reportedKm2", "Number",
          "contaminatedKm2", "Number", "releasedKm2", "Number", "cancelledKm2", "Number", "reducedKm2", "Number",
          "clearedKm2", "Number", "share", "Number"));

  /** Zoom up to which tiles carry new detail; clients draw deeper zooms from these (overzoom). */
  public static final int MAX_DETAIL_ZOOM = 16;

  private final String id;
  private final int minZoom;
  private final Set<String> parameters;
  private final String description;
  private final Map<String, String> fields;

  TileLayer(String id, int minZoom, Set<String> parameters, String description, Map<String, String> fields) {
    this.id = id;
    this.minZoom = minZoom;
    this.parameters = parameters;
    this.description = description;
    this.fields = fields;
  }

  public String id() {
    return id;
  }

  public int minZoom() {
    return minZoom;
  }

  public Set<String> parameters() {
    return parameters;
  }

  public String description() {
    return description;
  }

  public Map<String, String> fields() {
    return fields;
  }

  public static TileLayer of(String id) {
    for (TileLayer l : values()) {
      if (l.id.equals(id)) {
        return l;
      }
    }
    return null;
  }

  public static List<String> ids() {
    return java.util.Arrays.stream(values()).map(TileLayer::id).toList();
  }

  private static Map<String, String> fields(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
