package org.landrelease.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** Reference values from GDAL: gdaltransform -s_srs '+proj=longlat +datum=WGS84' -t_srs EPSG:n. */
class OgcCrsTest {
  private static Geometry wkt(String text) throws Exception {
    return new WKTReader(Geometries.FACTORY).read(text);
  }

  @Test
  void utm36NorthOfKyivMatchesGdal() throws Exception {
    Geometry p = OgcCrs.of("EPSG:32636").orElseThrow().fromCrs84(wkt("POINT (30 50)"));
    assertEquals(285015.763265, p.getCoordinate().x, 1e-3);
    assertEquals(5542944.018649, p.getCoordinate().y, 1e-3);
  }

  @Test
  void utm37AndWebMercatorMatchGdal() throws Exception {
    Geometry utm = OgcCrs.utm(37, true).fromCrs84(wkt("POINT (36 48)"));
    assertEquals(276224.084603, utm.getCoordinate().x, 1e-3);
    assertEquals(5320655.789192, utm.getCoordinate().y, 1e-3);
    Geometry merc = OgcCrs.WEB_MERCATOR.fromCrs84(wkt("POINT (30 50)"));
    assertEquals(3339584.723798, merc.getCoordinate().x, 1e-3);
    assertEquals(6446275.841017, merc.getCoordinate().y, 1e-3);
  }

  @Test
  void epsg4326SwapsTheAxesBothWays() throws Exception {
    Geometry latLon = OgcCrs.WGS84_LAT_LON.fromCrs84(wkt("POINT (30 50)"));
    assertEquals(50, latLon.getCoordinate().x);
    assertEquals(30, latLon.getCoordinate().y);
    assertEquals(30, OgcCrs.WGS84_LAT_LON.toCrs84(latLon).getCoordinate().x);
  }

  @Test
  void roundTripThroughUtmKeepsThePolygon() throws Exception {
    Geometry square = wkt("POLYGON ((30 50, 30.01 50, 30.01 50.01, 30 50.01, 30 50))");
    Geometry back = OgcCrs.utm(36, true).toCrs84(OgcCrs.utm(36, true).fromCrs84(square));
    assertTrue(back.equalsExact(square, 1e-9), back.toText());
  }

  @Test
  void utmBboxCoversTheCurvedEdges() {
    Envelope e = OgcCrs.utm(36, true).toCrs84(285000, 5542900, 286000, 5544000);
    // the west edge's north-west corner, from gdaltransform: the meridians converge northwards
    assertEquals(29.999189416944, e.getMinX(), 1e-9);
    assertEquals(49.9995989529332, e.getMinY(), 1e-6);
  }

  @Test
  void namesInShortAndUriFormsAreTheSameCrs() {
    assertEquals(OgcCrs.CRS84, OgcCrs.of("[OGC:CRS84]").orElseThrow());
    assertEquals(OgcCrs.utm(38, true), OgcCrs.of("https://www.opengis.net/def/crs/EPSG/0/32638").orElseThrow());
    assertTrue(OgcCrs.of("http://www.opengis.net/def/crs/EPSG/0/2154").isEmpty());
  }

  @Test
  void utm18SouthAtLimaMatchesGdal() throws Exception {
    // west of Greenwich and south of the equator: false northing 10,000 km
    Geometry p = OgcCrs.of("http://www.opengis.net/def/crs/EPSG/0/32718").orElseThrow()
        .fromCrs84(wkt("POINT (-77.0428 -12.0464)"));
    assertEquals(277617.453174, p.getCoordinate().x, 1e-3);
    assertEquals(8667487.896953, p.getCoordinate().y, 1e-3);
  }

  @Test
  void utm48SouthAtJakartaMatchesGdal() throws Exception {
    Geometry p = OgcCrs.of("EPSG:32748").orElseThrow().fromCrs84(wkt("POINT (106.8456 -6.2088)"));
    assertEquals(704207.168856, p.getCoordinate().x, 1e-3);
    assertEquals(9313358.339246, p.getCoordinate().y, 1e-3);
  }

  @Test
  void utm18NorthAtBogotaMatchesGdalAndComesBack() throws Exception {
    OgcCrs utm18n = OgcCrs.utm(18, true);
    Geometry p = utm18n.fromCrs84(wkt("POINT (-74.0721 4.711)"));
    assertEquals(602910.006524, p.getCoordinate().x, 1e-3);
    assertEquals(520787.258769, p.getCoordinate().y, 1e-3);
    Geometry back = utm18n.toCrs84(p);
    assertEquals(-74.0721, back.getCoordinate().x, 1e-9);
    assertEquals(4.711, back.getCoordinate().y, 1e-9);
  }

  @Test
  void firstAndLastZonesOfEachHemisphereParseAndProject() throws Exception {
    // central meridians 177 W (zones 1) and 177 E (zones 60): x is the false easting, y from gdaltransform
    Object[][] cases = {{"32601", -177.0, 10.0, 1105412.491301}, {"32660", 177.0, 70.0, 7765873.135479},
        {"32701", -177.0, -10.0, 8894587.508699}, {"32760", 177.0, -70.0, 2234126.864521}};
    for (Object[] c : cases) {
      OgcCrs crs = OgcCrs.of("EPSG:" + c[0]).orElseThrow();
      assertEquals("http://www.opengis.net/def/crs/EPSG/0/" + c[0], crs.uri());
      Geometry p = crs.fromCrs84(wkt("POINT (" + c[1] + " " + c[2] + ")"));
      assertEquals(500000, p.getCoordinate().x, 1e-3, (String) c[0]);
      assertEquals((double) c[3], p.getCoordinate().y, 1e-3, (String) c[0]);
    }
  }

  @Test
  void codesJustOutsideTheUtmRangesAreRefused() {
    for (String code : new String[] {"32600", "32661", "32700", "32761"}) {
      assertTrue(OgcCrs.of("EPSG:" + code).isEmpty(), code);
      assertTrue(OgcCrs.of("http://www.opengis.net/def/crs/EPSG/0/" + code).isEmpty(), code);
    }
  }

  @Test
  void everyUtmZoneIsOfferedOnceAfterTheFixedThree() {
    assertEquals(3 + 2 * 60, OgcCrs.uris().size());
    assertEquals(OgcCrs.uris().size(), new java.util.HashSet<>(OgcCrs.uris()).size());
    assertEquals(OgcCrs.CRS84.uri(), OgcCrs.uris().get(0));
    assertSame(OgcCrs.utm(60, false), OgcCrs.of(OgcCrs.uris().get(OgcCrs.uris().size() - 1)).orElseThrow());
    assertSame(OgcCrs.utm(34, true), OgcCrs.of("EPSG:32634").orElseThrow());
  }

  @Test
  void utmFactoryRefusesZonesOutsideOneToSixty() {
    assertThrows(IllegalArgumentException.class, () -> OgcCrs.utm(0, true));
    assertThrows(IllegalArgumentException.class, () -> OgcCrs.utm(61, false));
  }
}
