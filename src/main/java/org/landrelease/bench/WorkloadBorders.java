package org.landrelease.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import org.landrelease.geometry.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Points on the borders between two oblasts, away from the national border and the coast: where an event centred on
 * one must be split between regions, yet stays inside Ukraine.
 */
final class WorkloadBorders {
  private static final double STEP_M = 2000;
  /** Every point this far around a border point must lie in some oblast. */
  private static final double CLEARANCE_M = 2500;

  private final List<Workload.Point> points = new ArrayList<>();

  WorkloadBorders(WorkloadRegions regions, Collection<String> codes) {
    for (String code : codes) {
      Geometry g = regions.get(code).geometry();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        walk(regions, ((Polygon) g.getGeometryN(i)).getExteriorRing().getCoordinates());
      }
    }
    if (points.isEmpty()) {
      throw new IllegalStateException("no inner border found between the hazard oblasts");
    }
  }

  /** Considers a point every STEP_M along the ring. */
  private void walk(WorkloadRegions regions, Coordinate[] ring) {
    double untilNextM = STEP_M;
    for (int k = 0; k + 1 < ring.length; k++) {
      Coordinate a = ring[k], b = ring[k + 1];
      double lengthM = WorkloadShapes.distanceM(a.x, a.y, b.x, b.y);
      double atM = untilNextM;
      for (; atM <= lengthM; atM += STEP_M) {
        double f = atM / lengthM;
        consider(regions, a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f);
      }
      untilNextM = atM - lengthM;
    }
  }

  private void consider(WorkloadRegions regions, double lon, double lat) {
    double d = 300 / WorkloadShapes.METRES_PER_DEGREE_LAT;
    Envelope box = new Envelope(lon - d, lon + d, lat - d, lat + d);
    if (regions.meeting(Geometries.FACTORY.toGeometry(box)).size() < 2) {
      return;
    }
    for (int k = 0; k < 8; k++) {
      double[] p = WorkloadShapes.offset(lon, lat, CLEARANCE_M, k * Math.PI / 4);
      if (!regions.inUkraine(p[0], p[1])) {
        return;
      }
    }
    points.add(new Workload.Point(lon, lat));
  }

  int size() {
    return points.size();
  }

  Workload.Point pick(SplittableRandom rnd) {
    return points.get(rnd.nextInt(points.size()));
  }
}
