package org.landrelease.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.landrelease.files.FeatureSchema;
import org.landrelease.files.FeatureWriter;
import org.landrelease.files.FileFormat;
import org.landrelease.geometry.GeoJsonGeometry;
import org.landrelease.geometry.Geometries;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * A field team's season as a GeoPackage, for the import benchmark: survey and clearance polygons drawn over the
 * ledger's current hazards, as a partner's GIS officer would hand them in. Each polygon is an irregular ring around a
 * point inside a hazard, sized by its kind (non-technical survey cancels large areas, clearance works small sites),
 * often reaching past the hazard's edge and overlapping earlier polygons, so that the ledger has to cut them to the
 * hazard land that is left. Rows are in date order, the order of the season.
 */
public final class FieldPolygons {
  public static final FeatureSchema SCHEMA = new FeatureSchema("fieldwork", List.of(FeatureSchema.text("ev_type"),
      FeatureSchema.date("ev_date"), FeatureSchema.text("grant_id"), FeatureSchema.text("method"),
      FeatureSchema.text("team"), FeatureSchema.integer("near_haz")));

  /** The mapping of SCHEMA's columns to event fields, for the given partner. */
  public static String mapping(String partner) {
    return "{\"type\":{\"column\":\"ev_type\"},\"date\":{\"column\":\"ev_date\"},\"partner\":{\"const\":\""
        + partner + "\"},\"grant\":{\"column\":\"grant_id\"},\"method\":{\"column\":\"method\"},"
        + "\"notes\":{\"column\":\"team\"}}";
  }

  /** A grant the partner may report on from start to end (inclusive). */
  public record Grant(String id, LocalDate start, LocalDate end) {}

  private record Hazard(long id, boolean confirmed, Geometry geometry, IndexedPointInAreaLocator locator) {}

  private record Row(LocalDate date, Geometry polygon, List<Object> values) {}

  private static final double M_PER_DEGREE = 111_320;

  private FieldPolygons() {}

  /**
   * Writes count polygons over the hazards (a GeoJSON FeatureCollection as GET /api/exports?layer=hazards gives it),
   * dated between from and to, each on a grant of the partner that runs on its date.
   */
  public static void write(Path file, JsonNode hazardsGeoJson, int count, long seed, List<Grant> grants, LocalDate from,
      LocalDate to) throws Exception {
    List<Hazard> hazards = new ArrayList<>();
    for (JsonNode f : hazardsGeoJson.get("features")) {
      Geometry g = GeoJsonGeometry.readPolygonal(f.get("geometry"), Integer.MAX_VALUE);
      hazards.add(new Hazard(f.path("properties").path("hazard_id").asLong(),
          "CHA".equals(f.path("properties").path("class").asText()), g, new IndexedPointInAreaLocator(g)));
    }
    if (hazards.isEmpty()) {
      throw new IllegalStateException("no hazards to draw field polygons over");
    }
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>(count);
    long days = to.toEpochDay() - from.toEpochDay() + 1;
    for (int i = 0; i < count; i++) {
      Hazard h = hazards.get(random.nextInt(hazards.size()));
      LocalDate date = LocalDate.ofEpochDay(from.toEpochDay() + (long) (random.nextDouble() * days));
      List<Grant> running = grants.stream().filter(g -> !date.isBefore(g.start()) && !date.isAfter(g.end()))
          .toList();
      if (running.isEmpty()) {
        throw new IllegalStateException("no grant of the partner runs on " + date);
      }
      double r = random.nextDouble();
      String type = h.confirmed() ? (r < 0.6 ? "CLEARANCE" : "TECHNICAL_SURVEY")
          : (r < 0.6 ? "NON_TECHNICAL_SURVEY" : r < 0.85 ? "TECHNICAL_SURVEY" : "CLEARANCE");
      double radiusM = switch (type) {
        case "NON_TECHNICAL_SURVEY" -> 200 + random.nextDouble() * 1300;
        case "TECHNICAL_SURVEY" -> 100 + random.nextDouble() * 500;
        default -> 40 + random.nextDouble() * 260;
      };
      String method = type.equals("CLEARANCE") ? (random.nextDouble() < 0.7 ? "MANUAL" : "MECHANICAL") : null;
      rows.add(new Row(date, ring(pointIn(h, random), radiusM, random),
          Arrays.asList(type, date, running.get(random.nextInt(running.size())).id(), method,
              "team " + (1 + random.nextInt(40)), h.id())));
    }
    rows.sort(Comparator.comparing(Row::date));
    java.nio.file.Files.deleteIfExists(file);
    try (FeatureWriter out = FeatureWriter.open(FileFormat.GPKG, file, SCHEMA)) {
      for (Row row : rows) {
        out.write(row.polygon(), row.values());
      }
      out.finish();
    }
  }

  /** A random point inside the hazard (its interior point when 50 tries in its envelope miss, as for slivers). */
  private static Coordinate pointIn(Hazard h, Random random) {
    Envelope e = h.geometry().getEnvelopeInternal();
    for (int i = 0; i < 50; i++) {
      Coordinate c = new Coordinate(e.getMinX() + random.nextDouble() * e.getWidth(),
          e.getMinY() + random.nextDouble() * e.getHeight());
      if (h.locator().locate(c) == Location.INTERIOR) {
        return c;
      }
    }
    return h.geometry().getInteriorPoint().getCoordinate();
  }

  /** An irregular, star-shaped (hence simple) ring of 8–20 vertices around the centre, radius ±35 %. */
  private static Geometry ring(Coordinate centre, double radiusM, Random random) {
    int n = 8 + random.nextInt(13);
    double dLat = radiusM / M_PER_DEGREE;
    double dLon = radiusM / (M_PER_DEGREE * Math.cos(Math.toRadians(centre.y)));
    Coordinate[] ring = new Coordinate[n + 1];
    double phase = random.nextDouble() * 2 * Math.PI;
    for (int k = 0; k < n; k++) {
      double a = phase + 2 * Math.PI * k / n;
      double s = 0.65 + random.nextDouble() * 0.7;
      ring[k] = new Coordinate(round(centre.x + s * dLon * Math.cos(a)), round(centre.y + s * dLat * Math.sin(a)));
    }
    ring[n] = ring[0].copy();
    return Geometries.FACTORY.createPolygon(ring);
  }

  /** Six decimals, as GPS units and field forms give them (about 0.1 m). */
  private static double round(double degrees) {
    return Math.round(degrees * 1e6) / 1e6;
  }
}
