package org.landrelease.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.landrelease.demo.DemoTrajectory.OblastPlan;
import org.landrelease.domain.HazardType;
import org.landrelease.geometry.GeodesicArea;
import org.landrelease.geometry.Geometries;
import org.landrelease.geometry.Overlay;
import org.landrelease.geometry.RegionIndex;
import org.landrelease.geometry.RegionPart;
import org.landrelease.geometry.RegionShape;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.quadtree.Quadtree;

/**
 * The ledger as the generator runs it while it writes: every hazard's current geometry, with the service's overlay,
 * area and region classes. A report adds the part of its footprint not yet in a hazard; a release counts the
 * geodesic area of hazard ∩ footprint and leaves hazard − footprint.
 */
final class DemoLedger {
  /** A hazard is no longer chosen for a release when less than this remains of it (in Ukraine's scenario). */
  static final double MIN_SELECTABLE_M2 = 50_000;

  /** A hazard as the ledger holds it: its current geometry and area, and the grid cell it was drawn in. */
  static final class Hazard {
    final OblastPlan oblast;
    final Envelope envelope;
    final Set<HazardType> types;
    final long[] cell;
    Geometry geometry;
    double m2;
    int slot = -1; // position in its oblast's list of hazards a release may be planned on, or -1

    Hazard(OblastPlan oblast, Geometry geometry, double m2, Set<HazardType> types, long[] cell) {
      this.oblast = oblast;
      this.geometry = geometry;
      this.m2 = m2;
      this.envelope = geometry.getEnvelopeInternal();
      this.types = types;
      this.cell = cell;
    }
  }

  /** The part of a hazard under a footprint: the whole hazard when the footprint covers it. */
  private record Piece(Hazard hazard, Geometry geometry, double m2, boolean whole) {}

  private final Map<String, RegionShape> regions = new LinkedHashMap<>();
  private final RegionIndex regionIndex;
  private final Quadtree index = new Quadtree();
  private final Map<String, List<Hazard>> selectable = new HashMap<>();
  private final Map<String, double[]> remainingByOblast = new HashMap<>();
  private final Map<Long, List<Hazard>> byCell = new HashMap<>();
  /** Releases by placement: inside one hazard, across a hazard's edge, over two or more hazards. */
  private final int[] placements = new int[3];
  private int hazardCount;
  private double reportedM2;
  private double releasedM2;
  private int maxVertices;
  private int outsidePieces;
  private final double minSelectableM2;

  /** A ledger of these regions, where a hazard with less than minSelectableM2 left is no longer released. */
  DemoLedger(List<RegionShape> shapes, double minSelectableM2) {
    this.minSelectableM2 = minSelectableM2;
    shapes.forEach(r -> regions.put(r.code(), r));
    regionIndex = new RegionIndex(shapes, 0.2);
  }

  /** Applies a hazard report of a drawn hazard; returns the hazard placed, or null if it added no land. */
  Hazard applyReport(Hazard drawn, Geometry footprint) {
    Geometry added = footprint;
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(footprint);
    for (Hazard other : near(footprint.getEnvelopeInternal())) {
      if (prepared.intersects(other.geometry)) {
        added = Overlay.difference(added, other.geometry);
      }
    }
    if (added.isEmpty()) {
      return null;
    }
    double m2 = added == footprint ? GeodesicArea.m2(footprint) : GeodesicArea.m2(added);
    if (!allInRegions(added, m2)) {
      outsidePieces++;
    }
    Hazard placed = new Hazard(drawn.oblast, added, m2, drawn.types, drawn.cell);
    hazardCount++;
    index.insert(placed.envelope, placed);
    byCell.computeIfAbsent(cellKey(placed.cell[0], placed.cell[1]), k -> new ArrayList<>()).add(placed);
    remainingByOblast.computeIfAbsent(drawn.oblast.code(), k -> new double[1])[0] += m2;
    if (m2 >= minSelectableM2) {
      List<Hazard> list = selectable.computeIfAbsent(drawn.oblast.code(), k -> new ArrayList<>());
      placed.slot = list.size();
      list.add(placed);
    }
    reportedM2 += m2;
    maxVertices = Math.max(maxVertices, footprint.getNumPoints());
    return placed;
  }

