package org.landrelease.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * The split of a piece by a zoning, stated as WKT: the zones and the piece in, the part of the piece expected in each
 * zone out (as the WKT whose geodesic area the zone must get). One situation per test.
 */
class ZoningIndexTest {
  private static Geometry wkt(String s) throws Exception {
    return new WKTReader(Geometries.FACTORY).read(s);
  }

  private static ZoneShape zone(String code, String wkt) throws Exception {
    Geometry g = wkt(wkt);
    return new ZoneShape(code, "Zone " + code, null, g, GeodesicArea.m2(g));
  }

  /** Two zones side by side along lon 36.6: west A, east B, from lat 47.7 to 47.8. */
  private static ZoningIndex twoZones() throws Exception {
    return new ZoningIndex("test", List.of(
        zone("B", "POLYGON ((36.6 47.7, 36.7 47.7, 36.7 47.8, 36.6 47.8, 36.6 47.7))"),
        zone("A", "POLYGON ((36.5 47.7, 36.6 47.7, 36.6 47.8, 36.5 47.8, 36.5 47.7))")));
  }

  private static Map<String, Double> split(ZoningIndex index, String piece) throws Exception {
    Geometry g = wkt(piece);
    return index.split(g, GeodesicArea.m2(g));
  }

  private static void assertPart(Map<String, Double> parts, String zone, String expectedWkt) throws Exception {
    assertTrue(parts.containsKey(zone), zone + " in " + parts);
    assertEquals(GeodesicArea.m2(wkt(expectedWkt)), parts.get(zone), 0.01, zone);
  }

  @Test
  void testPieceAcrossTwoZones() throws Exception {
    var parts = split(twoZones(), "POLYGON ((36.59 47.75, 36.62 47.75, 36.62 47.76, 36.59 47.76, 36.59 47.75))");
    assertEquals(2, parts.size(), parts.toString());
    assertPart(parts, "A", "POLYGON ((36.59 47.75, 36.6 47.75, 36.6 47.76, 36.59 47.76, 36.59 47.75))");
    assertPart(parts, "B", "POLYGON ((36.6 47.75, 36.62 47.75, 36.62 47.76, 36.6 47.76, 36.6 47.75))");
  }

  @Test
  void testPieceInsideOneZone() throws Exception {
    var parts = split(twoZones(), "POLYGON ((36.61 47.75, 36.62 47.75, 36.62 47.76, 36.61 47.76, 36.61 47.75))");
    assertEquals(List.of("B"), new ArrayList<>(parts.keySet()));
    assertPart(parts, "B", "POLYGON ((36.61 47.75, 36.62 47.75, 36.62 47.76, 36.61 47.76, 36.61 47.75))");
  }

  @Test
  void testPieceInAGapGoesOutside() throws Exception {
    var parts = split(twoZones(), "POLYGON ((36.8 47.75, 36.81 47.75, 36.81 47.76, 36.8 47.76, 36.8 47.75))");
    assertEquals(List.of(ZoningIndex.OUTSIDE), new ArrayList<>(parts.keySet()));
    assertPart(parts, ZoningIndex.OUTSIDE,
        "POLYGON ((36.8 47.75, 36.81 47.75, 36.81 47.76, 36.8 47.76, 36.8 47.75))");
  }

  @Test
  void testPieceHalfInAGap() throws Exception {
    var parts = split(twoZones(), "POLYGON ((36.69 47.75, 36.71 47.75, 36.71 47.76, 36.69 47.76, 36.69 47.75))");
    assertPart(parts, "B", "POLYGON ((36.69 47.75, 36.7 47.75, 36.7 47.76, 36.69 47.76, 36.69 47.75))");
    assertPart(parts, ZoningIndex.OUTSIDE,
        "POLYGON ((36.7 47.75, 36.71 47.75, 36.71 47.76, 36.7 47.76, 36.7 47.75))");
  }

  /** A piece whose east edge lies on the zones' shared edge is all in the west zone: an edge has no area. */
  @Test
  void testPieceOnASharedEdge() throws Exception {
    var parts = split(twoZones(), "POLYGON ((36.59 47.75, 36.6 47.75, 36.6 47.76, 36.59 47.76, 36.59 47.75))");
    assertEquals(List.of("A"), new ArrayList<>(parts.keySet()));
    assertPart(parts, "A", "POLYGON ((36.59 47.75, 36.6 47.75, 36.6 47.76, 36.59 47.76, 36.59 47.75))");
  }

