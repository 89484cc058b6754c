package org.landrelease.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.landrelease.domain.Classification;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.PieceKind;
import org.landrelease.service.LandReleaseReport.Added;
import org.landrelease.service.LandReleaseReport.Areas;
import org.landrelease.service.LandReleaseReport.Released;
import org.landrelease.service.LandReleaseReport.Remaining;
import org.landrelease.service.LandReleaseReport.Row;
import org.landrelease.store.TreatyStore.HazardPieces;

/**
 * Sums one view of the report: km² per key, and hazards counted per key and once in the total. A hazard remains in a
 * key on a day while more than {@link #REMAINS_M2} of it is left there: piece areas are geodesic areas of separately
 * cut shapes, so a hazard released in several steps sums to zero only to within a fraction of a square metre, and a
 * piece cut at a region border leaves a snapping residue of a few square metres (RegionIndex: 'unassigned').
 */
final class TreatyTally {
  static final double REMAINS_M2 = 10.0;

  /** The m² of one key (or of the total), indexed as the figures below. */
  private static final class Sums {
    final double[] startM2 = new double[2];
    final double[] endM2 = new double[2];
    double reportedM2;
    double inM2;
    double outM2;
    final double[] releasedM2 = new double[3];
    final List<Set<Long>> releasedHazards = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
    final Set<Long> releasedAny = new HashSet<>();
    final Map<Long, double[]> hazardM2 = new HashMap<>();
    final Map<Long, Classification> hazardClass = new HashMap<>();
    final Map<Long, Map<HazardType, Integer>> clearances = new HashMap<>();
  }

  private final Map<String, String> names;
  private final Map<String, Sums> byKey = new LinkedHashMap<>();
  private final Sums total = new Sums();

  TreatyTally(Map<String, String> names) {
    this.names = names;
  }

  void add(HazardPieces p) {
    for (Sums s : new Sums[] {sums(p.key()), total}) {
      int c = p.classification().ordinal();
      // a release takes land out (a reversal's negative pieces put it back); reports and confirmations bring it in
      double sign = p.kind().isRelease() ? -1 : 1;
      s.startM2[c] += sign * p.startM2();
      s.endM2[c] += sign * p.endM2();
      double yearM2 = p.endM2() - p.startM2();
      switch (p.kind()) {
        case ADDED -> s.reportedM2 += yearM2;
        case RECLASSIFIED -> {
          if (p.classification() == Classification.CHA) {
            s.inM2 += yearM2;
          } else {
            s.outM2 -= yearM2;
          }
        }
        default -> {
          int k = p.kind().ordinal() - PieceKind.CANCELLED.ordinal();
          s.releasedM2[k] += yearM2;
          if (p.releasedInYear() > 0) {
            s.releasedHazards.get(k).add(p.hazardId());
            s.releasedAny.add(p.hazardId());
          }
        }
      }
      double[] h = s.hazardM2.computeIfAbsent(p.hazardId(), id -> new double[2]);
      h[0] += sign * p.startM2();
      h[1] += sign * p.endM2();
      s.hazardClass.put(p.hazardId(), p.classification());
    }
  }

  /** A clearance's devices, once per key where it cleared land of the view, and once in the total. */
  void clearance(long eventSeq, String key, Map<HazardType, Integer> devices) {
    sums(key).clearances.put(eventSeq, devices);
    total.clearances.put(eventSeq, devices);
  }

  private Sums sums(String key) {
    return byKey.computeIfAbsent(key, k -> new Sums());
  }

  /** The rows of the keys in the order of their names (the boundary file's), keys without a name last. */
  List<Row> rows() {
    List<Row> out = new ArrayList<>();
    for (String code : names.keySet()) {
      if (byKey.containsKey(code)) {
        out.add(row(code, names.get(code), byKey.get(code)));
      }
    }
    byKey.forEach((code, s) -> {
      if (!names.containsKey(code)) {
        out.add(row(code, code, s));
      }
    });
    return out;
  }

  Row total() {
    return row("total", "Total", total);
  }

  private static Row row(String code, String name, Sums s) {
    int[][] areas = new int[2][2];
    s.hazardM2.forEach((id, m2) -> {
      int c = s.hazardClass.get(id).ordinal();
      for (int day = 0; day < 2; day++) {
        if (m2[day] > REMAINS_M2) {
          areas[day][c]++;
        }
      }
    });
    Remaining start = remaining(areas[0], s.startM2);
    Remaining end = remaining(areas[1], s.endM2);
    double addedM2 = s.reportedM2 + s.inM2 - s.outM2;
    Added added = new Added(Km2.of(s.reportedM2), Km2.of(s.inM2), Km2.of(s.outM2), Km2.of(addedM2));
    Areas[] rel = new Areas[3];
    for (int k = 0; k < 3; k++) {
      rel[k] = new Areas(s.releasedHazards.get(k).size(), Km2.of(s.releasedM2[k]));
    }
    double releasedM2 = s.releasedM2[0] + s.releasedM2[1] + s.releasedM2[2];
    Released released = new Released(rel[0], rel[1], rel[2], new Areas(s.releasedAny.size(), Km2.of(releasedM2)));
    return new Row(code, name, start, added, released, end, TreatyReport.sum(s.clearances.values()));
  }

  private static Remaining remaining(int[] areas, double[] m2) {
    int sha = Classification.SHA.ordinal(), cha = Classification.CHA.ordinal();
    return new Remaining(new Areas(areas[sha], Km2.of(m2[sha])), new Areas(areas[cha], Km2.of(m2[cha])),
        new Areas(areas[sha] + areas[cha], Km2.of(m2[sha] + m2[cha])));
  }

}
