package org.landrelease.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Message;
import org.locationtech.jts.geom.Geometry;

class GeoJsonGeometryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Geometry read(String json) throws Exception {
    return GeoJsonGeometry.readPolygonal(JSON.readTree(json), 100_000);
  }

  private static GeometryException refused(String json) {
    return assertThrows(GeometryException.class, () -> read(json));
  }

  @Test
  void readsAPolygonWithAHole() throws Exception {
    Geometry g = read("{\"type\":\"Polygon\",\"coordinates\":[[[30,48],[31,48],[31,49],[30,49],[30,48]],"
        + "[[30.2,48.2],[30.4,48.2],[30.4,48.4],[30.2,48.4],[30.2,48.2]]]}");
    assertEquals("Polygon", g.getGeometryType());
    assertEquals(4326, g.getSRID());
  }

  @Test
  void snapsVerticesToTheMillimetreGrid() throws Exception {
    Geometry g = read("{\"type\":\"Polygon\",\"coordinates\":[[[30.123456789,48],[31,48],[31,49],[30.123456789,48]]]}");
    for (var c : g.getCoordinates()) {
      assertEquals(Math.round(c.x * 1e8) / 1e8, c.x, 0);
    }
    assertTrue(java.util.Arrays.stream(g.getCoordinates()).anyMatch(c -> c.x == 30.12345679), g.toText());
  }

  @Test
  void bowTieIsRefusedWithTheSelfIntersectionPoint() {
    GeometryException e = refused(
        "{\"type\":\"Polygon\",\"coordinates\":[[[30,48],[31,49],[31,48],[30,49],[30,48]]]}");
    assertTrue(e.getMessage().contains("Self-intersection"), e.getMessage());
    assertNotNull(e.location());
    assertEquals(30.5, e.location().x, 1e-9);
    assertEquals(48.5, e.location().y, 1e-9);
  }

  @Test
  void unclosedRingIsRefusedAtItsLastPosition() {
    GeometryException e = refused("{\"type\":\"Polygon\",\"coordinates\":[[[30,48],[31,48],[31,49],[30,49]]]}");
    assertTrue(e.getMessage().contains("not closed"), e.getMessage());
    assertEquals(30, e.location().x);
    assertEquals(49, e.location().y);
  }

  @Test
  void latitudeOutOfRangeIsRefusedWithTheCoordinate() {
    GeometryException e = refused("{\"type\":\"Polygon\",\"coordinates\":[[[30,48],[31,95],[31,49],[30,48]]]}");
    assertTrue(e.getMessage().contains("outside the lon/lat range"), e.getMessage());
    assertEquals(95, e.location().y);
  }

  @Test
  void pointIsRefused() {
    assertTrue(refused("{\"type\":\"Point\",\"coordinates\":[30,48]}").getMessage().contains("'Point'"));
  }

  @Test
  void lineStringIsRefused() {
    assertTrue(refused("{\"type\":\"LineString\",\"coordinates\":[[30,48],[31,48]]}").getMessage()
        .contains("'LineString'"));
  }

  @Test
  void emptyPolygonIsRefused() {
    assertTrue(refused("{\"type\":\"Polygon\",\"coordinates\":[]}").getMessage().contains("empty"));
  }

  @Test
  void emptyMultiPolygonIsRefused() {
    assertTrue(refused("{\"type\":\"MultiPolygon\",\"coordinates\":[]}").getMessage().contains("empty"));
  }

  @Test
  void tooManyVerticesIsRefusedAsTooLarge() throws Exception {
    StringBuilder ring = new StringBuilder("[[30,48]");
    for (int i = 1; i < 100_001; i++) {
      ring.append(",[").append(30 + i * 1e-6).append(",48.001]");
    }
    ring.append(",[30,48]]");
    GeometryException e = refused("{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}");
    assertTrue(e.tooLarge());
  }

  @Test
  void overlappingMultiPolygonPartsAreRefused() {
    GeometryException e = refused("{\"type\":\"MultiPolygon\",\"coordinates\":["
        + "[[[30,48],[31,48],[31,49],[30,49],[30,48]]],[[[30.5,48.5],[31.5,48.5],[31.5,49.5],[30.5,49.5],[30.5,48.5]]]]}");
    assertNotNull(e.location());
  }

  @Test
  void ringWithTooFewPositionsIsRefused() {
    assertTrue(refused("{\"type\":\"Polygon\",\"coordinates\":[[[30,48],[31,48],[30,48]]]}").getMessage()
        .contains("at least 4"));
  }

  @Test
  void bowTieNamesItsReasonByKeySoThatItCanBeTranslated() {
    GeometryException e = refused(
        "{\"type\":\"Polygon\",\"coordinates\":[[[30,48],[31,49],[31,48],[30,49],[30,48]]]}");
    assertEquals("geometry.invalid", e.message().key());
    assertEquals("Polygon", e.message().args().get("type"));
    assertEquals(Message.of("geometry.reason.selfIntersection"), e.message().args().get("reason"));
  }

  @Test
  void holeOutsideShellNamesItsReasonByKey() {
    GeometryException e = refused("{\"type\":\"Polygon\",\"coordinates\":[[[30,48],[31,48],[31,49],[30,49],[30,48]],"
        + "[[32,48],[32.5,48],[32.5,48.5],[32,48.5],[32,48]]]}");
    assertEquals(Message.of("geometry.reason.holeOutsideShell"), e.message().args().get("reason"));
    assertNotNull(e.location());
  }

  @Test
  void unclosedRingNamesItsReasonByKey() {
    GeometryException e = refused("{\"type\":\"Polygon\",\"coordinates\":[[[30,48],[31,48],[31,49],[30,49]]]}");
    assertEquals(Message.of("geometry.ringNotClosed"), e.message());
  }

  @Test
  void ringWithTooFewPositionsCarriesItsCount() {
    GeometryException e = refused("{\"type\":\"Polygon\",\"coordinates\":[[[30,48],[31,48],[30,48]]]}");
    assertEquals(Message.of("geometry.ringTooShort", "positions", 3), e.message());
  }
}