  /**
   * The area a release would count: the geodesic area of hazard ∩ footprint over every hazard it meets; NaN when a
   * piece would leave a numerical residue outside every region in the service's region split (such a footprint is
   * not used, so the demo has no "outside every region" row).
   */
  double releaseOf(Geometry footprint) {
    double sum = 0;
    for (Piece piece : pieces(footprint)) {
      if (!allInRegions(piece.geometry(), piece.m2())) {
        return Double.NaN;
      }
      sum += piece.m2();
    }
    return sum;
  }

  /** Applies a release as the ledger does: every hazard it meets loses the footprint; returns the released m². */
  double applyRelease(Geometry footprint) {
    double footprintM2 = GeodesicArea.m2(footprint);
    List<Piece> pieces = pieces(footprint);
    double sum = 0;
    for (Piece piece : pieces) {
      Hazard h = piece.hazard();
      if (!allInRegions(piece.geometry(), piece.m2())) {
        outsidePieces++;
      }
      sum += piece.m2();
      Geometry rest = piece.whole() ? null : Overlay.difference(h.geometry, footprint);
      double restM2 = rest == null || rest.isEmpty() ? 0 : GeodesicArea.m2(rest);
      remainingByOblast.get(h.oblast.code())[0] += restM2 - h.m2;
      h.geometry = rest == null ? Geometries.FACTORY.createMultiPolygon() : rest;
      h.m2 = restM2;
      if (restM2 < minSelectableM2 && h.slot >= 0) {
        List<Hazard> list = selectable.get(h.oblast.code());
        Hazard moved = list.remove(list.size() - 1);
        if (moved != h) {
          list.set(h.slot, moved);
          moved.slot = h.slot;
        }
        h.slot = -1;
      }
    }
    placements[pieces.size() > 1 ? 2 : sum < footprintM2 * 0.999 ? 1 : 0]++;
    releasedM2 += sum;
    maxVertices = Math.max(maxVertices, footprint.getNumPoints());
    return sum;
  }

  /** The pieces of the hazards a footprint meets, each hazard as it is before the footprint is applied. */
  private List<Piece> pieces(Geometry footprint) {
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(footprint);
    List<Piece> pieces = new ArrayList<>();
    for (Hazard h : near(footprint.getEnvelopeInternal())) {
      if (!prepared.intersects(h.geometry)) {
        continue;
      }
      boolean whole = prepared.covers(h.geometry);
      Geometry piece = whole ? h.geometry : Overlay.intersection(h.geometry, footprint);
      if (!piece.isEmpty()) {
        pieces.add(new Piece(h, piece, whole ? h.m2 : GeodesicArea.m2(piece), whole));
      }
    }
    return pieces;
  }

  /** Whether the service's region index splits a piece without a part outside every region. */
  boolean allInRegions(Geometry piece, double m2) {
    for (RegionPart part : regionIndex.split(piece, m2)) {
      if (part.code().equals(RegionIndex.UNASSIGNED)) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private List<Hazard> near(Envelope env) {
    List<Hazard> out = new ArrayList<>();
    for (Hazard h : (List<Hazard>) index.query(env)) {
      if (h.m2 > 0 && !h.geometry.isEmpty() && h.envelope.intersects(env)) {
        out.add(h);
      }
    }
    return out;
  }

  /** The hazards of the four neighbouring cells that a release may still be planned on. */
  List<Hazard> neighbours(Hazard h) {
    List<Hazard> options = new ArrayList<>();
    for (long[] d : new long[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
      for (Hazard o : byCell.getOrDefault(cellKey(h.cell[0] + d[0], h.cell[1] + d[1]), List.of())) {
        if (o.m2 >= minSelectableM2) {
          options.add(o);
        }
      }
    }
    return options;
  }

  private static long cellKey(long i, long j) {
    return i * 1_000_000L + j;
  }

  RegionShape region(String code) {
    return regions.get(code);
  }

  /** The oblast's hazards a release may be planned on; null or empty if none. */
  List<Hazard> selectable(String code) {
    return selectable.get(code);
  }

  double remainingM2(String code) {
    return remainingByOblast.get(code)[0];
  }

  double reportedM2() {
    return reportedM2;
  }

  double releasedM2() {
    return releasedM2;
  }

  int hazardCount() {
    return hazardCount;
  }

  int[] placements() {
    return placements;
  }

  /** The most vertices of a footprint applied. */
  int maxVertices() {
    return maxVertices;
  }

  /** Pieces the region index would put outside every region. */
  int outsidePieces() {
    return outsidePieces;
  }
}
