package org.landrelease.files;

import java.util.ArrayList;
import java.util.List;
import org.landrelease.geometry.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;

/**
 * The geoshape of ODK Collect and KoboToolbox, as their CSV and XLS exports write it: points separated by semicolons,
 * each "latitude longitude [altitude [accuracy]]" in WGS84 degrees (latitude first), the last point repeating the
 * first. A field form's polygon arrives this way when the team walked the boundary with a phone.
 */
final class OdkGeoshape {
  private OdkGeoshape() {}

  /** True when the text looks like a geoshape (starts with a number), not WKT (starts with a keyword). */
  static boolean looksLike(String text) {
    return !text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-' || text.charAt(0) == '+');
  }

  /** The polygon of a geoshape; the ring is closed when the form left it open. Coordinates as lon/lat. */
  static Polygon parse(String text) throws ParseException {
    List<Coordinate> ring = new ArrayList<>();
    String[] points = text.trim().split("\\s*;\\s*");
    for (int i = 0; i < points.length; i++) {
      if (points[i].isBlank()) {
        continue; // a trailing semicolon
      }
      String[] parts = points[i].trim().split("\\s+");
      if (parts.length < 2 || parts.length > 4) {
        throw new ParseException("geoshape point " + (i + 1) + " '" + points[i].trim() + "' is not 'latitude "
            + "longitude [altitude [accuracy]]'");
      }
      double lat, lon;
      try {
        lat = Double.parseDouble(parts[0]);
        lon = Double.parseDouble(parts[1]);
      } catch (NumberFormatException e) {
        throw new ParseException("geoshape point " + (i + 1) + " '" + points[i].trim() + "' has a coordinate "
            + "that is not a number");
      }
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        throw new ParseException("geoshape point " + (i + 1) + " has latitude " + lat + " and longitude " + lon
            + ": out of range (a geoshape gives latitude first)");
      }
      ring.add(new Coordinate(lon, lat));
    }
    if (!ring.isEmpty() && !ring.get(0).equals2D(ring.get(ring.size() - 1))) {
      ring.add(ring.get(0).copy());
    }
    if (ring.size() < 4) {
      throw new ParseException("a geoshape needs at least three distinct points, got " + Math.max(0,
          ring.size() - 1));
    }
    return Geometries.FACTORY.createPolygon(ring.toArray(Coordinate[]::new));
  }
}
