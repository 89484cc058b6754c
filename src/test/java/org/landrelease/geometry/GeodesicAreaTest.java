package org.landrelease.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.PolygonArea;
import org.junit.jupiter.api.Test;
import org.landrelease.service.Json;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

class GeodesicAreaTest {
  private static Geometry wkt(String s) throws Exception {
    return new WKTReader(Geometries.FACTORY).read(s);
  }

  /** The known value for a 1° cell at the equator bounded by geodesics (GeographicLib, PostGIS geography). */
  @Test
  void oneDegreeCellAtTheEquatorWithGeodesicEdgesIs12308point8Km2() throws Exception {
    assertEquals(12308.8, geographicLibM2(wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")) / 1e6, 0.05);
    // the same cell with its edges traced along the geodesics, vertex every ~1 km: the ledger's area agrees
    Geometry traced = Geometries.FACTORY.createPolygon(geodesicRing(new double[][] {{0, 0}, {1, 0}, {1, 1}, {0, 1}}));
    assertEquals(12308.8, GeodesicArea.m2(traced) / 1e6, 0.05);
  }

  /** The ledger's own edges are straight in lon/lat: the same cell is then 0.3 km² smaller (closed form). */
  @Test
  void oneDegreeCellAtTheEquatorWithLonLatEdgesIs12308point46Km2() throws Exception {
    assertEquals(12308.464, GeodesicArea.m2(wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")) / 1e6, 0.001);
  }

  private static Coordinate[] geodesicRing(double[][] lonLat) {
    java.util.List<Coordinate> out = new java.util.ArrayList<>();
    for (int i = 0; i < lonLat.length; i++) {
      double[] a = lonLat[i], b = lonLat[(i + 1) % lonLat.length];
      GeodesicLine line = Geodesic.WGS84.InverseLine(a[1], a[0], b[1], b[0]);
      int steps = 120;
      for (int s = 0; s < steps; s++) {
        GeodesicData p = line.Position(line.Distance() * s / steps);
        out.add(new Coordinate(p.lon2, p.lat2));
      }
    }
    out.add(out.get(0));
    return out.toArray(Coordinate[]::new);
  }

  /** A field of about 1 km² with 1 km edges: the two edge definitions agree to 1e-5 (6 m² here). */
  @Test
  void fieldPolygonAgreesWithGeographicLibTo1e5() throws Exception {
    Geometry field = wkt("POLYGON ((37.5 48.1, 37.512 48.101, 37.515 48.109, 37.503 48.111, 37.5 48.1))");
    double geodesic = geographicLibM2(field);
    assertEquals(geodesic, GeodesicArea.m2(field), geodesic * 1e-5);
  }

  @Test
  void orientationDoesNotChangeTheArea() throws Exception {
    double ccw = GeodesicArea.m2(wkt("POLYGON ((30 48, 31 48, 31 49, 30 49, 30 48))"));
    double cw = GeodesicArea.m2(wkt("POLYGON ((30 48, 30 49, 31 49, 31 48, 30 48))"));
    assertEquals(ccw, cw, 1e-6);
    assertTrue(ccw > 8.2e9 && ccw < 8.3e9, "a 1° cell at 48°N is about 8,270 km², got " + ccw / 1e6);
  }

  @Test
  void holeIsSubtracted() throws Exception {
    double outer = GeodesicArea.m2(wkt("POLYGON ((30 48, 31 48, 31 49, 30 49, 30 48))"));
    double hole = GeodesicArea.m2(wkt("POLYGON ((30.2 48.2, 30.4 48.2, 30.4 48.4, 30.2 48.4, 30.2 48.2))"));
    double withHole = GeodesicArea.m2(wkt(
        "POLYGON ((30 48, 31 48, 31 49, 30 49, 30 48), (30.2 48.2, 30.4 48.2, 30.4 48.4, 30.2 48.4, 30.2 48.2))"));
    assertEquals(outer - hole, withHole, 1e-3);
  }

  @Test
  void multiPolygonIsTheSumOfItsParts() throws Exception {
    double a = GeodesicArea.m2(wkt("POLYGON ((30 48, 30.1 48, 30.1 48.1, 30 48.1, 30 48))"));
    double b = GeodesicArea.m2(wkt("POLYGON ((31 48, 31.1 48, 31.1 48.1, 31 48.1, 31 48))"));
    double ab = GeodesicArea.m2(wkt(
        "MULTIPOLYGON (((30 48, 30.1 48, 30.1 48.1, 30 48.1, 30 48)), ((31 48, 31.1 48, 31.1 48.1, 31 48.1, 31 48)))"));
    assertEquals(a + b, ab, 1e-3);
  }

  /**
   * Every oblast against an independent reference: the planar area in the Lambert equal-area projection EPSG:3035
   * (proj4j), with edges densified to 1 km so that their shape no longer matters.
   */
  @Test
  void everyOblastMatchesAnEqualAreaProjectionWithin0point01Percent() throws Exception {
    List<RegionShape> regions = RegionBoundaries.read(Path.of("data/ukraine-oblasts.geojson"), Json.mapper());
    assertEquals(27, regions.size());
    CRSFactory crs = new CRSFactory();
    CoordinateTransform toLaea = new CoordinateTransformFactory()
        .createTransform(crs.createFromName("EPSG:4326"), crs.createFromName("EPSG:3035"));
    double total = 0;
    for (RegionShape r : regions) {
      double reference = 0;
      for (int i = 0; i < r.geometry().getNumGeometries(); i++) {
        Polygon p = (Polygon) r.geometry().getGeometryN(i);
        reference += Math.abs(ringAreaM2(p.getExteriorRing(), toLaea));
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          reference -= Math.abs(ringAreaM2(p.getInteriorRingN(h), toLaea));
        }
      }
      double relative = Math.abs(r.areaM2() - reference) / reference;
      assertTrue(relative < 1e-4, r.code() + " differs by " + relative * 100 + "%: " + r.areaM2() / 1e6 + " vs "
          + reference / 1e6 + " km²");
      double geodesic = geographicLibM2(r.geometry());
      assertTrue(Math.abs(r.areaM2() - geodesic) / geodesic < 1e-4, r.code() + " vs GeographicLib");
      total += r.areaM2();
    }
    // Natural Earth leaves out some water: ~599,100 km² against the official 603,628 km²
    assertEquals(599_100, total / 1e6, 100);
  }

  /** Geodesic-edge area of a (multi)polygon with GeographicLib: the PostGIS geography definition. */
  private static double geographicLibM2(Geometry g) {
    double total = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Polygon p = (Polygon) g.getGeometryN(i);
      total += geographicLibRing(p.getExteriorRing());
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        total -= geographicLibRing(p.getInteriorRingN(h));
      }
    }
    return total;
  }

  private static double geographicLibRing(LineString ring) {
    PolygonArea pa = new PolygonArea(Geodesic.WGS84, false);
    Coordinate[] cs = ring.getCoordinates();
    for (int i = 0; i < cs.length - 1; i++) {
      pa.AddPoint(cs[i].y, cs[i].x);
    }
    return Math.abs(pa.Compute(false, true).area);
  }

  private static double ringAreaM2(LineString ring, CoordinateTransform t) {
    Coordinate[] cs = ring.getCoordinates();
    double sum = 0;
    ProjCoordinate prev = project(cs[0], t);
    for (int i = 1; i < cs.length; i++) {
      double dx = cs[i].x - cs[i - 1].x, dy = cs[i].y - cs[i - 1].y;
      int steps = Math.max(1, (int) Math.ceil(Math.hypot(dx, dy) / 0.01));
      for (int s = 1; s <= steps; s++) {
        ProjCoordinate next = project(new Coordinate(cs[i - 1].x + dx * s / steps, cs[i - 1].y + dy * s / steps), t);
        sum += prev.x * next.y - next.x * prev.y;
        prev = next;
      }
    }
    return sum / 2;
  }

  private static ProjCoordinate project(Coordinate c, CoordinateTransform t) {
    ProjCoordinate out = new ProjCoordinate();
    t.transform(new ProjCoordinate(c.x, c.y), out);
    return out;
  }
}
