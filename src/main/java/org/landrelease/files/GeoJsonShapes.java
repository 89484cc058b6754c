package org.landrelease.files;

import com.fasterxml.jackson.databind.JsonNode;
import org.landrelease.geometry.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds a JTS geometry of any GeoJSON type in whatever CRS its file uses, without validating it: the import
 * reprojects it first, then validates it exactly as a posted event (service.EventParsing).
 */
final class GeoJsonShapes {
  private static final GeometryFactory F = Geometries.FACTORY;

  private GeoJsonShapes() {}

  /** The geometry, or null for a null geometry; IllegalArgumentException says what is malformed. */
  static Geometry read(JsonNode g) {
    if (g == null || g.isNull()) {
      return null;
    }
    String type = g.path("type").asText("");
    JsonNode c = g.get("coordinates");
    if (!type.equals("GeometryCollection") && (c == null || !c.isArray())) {
      throw new IllegalArgumentException("a " + (type.isEmpty() ? "geometry" : type) + " needs a coordinates array");
    }
    return switch (type) {
      case "Point" -> F.createPoint(coordinate(c));
      case "MultiPoint" -> F.createMultiPoint(points(c));
      case "LineString" -> F.createLineString(coordinates(c));
      case "MultiLineString" -> {
        LineString[] lines = new LineString[c.size()];
        for (int i = 0; i < lines.length; i++) {
          lines[i] = F.createLineString(coordinates(c.get(i)));
        }
        yield F.createMultiLineString(lines);
      }
      case "Polygon" -> polygon(c);
      case "MultiPolygon" -> {
        Polygon[] polygons = new Polygon[c.size()];
        for (int i = 0; i < polygons.length; i++) {
          polygons[i] = polygon(c.get(i));
        }
        yield F.createMultiPolygon(polygons);
      }
      case "GeometryCollection" -> {
        JsonNode members = g.path("geometries");
        Geometry[] parts = new Geometry[members.size()];
        for (int i = 0; i < parts.length; i++) {
          parts[i] = read(members.get(i));
        }
        yield F.createGeometryCollection(parts);
      }
      default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
    };
  }

  private static Polygon polygon(JsonNode rings) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw new IllegalArgumentException("a polygon needs at least one ring");
    }
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i));
    }
    return F.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode positions) {
    Coordinate[] cs = coordinates(positions);
    if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) {
      throw new IllegalArgumentException("a polygon ring must be closed and have at least 4 positions");
    }
    return F.createLinearRing(cs);
  }

  private static Point[] points(JsonNode positions) {
    Point[] out = new Point[positions.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = F.createPoint(coordinate(positions.get(i)));
    }
    return out;
  }

  private static Coordinate[] coordinates(JsonNode positions) {
    if (!positions.isArray()) {
      throw new IllegalArgumentException("positions must be an array");
    }
    Coordinate[] out = new Coordinate[positions.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = coordinate(positions.get(i));
    }
    return out;
  }

  private static Coordinate coordinate(JsonNode p) {
    if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw new IllegalArgumentException("a position must be an array of at least two numbers, got " + p);
    }
    return new Coordinate(p.get(0).doubleValue(), p.get(1).doubleValue());
  }
}
