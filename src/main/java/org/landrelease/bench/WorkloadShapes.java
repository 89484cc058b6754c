package org.landrelease.bench;

import java.util.SplittableRandom;
import org.landrelease.geometry.GeodesicArea;
import org.landrelease.geometry.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Polygons of the synthetic workload. Each is star-shaped around its centre (vertices at increasing angles, each at a
 * jittered distance on a rotated ellipse), so it is simple and valid by construction; it is then scaled to an exact
 * geodesic area and put on a 1e-7 degree (about 1 cm) grid: short to write, and on the ledger's own grid (1 mm), so
 * the coordinates written are the ones the service stores.
 */
final class WorkloadShapes {
  static final double METRES_PER_DEGREE_LAT = 111_132.0;
  private static final double GRID = 1e7;

  /** A polygon with its centre and the least and greatest distance of a vertex from that centre, in metres. */
  record Shape(Polygon polygon, double lon, double lat, double minRadiusM, double maxRadiusM, double areaM2) {}

  /** The outline of a shape before it is drawn: semi-axes in metres, rotation in radians, radial jitter. */
  record Outline(double semiMajorM, double semiMinorM, double rotation, int vertices, double minFactor) {
    static Outline round(int vertices, double minFactor) {
      return new Outline(1000, 1000, 0, vertices, minFactor);
    }
  }

  private WorkloadShapes() {}

  static double metresPerDegreeLon(double lat) {
    return METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(lat));
  }

  /** Distance in metres between two nearby points (equirectangular: exact enough for a few kilometres). */
  static double distanceM(double lon1, double lat1, double lon2, double lat2) {
    double dx = (lon2 - lon1) * metresPerDegreeLon((lat1 + lat2) / 2);
    double dy = (lat2 - lat1) * METRES_PER_DEGREE_LAT;
    return Math.hypot(dx, dy);
  }

  /** The point at distance metres and bearing angle (radians, counter-clockwise from east) from (lon, lat). */
  static double[] offset(double lon, double lat, double metres, double angle) {
    return new double[] {lon + metres * Math.cos(angle) / metresPerDegreeLon(lat),
        lat + metres * Math.sin(angle) / METRES_PER_DEGREE_LAT};
  }

  /** A shape of the given outline around (lon, lat), scaled to areaM2. */
  static Shape star(SplittableRandom rnd, double lon, double lat, Outline o, double areaM2) {
    int n = o.vertices();
    double[] noise = new double[n];
    for (int i = 0; i < n; i++) {
      noise[i] = rnd.nextDouble();
    }
    double kx = metresPerDegreeLon(lat);
    double cos = Math.cos(o.rotation()), sin = Math.sin(o.rotation());
    double[] xs = new double[n], ys = new double[n];
    for (int i = 0; i < n; i++) {
      // jitter under half a step keeps the angles increasing, which is what makes the ring simple
      double t = 2 * Math.PI * (i + 0.8 * (rnd.nextDouble() - 0.5)) / n;
      // neighbours smooth the jitter: an outline with bays rather than spikes
      double smooth = (noise[(i + n - 1) % n] + 2 * noise[i] + noise[(i + 1) % n]) / 4;
      double f = o.minFactor() + (1 - o.minFactor()) * smooth;
      double ex = o.semiMajorM() * Math.cos(t) * f, ey = o.semiMinorM() * Math.sin(t) * f;
      xs[i] = (ex * cos - ey * sin) / kx;
      ys[i] = (ex * sin + ey * cos) / METRES_PER_DEGREE_LAT;
    }
    double scale = Math.sqrt(areaM2 / GeodesicArea.m2(polygon(lon, lat, xs, ys, 1)));
    Polygon p = polygon(lon, lat, xs, ys, scale);
    double min = Double.MAX_VALUE, max = 0;
    for (int i = 0; i < n; i++) {
      double r = Math.hypot(xs[i] * scale * kx, ys[i] * scale * METRES_PER_DEGREE_LAT);
      min = Math.min(min, r);
      max = Math.max(max, r);
    }
    return new Shape(p, lon, lat, min, max, areaM2);
  }

  private static Polygon polygon(double lon, double lat, double[] dx, double[] dy, double scale) {
    int n = dx.length;
    Coordinate[] ring = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      ring[i] = new Coordinate(onGrid(lon + dx[i] * scale), onGrid(lat + dy[i] * scale));
    }
    ring[n] = ring[0].copy();
    return Geometries.FACTORY.createPolygon(ring);
  }

  private static double onGrid(double degrees) {
    return Math.round(degrees * GRID) / GRID;
  }
}
