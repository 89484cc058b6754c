package org.landrelease.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.PieceKind;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** The server-side map: WKT in, pixels and views out, one situation per test. */
class ReleaseMapTest {
  private static final String OBLAST = "POLYGON((35 48.5, 38.5 48.5, 38.5 50.5, 35 50.5, 35 48.5))";
  private static final String COUNTRY = "POLYGON((22 44, 40 44, 40 52.4, 22 52.4, 22 44))";

  private static Geometry wkt(String wkt) throws Exception {
    return new WKTReader().read(wkt);
  }

  private static int rgb(PieceKind kind) {
    return ReleaseMap.COLOURS.get(kind).getRGB() & 0xFFFFFF;
  }

  private static int count(BufferedImage img, int rgb, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
      for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
        n += (img.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void aReleasedPolygonIsFilledInItsOutcomeColour() throws Exception {
    BufferedImage img = ReleaseMap.draw(List.of(new ReleaseMap.Piece(PieceKind.CLEARED,
        wkt("POLYGON((36.5 49.5, 36.52 49.5, 36.52 49.52, 36.5 49.52, 36.5 49.5))"))),
        List.of(new ReleaseMap.Outline("Kharkiv", wkt(OBLAST))), 400, 300);
    assertEquals(rgb(PieceKind.CLEARED), img.getRGB(200, 150) & 0xFFFFFF);
    // around it, inside the oblast: the region's white, not the background
    assertEquals(0xFFFFFF, img.getRGB(20, 150) & 0xFFFFFF);
  }

  @Test
  void aPolygonBelowTwoPixelsIsDrawnAsADot() throws Exception {
    // a 1 m square 300 km from a large release: far below a pixel at this scale
    BufferedImage img = ReleaseMap.draw(List.of(
        new ReleaseMap.Piece(PieceKind.CANCELLED, wkt("POLYGON((33 47, 33.5 47, 33.5 47.5, 33 47.5, 33 47))")),
        new ReleaseMap.Piece(PieceKind.REDUCED,
            wkt("POLYGON((37 49, 37.00001 49, 37.00001 49.00001, 37 49.00001, 37 49))"))),
        List.of(), 800, 600);
    int reduced = count(img, rgb(PieceKind.REDUCED), 0, 100, 800, 600);
    // a 7 px dot: about 38 px, of which the antialiased rim is not the exact colour
    assertTrue(reduced >= 12, "pixels of the dot: " + reduced);
  }

  @Test
  void aSquareKilometreIsAsWideAsItIsHigh() throws Exception {
    // 0.009° of latitude and 0.009° / cos(49.5°) of longitude: about 1 km each way
    double dLon = 0.009 / Math.cos(Math.toRadians(49.5045));
    String square = String.format(java.util.Locale.ROOT, "POLYGON((36.5 49.5, %s 49.5, %s 49.509, 36.5 49.509, "
        + "36.5 49.5))", 36.5 + dLon, 36.5 + dLon);
    BufferedImage img = ReleaseMap.draw(List.of(new ReleaseMap.Piece(PieceKind.CANCELLED, wkt(square))), List.of(),
        600, 600);
    int rgb = rgb(PieceKind.CANCELLED);
    int row = 0, column = 0;
    for (int x = 0; x < 600; x++) {
      row += (img.getRGB(x, 300) & 0xFFFFFF) == rgb ? 1 : 0;
    }
    for (int y = 0; y < 600; y++) {
      column += (img.getRGB(300, y) & 0xFFFFFF) == rgb ? 1 : 0;
    }
    assertTrue(row > 40, "width " + row);
    assertEquals(row, column, 3, "width " + row + " px, height " + column + " px");
  }

  @Test
  void theViewIsTheReleasedLandWithAMarginNotTheCountry() throws Exception {
    Envelope view = ReleaseMap.viewOf(List.of(new ReleaseMap.Piece(PieceKind.CLEARED,
        wkt("POLYGON((36.5 49.5, 36.9 49.5, 36.9 49.7, 36.5 49.7, 36.5 49.5))"))),
        List.of(new ReleaseMap.Outline("Ukraine", wkt(COUNTRY))));
    assertEquals(new Envelope(36.4, 37.0, 49.45, 49.75), round(view));
  }

  @Test
  void aSingleSmallReleaseIsShownInTenKilometresAround() throws Exception {
    Envelope view = ReleaseMap.viewOf(List.of(new ReleaseMap.Piece(PieceKind.CLEARED,
        wkt("POLYGON((36.5 49.5, 36.501 49.5, 36.501 49.501, 36.5 49.501, 36.5 49.5))"))), List.of());
    assertEquals(0.1, view.getWidth(), 1e-9);
    assertEquals(0.1, view.getHeight(), 1e-9);
  }

  @Test
  void withoutReleasesTheViewIsTheRegions() throws Exception {
    Envelope view = ReleaseMap.viewOf(List.of(), List.of(new ReleaseMap.Outline("Kharkiv", wkt(OBLAST))));
    assertEquals(new Envelope(35, 38.5, 48.5, 50.5), view);
  }

  @Test
  void theScaleBarIsARoundLength() {
    assertEquals(20, ReleaseMap.niceKm(37), 1e-9);
    assertEquals(50, ReleaseMap.niceKm(50), 1e-9);
    assertEquals(100, ReleaseMap.niceKm(180), 1e-9);
    assertEquals(0.5, ReleaseMap.niceKm(0.7), 1e-9);
  }

  private static Envelope round(Envelope e) {
    return new Envelope(r(e.getMinX()), r(e.getMaxX()), r(e.getMinY()), r(e.getMaxY()));
  }

  private static double r(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