  /** A zone with a hole: the part of the piece in the hole is outside the zoning (no zone covers it). */
  @Test
  void testZoningWithAHole() throws Exception {
    ZoningIndex index = new ZoningIndex("test", List.of(zone("R", "POLYGON ((36.5 47.7, 36.7 47.7, 36.7 47.8, "
        + "36.5 47.8, 36.5 47.7), (36.6 47.74, 36.64 47.74, 36.64 47.76, 36.6 47.76, 36.6 47.74))")));
    var parts = split(index, "POLYGON ((36.58 47.745, 36.62 47.745, 36.62 47.755, 36.58 47.755, 36.58 47.745))");
    assertPart(parts, "R", "POLYGON ((36.58 47.745, 36.6 47.745, 36.6 47.755, 36.58 47.755, 36.58 47.745))");
    assertPart(parts, ZoningIndex.OUTSIDE,
        "POLYGON ((36.6 47.745, 36.62 47.745, 36.62 47.755, 36.6 47.755, 36.6 47.745))");
  }

  /** A restored piece (negative area) is split as the land it puts back, each part negative. */
  @Test
  void testRestoredPieceKeepsItsSign() throws Exception {
    Geometry g = wkt("POLYGON ((36.59 47.75, 36.62 47.75, 36.62 47.76, 36.59 47.76, 36.59 47.75))");
    var parts = twoZones().split(g, -GeodesicArea.m2(g));
    assertEquals(-GeodesicArea.m2(wkt("POLYGON ((36.59 47.75, 36.6 47.75, 36.6 47.76, 36.59 47.76, 36.59 47.75))")),
        parts.get("A"), 0.01);
    assertEquals(-GeodesicArea.m2(g), parts.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
  }

  /** The parts add up to the piece exactly, whatever the piece: the figures by zone reconcile with the national. */
  @Test
  void testPartsAddUpToThePiece() throws Exception {
    Geometry g = wkt("POLYGON ((36.55 47.72, 36.75 47.73, 36.66 47.79, 36.55 47.72))");
    double m2 = GeodesicArea.m2(g);
    var parts = twoZones().split(g, m2);
    assertEquals(m2, parts.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
    assertEquals(3, parts.size(), parts.toString());
  }

  /** Two zones overlapping by a square of 0.01° are refused, with both codes and a point of the overlap. */
  @Test
  void testOverlappingZonesAreAProblem() throws Exception {
    var problems = ZoningCheck.overlaps(List.of(
        zone("A", "POLYGON ((36.5 47.7, 36.61 47.7, 36.61 47.8, 36.5 47.8, 36.5 47.7))"),
        zone("B", "POLYGON ((36.6 47.7, 36.7 47.7, 36.7 47.8, 36.6 47.8, 36.6 47.7))")));
    assertEquals(1, problems.size());
    assertEquals(List.of("A", "B"), problems.get(0).codes());
    double[] at = problems.get(0).coordinate();
    assertTrue(at[0] > 36.6 && at[0] < 36.61 && at[1] > 47.7 && at[1] < 47.8, at[0] + " " + at[1]);
  }

  /** Neighbours sharing an edge are no overlap. */
  @Test
  void testZonesSharingAnEdgeAreNoProblem() throws Exception {
    List<ZoneShape> zones = twoZones().zones();
    assertEquals(List.of(), ZoningCheck.overlaps(zones));
  }

  /**
   * A sliver under the tolerance (a notch of B into A, 2e-6° of longitude by 1e-4° of latitude: about 0.8 m²) is
   * allowed, and the split gives it to the zone first in code order, so the parts still add up to the piece.
   */
  @Test
  void testSliverOverlapGoesToTheFirstZoneInCodeOrder() throws Exception {
    List<ZoneShape> zones = List.of(
        zone("B", "POLYGON ((36.6 47.7, 36.7 47.7, 36.7 47.8, 36.6 47.8, 36.6 47.7551, 36.599998 47.75505, "
            + "36.6 47.755, 36.6 47.7))"),
        zone("A", "POLYGON ((36.5 47.7, 36.6 47.7, 36.6 47.8, 36.5 47.8, 36.5 47.7))"));
    assertEquals(List.of(), ZoningCheck.overlaps(zones.stream()
        .sorted(java.util.Comparator.comparing(ZoneShape::code)).toList()));
    Geometry g = wkt("POLYGON ((36.59 47.75, 36.62 47.75, 36.62 47.76, 36.59 47.76, 36.59 47.75))");
    double m2 = GeodesicArea.m2(g);
    var parts = new ZoningIndex("test", zones).split(g, m2);
    assertEquals(m2, parts.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
    assertPart(parts, "A", "POLYGON ((36.59 47.75, 36.6 47.75, 36.6 47.76, 36.59 47.76, 36.59 47.75))");
  }

  @Test
  void testSelfIntersectingZoneIsInvalidWithItsCoordinate() throws Exception {
    List<ZoningCheck.Problem> problems = new ArrayList<>();
    Geometry g = ZoningCheck.polygon("X", wkt("POLYGON ((36.5 47.7, 36.6 47.8, 36.6 47.7, 36.5 47.8, 36.5 47.7))"),
        problems);
    assertEquals(null, g);
    assertEquals("invalid-geometry", problems.get(0).kind());
    assertEquals(36.55, problems.get(0).coordinate()[0], 1e-9);
    assertEquals(47.75, problems.get(0).coordinate()[1], 1e-9);
  }
}
