package org.landrelease.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    Geometry utm = OgcCrs.UTM_37N.fromCrs84(wkt("POINT (36 48)"));
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
    Geometry back = OgcCrs.UTM_36N.toCrs84(OgcCrs.UTM_36N.fromCrs84(square));
    assertTrue(back.equalsExact(square, 1e-9), back.toText());
  }

  @Test
  void utmBboxCoversTheCurvedEdges() {
    Envelope e = OgcCrs.UTM_36N.toCrs84(285000, 5542900, 286000, 5544000);
    // the west edge's north-west corner, from gdaltransform: the meridians converge northwards
    assertEquals(29.999189416944, e.getMinX(), 1e-9);
    assertEquals(49.9995989529332, e.getMinY(), 1e-6);
  }

  @Test
  void namesInShortAndUriFormsAreTheSameCrs() {
    assertEquals(OgcCrs.CRS84, OgcCrs.of("[OGC:CRS84]").orElseThrow());
    assertEquals(OgcCrs.UTM_38N, OgcCrs.of("https://www.opengis.net/def/crs/EPSG/0/32638").orElseThrow());
    assertTrue(OgcCrs.of("http://www.opengis.net/def/crs/EPSG/0/2154").isEmpty());
  }
}
