package org.landrelease.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** Clipping and snapping to the tile grid, WKT in tile units in and out, one situation per test. */
class TileShapesTest {
  private final WKTReader wkt = new WKTReader();

  private Geometry read(String text) throws Exception {
    return wkt.read(text);
  }

  private void assertShape(String expected, Geometry actual) throws Exception {
    Geometry e = read(expected);
    assertTrue(e.equalsTopo(actual), "expected " + expected + ", got " + actual);
  }

  @Test
  void polygonInsideTheTileIsSnappedToTheGrid() throws Exception {
    assertShape("POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))",
        TileShapes.clipAndSnap(read("POLYGON ((10.2 9.7, 19.6 10.4, 20.3 20.1, 9.9 19.8, 10.2 9.7))"), 4096));
  }

  @Test
  void polygonAcrossTheEdgeIsClippedAtTheBuffer() throws Exception {
    assertShape("POLYGON ((4000 100, 4160 100, 4160 200, 4000 200, 4000 100))",
        TileShapes.clipAndSnap(read("POLYGON ((4000 100, 5000 100, 5000 200, 4000 200, 4000 100))"), 4096));
  }

  @Test
  void polygonAcrossTheNorthWestCornerKeepsItsBufferedCorner() throws Exception {
    assertShape("POLYGON ((-64 -64, 50 -64, 50 50, -64 50, -64 -64))",
        TileShapes.clipAndSnap(read("POLYGON ((-500 -500, 50 -500, 50 50, -500 50, -500 -500))"), 4096));
  }

  @Test
  void belowFullDetailTheGridIsCoarserAndSoIsTheBuffer() throws Exception {
    assertShape("POLYGON ((1000 100, 1040 100, 1040 200, 1000 200, 1000 100))",
        TileShapes.clipAndSnap(read("POLYGON ((1000 100, 5000 100, 5000 200, 1000 200, 1000 100))"), 1024));
    assertEquals(1024, TileGrid.of(11, 0, 0).extent());
    assertEquals(16, TileGrid.of(11, 0, 0).buffer());
    assertEquals(4096, TileGrid.of(12, 0, 0).extent());
  }

  @Test
  void polygonOutsideTheBufferIsNothing() throws Exception {
    assertNull(TileShapes.clipAndSnap(read("POLYGON ((4200 10, 4300 10, 4300 20, 4200 20, 4200 10))"), 4096));
  }

  @Test
  void polygonSmallerThanTheGridVanishes() throws Exception {
    assertNull(TileShapes.clipAndSnap(
        read("POLYGON ((10.1 10.1, 10.3 10.1, 10.3 10.3, 10.1 10.3, 10.1 10.1))"), 4096));
  }

  @Test
  void polygonWithHoleKeepsTheHole() throws Exception {
    assertShape("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (40 40, 60 40, 60 60, 40 60, 40 40))",
        TileShapes.clipAndSnap(read("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), "
            + "(40.2 40.2, 59.8 40.2, 59.8 59.8, 40.2 59.8, 40.2 40.2))"), 4096));
  }

  @Test
  void thinSliverThatRoundingFoldsIsSnappedValid() throws Exception {
    Geometry g = TileShapes.clipAndSnap(read("POLYGON ((0 0, 100 0.4, 100 0.6, 0 1.4, 0 0))"), 4096);
    assertTrue(g == null || g.isValid(), String.valueOf(g));
  }

  /** Adjacent pieces share their edge vertices; both snap to the same grid points, so no gap opens between them. */
  @Test
  void adjacentPiecesStayAdjacentAfterSnapping() throws Exception {
    GeometryFactory f = new GeometryFactory();
    List<Geometry> pieces = new ArrayList<>();
    // a strip of 40 irregular pieces that tile a rectangle exactly, cut along a wobbly shared line
    double[] cut = new double[41];
    for (int i = 0; i <= 40; i++) {
      cut[i] = 37.3 + 11.7 * Math.sin(i * 1.7) + 0.37 * i;
    }
    for (int i = 0; i < 40; i++) {
      pieces.add(read(String.format(java.util.Locale.ROOT,
          "POLYGON ((%f 0, %f 0, %f 100, %f 100, %f 0))", cut[i] + i * 50.3, cut[i + 1] + (i + 1) * 50.3,
          cut[i + 1] + (i + 1) * 50.3 + 3.3, cut[i] + i * 50.3 + 3.3, cut[i] + i * 50.3)));
    }
    Geometry whole = f.buildGeometry(pieces).union();
    double snappedSum = 0;
    List<Geometry> snapped = new ArrayList<>();
    for (Geometry p : pieces) {
      Geometry s = TileShapes.clipAndSnap(p, 4096);
      snapped.add(s);
      snappedSum += s.getArea();
    }
    Geometry snappedUnion = f.buildGeometry(snapped).union();
    // the snapped pieces still cover one area without gaps or overlaps: the union has no holes and its area is the sum
    assertTrue(snappedUnion instanceof Polygon, snappedUnion.getGeometryType());
    assertEquals(0, ((Polygon) snappedUnion).getNumInteriorRing());
    assertEquals(snappedSum, snappedUnion.getArea(), 1e-6);
    assertEquals(whole.getArea(), snappedSum, whole.getArea() * 0.01);
  }

  @Test
  void tileGridRoundTripsAPoint() {
    TileGrid t = TileGrid.containing(30.5234, 50.4501, 10); // Kyiv
    assertEquals(10, t.z());
    assertEquals(598, t.x());
    assertEquals(345, t.y());
    Envelope e = t.lonLat();
    assertTrue(e.contains(30.5234, 50.4501));
    Geometry p = new GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(30.5234, 50.4501));
    org.locationtech.jts.geom.Coordinate c = t.toTileUnits(p).getCoordinate();
    org.locationtech.jts.geom.Coordinate back = t.toLonLat(c.x, c.y);
    assertEquals(30.5234, back.x, 1e-9);
    assertEquals(50.4501, back.y, 1e-9);
  }

  @Test
  void tileOutsideTheGridIsRefused() {
    assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TileGrid.of(3, 8, 0)).getMessage().contains("0 to 7"));
    assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TileGrid.of(25, 0, 0)).getMessage().contains("zoom 25"));
  }
}
