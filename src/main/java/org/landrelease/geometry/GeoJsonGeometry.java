package org.landrelease.geometry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.landrelease.domain.Message;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Reads GeoJSON Polygon and MultiPolygon (RFC 7946, lon/lat) into valid JTS geometry, and writes it back. */
public final class GeoJsonGeometry {
  private GeoJsonGeometry() {}

  /**
   * Parses and validates a footprint. Refuses anything but a non-empty, valid Polygon or MultiPolygon with every
   * position inside the lon/lat range, every ring closed, and at most maxVertices positions.
   */
  public static Geometry readPolygonal(JsonNode node, int maxVertices) throws GeometryException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw new GeometryException("geometry is missing", null, Message.of("geometry.missing"));
    }
    if (!node.isObject()) {
      throw new GeometryException("geometry must be a GeoJSON object", null,
          Message.of("geometry.notAnObject"));
    }
    String type = node.path("type").asText("");
    JsonNode coords = node.get("coordinates");
    if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
      throw new GeometryException("geometry type '" + type + "' is not accepted: use Polygon or MultiPolygon", null,
          Message.of("geometry.typeNotAccepted", "type", type));
    }
    if (coords == null || !coords.isArray()) {
      throw new GeometryException(type + " needs a 'coordinates' array", null,
          Message.of("geometry.missingCoordinates", "type", type));
    }
    int[] budget = {maxVertices};
    Geometry geometry;
    if (type.equals("Polygon")) {
      geometry = polygon(coords, budget, maxVertices);
    } else {
      if (coords.isEmpty()) {
        throw new GeometryException("geometry is empty", null, Message.of("geometry.empty"));
      }
      Polygon[] polygons = new Polygon[coords.size()];
      for (int i = 0; i < polygons.length; i++) {
        polygons[i] = polygon(coords.get(i), budget, maxVertices);
      }
      geometry = Geometries.FACTORY.createMultiPolygon(polygons);
    }
    TopologyValidationError error = new IsValidOp(geometry).getValidationError();
    if (error != null) {
      throw new GeometryException("invalid " + type + ": " + error.getMessage(), error.getCoordinate(),
          Message.of("geometry.invalid", "type", type, "reason", reason(error)));
    }
    return snapToGrid(geometry);
  }

  /**
   * Puts every vertex on the ledger's 1 mm grid, keeping the polygon valid. Overlays snap-round to this grid, so a
   * hazard's own vertices must already lie on it, or each overlay would move them and areas would drift.
   */
  static Geometry snapToGrid(Geometry g) throws GeometryException {
    if (onGrid(g)) {
      return g; // field data with up to 8 decimals is already on the grid: no need to re-node it
    }
    Geometry snapped = Overlay.polygonal(GeometryPrecisionReducer.reduce(g, Geometries.PRECISION));
    if (snapped.isEmpty()) {
      throw new GeometryException("geometry collapses to nothing at the ledger's 1 mm precision",
          g.getCoordinate(), Message.of("geometry.collapses"));
    }
    return snapped;
  }

  private static boolean onGrid(Geometry g) {
    for (Coordinate c : g.getCoordinates()) {
      if (Geometries.PRECISION.makePrecise(c.x) != c.x || Geometries.PRECISION.makePrecise(c.y) != c.y) {
        return false;
      }
    }
    return true;
  }

  private static Polygon polygon(JsonNode rings, int[] budget, int maxVertices) throws GeometryException {
    if (!rings.isArray() || rings.isEmpty()) {
      throw new GeometryException("geometry is empty: a polygon needs at least an exterior ring", null,
          Message.of("geometry.noExteriorRing"));
    }
    LinearRing shell = ring(rings.get(0), budget, maxVertices);
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i), budget, maxVertices);
    }
    return Geometries.FACTORY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode positions, int[] budget, int maxVertices) throws GeometryException {
    if (!positions.isArray()) {
      throw new GeometryException("a ring must be an array of positions", null,
          Message.of("geometry.ringNotAnArray"));
    }
    int n = positions.size();
    budget[0] -= n;
    if (budget[0] < 0) {
      throw new GeometryException("geometry has more than " + maxVertices + " vertices", null, true,
          Message.of("geometry.tooManyVertices", "max", maxVertices));
    }
    Coordinate[] coordinates = new Coordinate[n];
    for (int i = 0; i < n; i++) {
      coordinates[i] = position(positions.get(i));
    }
    if (n == 0) {
      throw new GeometryException("geometry is empty: a ring has no positions", null,
          Message.of("geometry.emptyRing"));
    }
    if (!coordinates[0].equals2D(coordinates[n - 1])) {
      throw new GeometryException("ring is not closed: its first and last positions differ", coordinates[n - 1],
          Message.of("geometry.ringNotClosed"));
    }
    if (n < 4) {
      throw new GeometryException("ring has " + n + " positions; a closed ring needs at least 4", coordinates[0],
          Message.of("geometry.ringTooShort", "positions", n));
    }
    return Geometries.FACTORY.createLinearRing(coordinates);
  }

  private static Coordinate position(JsonNode p) throws GeometryException {
    if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw new GeometryException("a position must be an array [lon, lat] of numbers, got " + abbreviate(p), null,
          Message.of("geometry.badPosition", "got", abbreviate(p)));
    }
    double lon = p.get(0).doubleValue();
    double lat = p.get(1).doubleValue();
    if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      throw new GeometryException("position is outside the lon/lat range (lon -180..180, lat -90..90)",
          new Coordinate(lon, lat), Message.of("geometry.outOfRange"));
    }
    return new Coordinate(lon, lat);
  }

  /** IsValidOp's finite set of reasons (TopologyValidationError's codes), each a key of its own. */
  private static final String[] REASONS = {"error", "repeatedPoint", "holeOutsideShell", "nestedHoles",
      "disconnectedInterior", "selfIntersection", "ringSelfIntersection", "nestedShells", "duplicateRings",
      "tooFewPoints", "invalidCoordinate", "ringNotClosed"};

  private static Message reason(TopologyValidationError error) {
    int code = error.getErrorType();
    return Message.of("geometry.reason." + (code >= 0 && code < REASONS.length ? REASONS[code] : "error"));
  }

  private static String abbreviate(JsonNode p) {
    String s = p.toString();
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  /** Writes a Polygon or MultiPolygon as a GeoJSON geometry object. */
  public static void write(Geometry g, JsonGenerator out) throws IOException {
    out.writeStartObject();
    if (g instanceof Polygon p) {
      out.writeStringField("type", "Polygon");
      out.writeFieldName("coordinates");
      writePolygon(p, out);
    } else {
      @SuppressWarnings("unchecked")
      List<Polygon> polygons = PolygonExtracter.getPolygons(g);
      out.writeStringField("type", "MultiPolygon");
      out.writeFieldName("coordinates");
      out.writeStartArray();
      for (Polygon p : polygons) {
        if (p.isEmpty()) {
          continue;
        }
        writePolygon(p, out);
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }

  private static void writePolygon(Polygon p, JsonGenerator out) throws IOException {
    out.writeStartArray();
    writeRing(p.getExteriorRing().getCoordinates(), out);
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      writeRing(p.getInteriorRingN(i).getCoordinates(), out);
    }
    out.writeEndArray();
  }

  private static void writeRing(Coordinate[] ring, JsonGenerator out) throws IOException {
    out.writeStartArray();
    for (Coordinate c : ring) {
      out.writeStartArray();
      out.writeNumber(onGrid(c.x));
      out.writeNumber(onGrid(c.y));
      out.writeEndArray();
    }
    out.writeEndArray();
  }

  /** The ledger's precision grid; more digits would be noise. */
  private static double onGrid(double v) {
    return Geometries.PRECISION.makePrecise(v);
  }
}
