package org.landrelease.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** Each case: WKT in, WKT out, as in JTS's own OverlayNGTest. */
class OverlayTest {
  private static Geometry wkt(String s) {
    try {
      return new WKTReader(Geometries.FACTORY).read(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void assertSameShape(String expected, Geometry actual) {
    Geometry e = wkt(expected).norm();
    Geometry a = actual.norm();
    assertTrue(e.equalsExact(a, 1e-9), "expected " + e + " but got " + a);
  }

  @Test
  void testPartialOverlapDifference() {
    Geometry hazard = wkt("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))");
    Geometry footprint = wkt("POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))");
    assertSameShape("POLYGON ((0 0, 0 2, 1 2, 1 1, 2 1, 2 0, 0 0))", Overlay.difference(hazard, footprint));
    assertSameShape("POLYGON ((1 1, 1 2, 2 2, 2 1, 1 1))", Overlay.intersection(hazard, footprint));
  }

  @Test
  void testFootprintInsideHazardCreatesHole() {
    Geometry hazard = wkt("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))");
    Geometry footprint = wkt("POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))");
    assertSameShape("POLYGON ((0 0, 0 4, 4 4, 4 0, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))",
        Overlay.difference(hazard, footprint));
  }

  @Test
  void testFootprintAcrossSeveralHazardsDifference() {
    Geometry a = wkt("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))");
    Geometry b = wkt("POLYGON ((3 0, 5 0, 5 2, 3 2, 3 0))");
    Geometry footprint = wkt("POLYGON ((1 0.5, 4 0.5, 4 1.5, 1 1.5, 1 0.5))");
    assertSameShape("POLYGON ((0 0, 0 2, 2 2, 2 1.5, 1 1.5, 1 0.5, 2 0.5, 2 0, 0 0))",
        Overlay.difference(a, footprint));
    assertSameShape("POLYGON ((3 0, 3 0.5, 4 0.5, 4 1.5, 3 1.5, 3 2, 5 2, 5 0, 3 0))",
        Overlay.difference(b, footprint));
  }

  @Test
  void testFootprintSplittingHazardGivesMultiPolygon() {
    Geometry hazard = wkt("POLYGON ((0 0, 3 0, 3 1, 0 1, 0 0))");
    Geometry footprint = wkt("POLYGON ((1 -1, 2 -1, 2 2, 1 2, 1 -1))");
    assertSameShape("MULTIPOLYGON (((0 0, 0 1, 1 1, 1 0, 0 0)), ((2 0, 2 1, 3 1, 3 0, 2 0)))",
        Overlay.difference(hazard, footprint));
  }

  @Test
  void testMultiPolygonHazardDifference() {
    Geometry hazard = wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((2 0, 3 0, 3 1, 2 1, 2 0)))");
    Geometry footprint = wkt("POLYGON ((0.5 -1, 2.5 -1, 2.5 2, 0.5 2, 0.5 -1))");
    assertSameShape("MULTIPOLYGON (((0 0, 0 1, 0.5 1, 0.5 0, 0 0)), ((2.5 0, 2.5 1, 3 1, 3 0, 2.5 0)))",
        Overlay.difference(hazard, footprint));
  }

  @Test
  void testFootprintCoveringHazardLeavesNothing() {
    Geometry hazard = wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
    Geometry footprint = wkt("POLYGON ((-1 -1, 2 -1, 2 2, -1 2, -1 -1))");
    assertTrue(Overlay.difference(hazard, footprint).isEmpty());
  }

  @Test
  void testTouchingAlongAnEdgeGivesNoAreaAndNoLines() {
    Geometry hazard = wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
    Geometry footprint = wkt("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))");
    Geometry piece = Overlay.intersection(hazard, footprint);
    assertTrue(piece.isEmpty(), "strict mode drops the shared edge, got " + piece);
  }

  /** A footprint edge a few millimetres off the hazard edge: snap-rounding on the 1 cm grid leaves no sliver. */
  @Test
  void testNearCoincidentEdgeLeavesNoSliver() {
    Geometry hazard = wkt("POLYGON ((30 48, 30.01 48, 30.01 48.01, 30 48.01, 30 48))");
    Geometry footprint = wkt("POLYGON ((29.99 47.99, 30.0100000004 47.99, 30.0100000004 48.02, 29.99 48.02, "
        + "29.99 47.99))");
    assertTrue(Overlay.difference(hazard, footprint).isEmpty());
    assertSameShape("POLYGON ((30 48, 30 48.01, 30.01 48.01, 30.01 48, 30 48))",
        Overlay.intersection(hazard, footprint));
  }

  /** Lon/lat edges make area additive; what is left is the snap of the two new vertices to the 1 mm grid. */
  @Test
  void testPieceAndRemainderAreasAddUpToTheHazard() {
    Geometry hazard = wkt("POLYGON ((36.1 47.3, 36.112 47.301, 36.114 47.312, 36.102 47.315, 36.1 47.3))");
    Geometry footprint = wkt("POLYGON ((36.106 47.305, 36.119 47.303, 36.117 47.318, 36.107 47.314, 36.106 47.305))");
    double whole = GeodesicArea.m2(hazard);
    double piece = GeodesicArea.m2(Overlay.intersection(hazard, footprint));
    double rest = GeodesicArea.m2(Overlay.difference(hazard, footprint));
    assertTrue(piece > 100_000 && rest > 100_000, "a real split: " + piece + " + " + rest);
    assertEquals(whole, piece + rest, 0.5, "m²");
  }

  @Test
  void testUnionOfAdjacentPartsIsOnePolygon() {
    Geometry u = Overlay.union(List.of(wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
        wkt("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")));
    assertSameShape("POLYGON ((0 0, 0 1, 1 1, 2 1, 2 0, 1 0, 0 0))", u);
  }
}
