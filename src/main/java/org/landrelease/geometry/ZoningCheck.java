package org.landrelease.geometry;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * What a zoning must be before it is stored: every zone a valid polygon, and no two zones of it overlapping. Shared
 * edges and slivers of less than {@link #OVERLAP_TOLERANCE_M2} (digitising noise between neighbours) are allowed;
 * the split gives such a sliver to the zone first in code order (ZoningIndex), so no land counts twice.
 */
public final class ZoningCheck {
  /** An overlap of two zones below this area is noise, not a conflict. */
  public static final double OVERLAP_TOLERANCE_M2 = 1.0;

  /** A reason a zoning is refused: its kind, a sentence, the zones concerned and where. */
  public record Problem(String kind, String detail, List<String> codes, double[] coordinate) {}

  private ZoningCheck() {}

  /** The zone's geometry on the ledger's grid, or the reason and coordinate it is not a valid polygon. */
  public static Geometry polygon(String code, Geometry g, List<Problem> problems) {
    if (g == null || g.isEmpty() || !(g instanceof Polygonal)) {
      problems.add(new Problem("invalid-geometry", "zone '" + code + "' has no polygon geometry ("
          + (g == null ? "none" : g.getGeometryType()) + ")", List.of(code), null));
      return null;
    }
    TopologyValidationError error = new IsValidOp(g).getValidationError();
    if (error != null) {
      Coordinate c = error.getCoordinate();
      problems.add(new Problem("invalid-geometry", "zone '" + code + "' is not a valid polygon: "
          + error.getMessage() + (c == null ? "" : " at " + c.x + " " + c.y), List.of(code), at(c)));
      return null;
    }
    try {
      return GeoJsonGeometry.snapToGrid(g);
    } catch (GeometryException e) {
      problems.add(new Problem("invalid-geometry", "zone '" + code + "': " + e.getMessage(), List.of(code),
          at(e.location())));
      return null;
    }
  }

  /** Pairs of zones (given in code order) that overlap by more than the tolerance, each with a point of the overlap. */
  public static List<Problem> overlaps(List<ZoneShape> zones) {
    record Entry(int index, ZoneShape zone, PreparedGeometry prepared) {}
    STRtree tree = new STRtree();
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < zones.size(); i++) {
      Entry e = new Entry(i, zones.get(i), PreparedGeometryFactory.prepare(zones.get(i).geometry()));
      entries.add(e);
      tree.insert(e.zone.geometry().getEnvelopeInternal(), e);
    }
    List<Problem> out = new ArrayList<>();
    for (Entry a : entries) {
      for (Object o : tree.query(a.zone.geometry().getEnvelopeInternal())) {
        Entry b = (Entry) o;
        if (b.index <= a.index || !a.prepared.intersects(b.zone.geometry())
            || a.prepared.touches(b.zone.geometry())) {
          continue; // each pair once; neighbours that only share edges have no interior in common
        }
        Geometry both = Overlay.intersection(a.zone.geometry(), b.zone.geometry());
        double m2 = both.isEmpty() ? 0 : GeodesicArea.m2(both);
        if (m2 >= OVERLAP_TOLERANCE_M2) {
          Coordinate c = both.getInteriorPoint().getCoordinate();
          out.add(new Problem("overlapping-zones", String.format(java.util.Locale.ROOT,
              "zones '%s' and '%s' overlap by %.1f m² (at %.6f %.6f); zones of one zoning must not overlap",
              a.zone.code(), b.zone.code(), m2, c.x, c.y), List.of(a.zone.code(), b.zone.code()), at(c)));
        }
      }
    }
    return out;
  }

  private static double[] at(Coordinate c) {
    return c == null ? null : new double[] {c.x, c.y};
  }
}
