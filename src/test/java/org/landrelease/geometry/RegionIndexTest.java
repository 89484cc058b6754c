package org.landrelease.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.landrelease.service.Json;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class RegionIndexTest {
  private static Geometry wkt(String s) {
    try {
      return new WKTReader(Geometries.FACTORY).read(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static RegionShape region(String code, String wkt) {
    Geometry g = wkt(wkt);
    return new RegionShape(code, code, code, g, GeodesicArea.m2(g));
  }

  /** Two neighbours side by side, A = [30,31]x[48,49], B = [31,32]x[48,49], and C overlapping A's east edge. */
  private static final RegionIndex SQUARES = new RegionIndex(List.of(
      region("A", "POLYGON ((30 48, 31 48, 31 49, 30 49, 30 48))"),
      region("B", "POLYGON ((31 48, 32 48, 32 49, 31 49, 31 48))")), 0.25);

  private static Map<String, RegionPart> split(RegionIndex index, String wkt) {
    Geometry piece = wkt(wkt);
    return index.split(piece, GeodesicArea.m2(piece)).stream()
        .collect(Collectors.toMap(RegionPart::code, p -> p));
  }

  @Test
  void testPieceInsideOneRegionIsOnePart() {
    Map<String, RegionPart> parts = split(SQUARES, "POLYGON ((30.2 48.2, 30.3 48.2, 30.3 48.3, 30.2 48.3, 30.2 48.2))");
    assertEquals(List.of("A"), List.copyOf(parts.keySet()));
    assertTrue(parts.get("A").geometry()
        .equalsTopo(wkt("POLYGON ((30.2 48.2, 30.3 48.2, 30.3 48.3, 30.2 48.3, 30.2 48.2))")));
  }

  @Test
  void testPieceAcrossABorderSplitsIntoBothRegions() {
    Geometry piece = wkt("POLYGON ((30.9 48.4, 31.2 48.4, 31.2 48.6, 30.9 48.6, 30.9 48.4))");
    Map<String, RegionPart> parts = split(SQUARES, piece.toText());
    assertEquals(2, parts.size());
    assertTrue(parts.get("A").geometry()
        .equalsTopo(wkt("POLYGON ((30.9 48.4, 31 48.4, 31 48.6, 30.9 48.6, 30.9 48.4))")));
    assertTrue(parts.get("B").geometry()
        .equalsTopo(wkt("POLYGON ((31 48.4, 31.2 48.4, 31.2 48.6, 31 48.6, 31 48.4))")));
    assertEquals(GeodesicArea.m2(piece), parts.get("A").m2() + parts.get("B").m2(), 1e-6);
  }

  @Test
  void testLandOutsideEveryRegionIsUnassigned() {
    Geometry piece = wkt("POLYGON ((31.9 48.4, 32.1 48.4, 32.1 48.6, 31.9 48.6, 31.9 48.4))");
    Map<String, RegionPart> parts = split(SQUARES, piece.toText());
    assertEquals(2, parts.size());
    RegionPart outside = parts.get(RegionIndex.UNASSIGNED);
    assertTrue(outside.geometry()
        .equalsTopo(wkt("POLYGON ((32 48.4, 32.1 48.4, 32.1 48.6, 32 48.6, 32 48.4))")));
    assertEquals(GeodesicArea.m2(outside.geometry()), outside.m2(), 1.0);
    assertEquals(GeodesicArea.m2(piece), parts.get("B").m2() + outside.m2(), 1e-6);
  }

  @Test
  void testOverlappingRegionsCountTheOverlapOnceForTheFirst() {
    RegionIndex overlapping = new RegionIndex(List.of(
        region("A", "POLYGON ((30 48, 31 48, 31 49, 30 49, 30 48))"),
        region("C", "POLYGON ((30.9 48, 32 48, 32 49, 30.9 49, 30.9 48))")), 0.25);
    Geometry piece = wkt("POLYGON ((30.8 48.4, 31.2 48.4, 31.2 48.6, 30.8 48.6, 30.8 48.4))");
    Map<String, RegionPart> parts = split(overlapping, piece.toText());
    assertTrue(parts.get("A").geometry()
        .equalsTopo(wkt("POLYGON ((30.8 48.4, 31 48.4, 31 48.6, 30.8 48.6, 30.8 48.4))")));
    assertTrue(parts.get("C").geometry()
        .equalsTopo(wkt("POLYGON ((31 48.4, 31.2 48.4, 31.2 48.6, 31 48.6, 31 48.4))")));
    assertEquals(GeodesicArea.m2(piece), parts.get("A").m2() + parts.get("C").m2(), 1e-6);
  }

  @Test
  void testPieceAcrossDonetskAndZaporizhzhiaOnTheRealBoundaries() throws Exception {
    RegionIndex oblasts = new RegionIndex(RegionBoundaries.read(Path.of("data/ukraine-oblasts.geojson"),
        Json.mapper()), 0.2);
    // a box of about 6 x 4 km around a vertex of the Donetsk (UA-14) / Zaporizhzhia (UA-23) boundary
    Geometry piece = wkt("POLYGON ((36.55 47.78, 36.63 47.78, 36.63 47.82, 36.55 47.82, 36.55 47.78))");
    double m2 = GeodesicArea.m2(piece);
    List<RegionPart> parts = oblasts.split(piece, m2);
    assertEquals(List.of("UA-14", "UA-23"), parts.stream().map(RegionPart::code).sorted().toList());
    assertEquals(m2, parts.stream().mapToDouble(RegionPart::m2).sum(), 1e-6);
    for (RegionPart p : parts) {
      assertEquals(GeodesicArea.m2(p.geometry()), p.m2(), 0.5, p.code());
    }
    assertEquals(List.of("UA-14", "UA-23"), oblasts.touching(piece));
  }

  @Test
  void testPieceOutsideUkraineTouchesNoRegion() throws Exception {
    RegionIndex oblasts = new RegionIndex(RegionBoundaries.read(Path.of("data/ukraine-oblasts.geojson"),
        Json.mapper()), 0.2);
    assertTrue(oblasts.touching(wkt("POLYGON ((2 48, 2.1 48, 2.1 48.1, 2 48.1, 2 48))")).isEmpty());
  }
}
