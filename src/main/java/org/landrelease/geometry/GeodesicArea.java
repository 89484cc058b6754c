package org.landrelease.geometry;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Area on the WGS84 ellipsoid, with every edge taken as the geodesic between its vertices (GeographicLib, Karney 2013).
 * This is the definition PostGIS uses for ST_Area(geography).
 */
public final class GeodesicArea {
  private GeodesicArea() {}

  /** Area of a polygonal geometry in m²: exterior rings minus holes. Non-polygonal parts count zero. */
  public static double m2(Geometry g) {
    double total = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon p) {
        total += polygonM2(p);
      } else if (part != g && part.getNumGeometries() > 0) {
        total += m2(part);
      }
    }
    return total;
  }

  private static double polygonM2(Polygon p) {
    if (p.isEmpty()) {
      return 0;
    }
    double area = ringM2(p.getExteriorRing());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      area -= ringM2(p.getInteriorRingN(i));
    }
    return Math.max(0, area);
  }

  private static double ringM2(LineString ring) {
    PolygonArea pa = new PolygonArea(Geodesic.WGS84, false);
    Coordinate[] cs = ring.getCoordinates();
    // the closing vertex repeats the first; GeographicLib closes the ring itself
    for (int i = 0; i < cs.length - 1; i++) {
      pa.AddPoint(cs[i].y, cs[i].x);
    }
    // reverse=false, sign=false: the unsigned area of the ring whatever its orientation
    return pa.Compute(false, false).area;
  }
}
