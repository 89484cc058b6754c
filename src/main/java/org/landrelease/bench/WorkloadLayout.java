package org.landrelease.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the generated hazards lie, as discs (centre and greatest vertex distance) in a grid of 0.05° cells. It keeps
 * hazards apart while they are placed, and finds hazards near a point when events are placed.
 */
final class WorkloadLayout {
  /** A placed hazard: its region, centre, the radius of its inner and outer disc (metres) and its area. */
  record Hazard(int index, String region, double lon, double lat, double minRadiusM, double maxRadiusM,
      double areaM2) {}

  private static final double CELL_DEGREES = 0.05;
  /** Hazards keep this gap between their discs: non-overlapping, and never touching after snapping. */
  static final double GAP_M = 20;

  private final List<Hazard> hazards = new ArrayList<>();
  private final Map<Long, List<Hazard>> cells = new HashMap<>();
  private double maxRadiusM;

  List<Hazard> hazards() {
    return hazards;
  }

  Hazard get(int index) {
    return hazards.get(index);
  }

  int size() {
    return hazards.size();
  }

  void add(Hazard h) {
    hazards.add(h);
    cells.computeIfAbsent(key(cell(h.lon()), cell(h.lat())), k -> new ArrayList<>()).add(h);
    maxRadiusM = Math.max(maxRadiusM, h.maxRadiusM());
  }

  /** True when a disc of this radius here keeps GAP_M from every hazard. */
  boolean isFree(double lon, double lat, double radiusM) {
    return near(lon, lat, radiusM + GAP_M).isEmpty();
  }

  /** Hazards whose outer disc comes within reachM of the point. */
  List<Hazard> near(double lon, double lat, double reachM) {
    double searchM = reachM + maxRadiusM;
    double dLat = searchM / WorkloadShapes.METRES_PER_DEGREE_LAT;
    double dLon = searchM / WorkloadShapes.metresPerDegreeLon(lat);
    List<Hazard> out = new ArrayList<>();
    for (long x = cell(lon - dLon); x <= cell(lon + dLon); x++) {
      for (long y = cell(lat - dLat); y <= cell(lat + dLat); y++) {
        for (Hazard h : cells.getOrDefault(key(x, y), List.of())) {
          if (WorkloadShapes.distanceM(lon, lat, h.lon(), h.lat()) < reachM + h.maxRadiusM()) {
            out.add(h);
          }
        }
      }
    }
    return out;
  }

  /** The other hazard whose outer disc is nearest to this one's, within gapM; null if none. */
  Hazard nearestNeighbour(Hazard h, double gapM) {
    Hazard best = null;
    double bestGap = gapM;
    for (Hazard o : near(h.lon(), h.lat(), h.maxRadiusM() + gapM)) {
      double gap = WorkloadShapes.distanceM(h.lon(), h.lat(), o.lon(), o.lat()) - h.maxRadiusM() - o.maxRadiusM();
      if (o != h && gap < bestGap) {
        best = o;
        bestGap = gap;
      }
    }
    return best;
  }

  private static long cell(double degrees) {
    return (long) Math.floor(degrees / CELL_DEGREES);
  }

  private static long key(long x, long y) {
    return x * 1_000_003L + y;
  }
}
