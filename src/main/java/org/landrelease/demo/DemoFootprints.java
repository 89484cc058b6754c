package org.landrelease.demo;

import static org.landrelease.demo.DemoTrajectory.KM2;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.SplittableRandom;
import org.landrelease.demo.DemoLedger.Hazard;
import org.landrelease.demo.DemoShapes.Star;
import org.landrelease.domain.EventType;
import org.landrelease.geometry.GeoJsonGeometry;
import org.landrelease.geometry.Geometries;
import org.landrelease.geometry.GeometryException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Footprints of releases, drawn against a hazard: inside it, across its edge, over it and a neighbour, or around the
 * whole of it (an NTS that cancels the hazard).
 */
final class DemoFootprints {
  private final DemoLedger ledger;
  private final SplittableRandom geo;
  private final ObjectMapper mapper;
  /** Footprints are Ukraine's scaled by the plan: lengths by scale, areas by its square. */
  private final double scale;

  DemoFootprints(DemoPlan plan, DemoLedger ledger, SplittableRandom geo, ObjectMapper mapper) {
    this.scale = plan.scale();
    this.ledger = ledger;
    this.geo = geo;
    this.mapper = mapper;
  }

  /** The outline of a release of this type on the hazard; null if no centre was found. */
  Star draw(EventType type, Hazard h) {
    double u = geo.nextDouble();
    if (type == EventType.NON_TECHNICAL_SURVEY && u < 0.4) {
      return wholeHazard(h);
    }
    double areaKm2 = switch (type) {
      case NON_TECHNICAL_SURVEY -> DemoRandom.clamp(Math.exp(Math.log(8) + 0.6 * DemoRandom.gaussian(geo)), 2, 40);
      case TECHNICAL_SURVEY -> DemoRandom.clamp(Math.exp(Math.log(4.5) + 0.6 * DemoRandom.gaussian(geo)), 0.5, 15);
      default -> Math.exp(geo.nextDouble(Math.log(0.02), Math.log(5))); // 2 to 500 ha
    };
    double radius = Math.sqrt(areaKm2 * KM2 * scale * scale / Math.PI);
    boolean clearance = type == EventType.CLEARANCE;
    Coordinate centre;
    double place = geo.nextDouble();
    if (!clearance && place < 0.1) {
      // over two hazards: on the line between this hazard's cell and a neighbour's
      Hazard other = neighbour(h);
      if (other == null) {
        centre = pointIn(h.geometry);
      } else {
        long[] a = h.cell;
        long[] b = other.cell;
        centre = new Coordinate((a[0] + b[0] + 1) * DemoHazards.CELL_LON * scale / 2,
            (a[1] + b[1] + 1) * DemoHazards.CELL_LAT * scale / 2);
        radius = Math.max(radius, 1500 * scale);
      }
    } else if (place < (clearance ? 0.2 : 0.35)) {
      centre = pointOnEdge(h.geometry); // across the hazard's edge
    } else {
      centre = pointIn(h.geometry);
    }
    if (centre == null) {
      return null;
    }
    int n = switch (type) {
      case CLEARANCE -> 20 + geo.nextInt(17);
      case TECHNICAL_SURVEY -> 24 + geo.nextInt(25);
      default -> 32 + geo.nextInt(41);
    };
    double[] angles = DemoShapes.angles(n, geo);
    double[] harm = DemoShapes.harmonics(geo);
    double amp = geo.nextDouble(0.15, 0.4);
    double[] radii = new double[n];
    for (int k = 0; k < n; k++) {
      radii[k] = radius * (1 + amp * DemoShapes.noise(harm, angles[k]) + geo.nextDouble(-0.04, 0.04));
    }
    return new Star(centre.x, centre.y, angles, radii);
  }

  /** An NTS that cancels a whole hazard: a star around the hazard's convex hull, a little larger than it. */
  private Star wholeHazard(Hazard h) {
    Geometry hull = h.geometry.convexHull();
    if (!(hull instanceof Polygon)) {
      return null;
    }
    Coordinate c = hull.getCentroid().getCoordinate();
    double kx = DemoShapes.metresPerDegreeLon(c.y);
    double ky = DemoShapes.metresPerDegreeLat(c.y);
    Coordinate[] cs = hull.getCoordinates();
    double[] xs = new double[cs.length];
    double[] ys = new double[cs.length];
    for (int k = 0; k < cs.length; k++) {
      xs[k] = (cs[k].x - c.x) * kx;
      ys[k] = (cs[k].y - c.y) * ky;
    }
    int n = 48 + geo.nextInt(49);
    double[] angles = DemoShapes.angles(n, geo);
    double[] harm = DemoShapes.harmonics(geo);
    double[] radii = new double[n];
    for (int k = 0; k < n; k++) {
      double d = rayToPolygon(xs, ys, Math.cos(angles[k]), Math.sin(angles[k]));
      radii[k] = d * (1.03 + 0.02 * DemoShapes.noise(harm, angles[k])) + 40 * scale;
    }
    return new Star(c.x, c.y, angles, radii);
  }

  /** Distance from the origin along (dx, dy) to the boundary of a convex ring around the origin. */
  private static double rayToPolygon(double[] xs, double[] ys, double dx, double dy) {
    double best = 0;
    for (int k = 0; k + 1 < xs.length; k++) {
      double ex = xs[k + 1] - xs[k];
      double ey = ys[k + 1] - ys[k];
      double den = dx * ey - dy * ex;
      if (Math.abs(den) < 1e-12) {
        continue;
      }
      double t = (xs[k] * ey - ys[k] * ex) / den;
      double s = (xs[k] * dy - ys[k] * dx) / den;
      if (t > 0 && s >= -1e-9 && s <= 1 + 1e-9) {
        best = Math.max(best, t);
      }
    }
    return best;
  }

  private Hazard neighbour(Hazard h) {
    List<Hazard> options = ledger.neighbours(h);
    return options.isEmpty() ? null : options.get(geo.nextInt(options.size()));
  }

  private Coordinate pointIn(Geometry g) {
    Envelope env = g.getEnvelopeInternal();
    PreparedGeometry p = PreparedGeometryFactory.prepare(g);
    for (int k = 0; k < 200; k++) {
      Coordinate c = new Coordinate(env.getMinX() + geo.nextDouble() * env.getWidth(),
          env.getMinY() + geo.nextDouble() * env.getHeight());
      if (p.containsProperly(Geometries.FACTORY.createPoint(c))) {
        return c;
      }
    }
    return null;
  }

  private Coordinate pointOnEdge(Geometry g) {
    Polygon largest = null;
    for (int k = 0; k < g.getNumGeometries(); k++) {
      if (g.getGeometryN(k) instanceof Polygon p && (largest == null || p.getArea() > largest.getArea())) {
        largest = p;
      }
    }
    if (largest == null) {
      return null;
    }
    LineString ring = largest.getExteriorRing();
    int n = ring.getNumPoints() - 1;
    int k = geo.nextInt(n);
    Coordinate a = ring.getCoordinateN(k);
    Coordinate b = ring.getCoordinateN(k + 1);
    double t = geo.nextDouble();
    return new Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
  }

  /** A polygon as the service will hold it: written as GeoJSON and read back by its parser; null if refused. */
  Geometry serviceView(Polygon p) {
    if (p == null || !p.isValid()) {
      return null;
    }
    try {
      return GeoJsonGeometry.readPolygonal(DemoShapes.geoJson(p, mapper), 100_000);
    } catch (GeometryException e) {
      return null;
    }
  }
}
