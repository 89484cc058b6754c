package org.landrelease.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import org.landrelease.geometry.Geometries;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Outlines of the demo's hazards and footprints: irregular star-shaped polygons, written as GeoJSON with 6-decimal
 * positions (about 10 cm).
 */
final class DemoShapes {
  private DemoShapes() {}

  /** A star-shaped polygon around a centre: angles and radii in metres, scaled as a whole. */
  record Star(double lon, double lat, double[] angles, double[] radii) {
    Star scaled(double scale) {
      double[] r = radii.clone();
      for (int k = 0; k < r.length; k++) {
        r[k] *= scale;
      }
      return new Star(lon, lat, angles, r);
    }

    Polygon build(double scale) {
      double kx = metresPerDegreeLon(lat);
      double ky = metresPerDegreeLat(lat);
      Coordinate[] ring = new Coordinate[angles.length + 1];
      for (int k = 0; k < angles.length; k++) {
        double r = radii[k] * scale;
        ring[k] = new Coordinate(round6(lon + r * Math.cos(angles[k]) / kx),
            round6(lat + r * Math.sin(angles[k]) / ky));
      }
      ring[angles.length] = ring[0].copy();
      return Geometries.FACTORY.createPolygon(ring);
    }
  }

  /** n increasing angles around the circle, evenly spaced with a little jitter. */
  static double[] angles(int n, SplittableRandom r) {
    double start = r.nextDouble(2 * Math.PI);
    double[] a = new double[n];
    for (int k = 0; k < n; k++) {
      a[k] = start + 2 * Math.PI * (k + r.nextDouble(-0.35, 0.35)) / n;
    }
    return a;
  }

  /** Amplitudes and phases of a few low harmonics: an irregular outline. */
  static double[] harmonics(SplittableRandom r) {
    double[] h = new double[8];
    for (int m = 0; m < 4; m++) {
      h[2 * m] = r.nextDouble(0.2, 1) / (m + 1);
      h[2 * m + 1] = r.nextDouble(2 * Math.PI);
    }
    return h;
  }

  /** The harmonics at angle t, in -1..1. */
  static double noise(double[] h, double t) {
    double sum = 0;
    double norm = 0;
    for (int m = 0; m < 4; m++) {
      sum += h[2 * m] * Math.cos((m + 2) * t + h[2 * m + 1]);
      norm += h[2 * m];
    }
    return sum / norm;
  }

  /** On the WGS84 ellipsoid (series in the latitude), unlike the spherical figure of the benchmark's shapes. */
  static double metresPerDegreeLon(double lat) {
    double phi = Math.toRadians(lat);
    return 111_412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi);
  }

  static double metresPerDegreeLat(double lat) {
    double phi = Math.toRadians(lat);
    return 111_132.92 - 559.82 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
  }

  static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  /** GeoJSON of a polygonal geometry with 6-decimal positions, exterior rings counter-clockwise (RFC 7946). */
  static ObjectNode geoJson(Geometry g, ObjectMapper mapper) {
    ObjectNode node = mapper.createObjectNode();
    if (g instanceof Polygon p) {
      node.put("type", "Polygon");
      polygon(p, node.putArray("coordinates"));
    } else {
      node.put("type", "MultiPolygon");
      ArrayNode polys = node.putArray("coordinates");
      for (int k = 0; k < g.getNumGeometries(); k++) {
        polygon((Polygon) g.getGeometryN(k), polys.addArray());
      }
    }
    return node;
  }

  private static void polygon(Polygon p, ArrayNode rings) {
    ring(p.getExteriorRing().getCoordinates(), true, rings.addArray());
    for (int k = 0; k < p.getNumInteriorRing(); k++) {
      ring(p.getInteriorRingN(k).getCoordinates(), false, rings.addArray());
    }
  }

  private static void ring(Coordinate[] cs, boolean ccw, ArrayNode out) {
    boolean reverse = Orientation.isCCW(cs) != ccw;
    for (int k = 0; k < cs.length; k++) {
      Coordinate c = cs[reverse ? cs.length - 1 - k : k];
      out.addArray().add(round6(c.x)).add(round6(c.y));
    }
  }
}
