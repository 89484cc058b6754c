package org.landrelease.geometry;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The XYZ tile scheme of web maps (spherical web mercator, EPSG:3857, y counted from the north), and the tile
 * coordinates of a Mapbox Vector Tile: {@link #EXTENT} units across, y down, with a {@link #BUFFER} beyond each edge
 * so that strokes do not end at the tile's edge.
 */
public record TileGrid(int z, int x, int y) {
  /** Units across a vector tile from {@link #FULL_DETAIL_ZOOM} on, as PostGIS ST_AsMVTGeom and the MVT default. */
  public static final int EXTENT = 4096;
  /** Units drawn beyond each edge of a tile of {@link #EXTENT} units (1/64 of the tile at every zoom). */
  public static final int BUFFER = 64;
  /**
   * Units across a tile below {@link #FULL_DETAIL_ZOOM}: 1/4 of a screen pixel. A national map's hazards are a few
   * pixels across there, and a finer grid only kept vertices no one sees (a zoom-10 tile of the million-hazard
   * ledger held 3,600 hazards in 326 kB at 4096 units).
   */
  public static final int LOW_DETAIL_EXTENT = 1024;
  public static final int FULL_DETAIL_ZOOM = 12;
  public static final int MAX_ZOOM = 24;
  /** Half the width of the web mercator world in metres (π · 6,378,137). */
  public static final double HALF_WORLD_M = 20037508.342789244;
  private static final double RADIUS_M = 6378137.0;
  /** Web mercator ends here, where its y reaches the half width of the world. */
  public static final double MAX_LATITUDE = 85.0511287798066;

  /** Checks z, x and y; the message says which is out of range. */
  public static TileGrid of(int z, int x, int y) {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom " + z + " is outside 0.." + MAX_ZOOM);
    }
    long n = 1L << z;
    if (x < 0 || x >= n || y < 0 || y >= n) {
      throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " does not exist: at zoom " + z
          + " x and y run from 0 to " + (n - 1));
    }
    return new TileGrid(z, x, y);
  }

  /** Units across this tile: the grid its shapes snap to, a tolerance per zoom. */
  public int extent() {
    return z >= FULL_DETAIL_ZOOM ? EXTENT : LOW_DETAIL_EXTENT;
  }

  /** Units drawn beyond each edge of this tile. */
  public int buffer() {
    return extent() * BUFFER / EXTENT;
  }

  /** The tile's bounds in web mercator metres. */
  public Envelope mercator() {
    double size = 2 * HALF_WORLD_M / (1L << z);
    double minX = -HALF_WORLD_M + x * size;
    double maxY = HALF_WORLD_M - y * size;
    return new Envelope(minX, minX + size, maxY - size, maxY);
  }

  /** The bounds in web mercator metres with the buffer beyond each edge. */
  public Envelope mercatorWithBuffer() {
    Envelope e = mercator();
    e.expandBy(e.getWidth() * BUFFER / EXTENT);
    return e;
  }

  /** The tile's bounds with the buffer, in longitude and latitude: the window to read features in. */
  public Envelope lonLatWithBuffer() {
    Envelope m = mercatorWithBuffer();
    return new Envelope(lon(m.getMinX()), lon(m.getMaxX()), lat(m.getMinY()), lat(m.getMaxY()));
  }

  /** Longitude and latitude bounds without the buffer. */
  public Envelope lonLat() {
    Envelope m = mercator();
    return new Envelope(lon(m.getMinX()), lon(m.getMaxX()), lat(m.getMinY()), lat(m.getMaxY()));
  }

  /** The tile containing a point at a zoom (lon/lat degrees). */
  public static TileGrid containing(double lon, double lat, int z) {
    long n = 1L << z;
    double fx = (mercatorX(lon) + HALF_WORLD_M) / (2 * HALF_WORLD_M);
    double fy = (HALF_WORLD_M - mercatorY(lat)) / (2 * HALF_WORLD_M);
    int x = (int) Math.min(n - 1, Math.max(0, Math.floor(fx * n)));
    int y = (int) Math.min(n - 1, Math.max(0, Math.floor(fy * n)));
    return new TileGrid(z, x, y);
  }

  public static double mercatorX(double lon) {
    return lon * HALF_WORLD_M / 180.0;
  }

  public static double mercatorY(double lat) {
    double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
    return Math.log(Math.tan((90.0 + clamped) * Math.PI / 360.0)) * RADIUS_M;
  }

  public static double lon(double mercatorX) {
    return mercatorX * 180.0 / HALF_WORLD_M;
  }

  public static double lat(double mercatorY) {
    return Math.toDegrees(2 * Math.atan(Math.exp(mercatorY / RADIUS_M)) - Math.PI / 2);
  }

  /**
   * A copy of a lon/lat geometry in this tile's units: web mercator scaled to {@link #extent()} across, y down from
   * the tile's north edge. Not yet rounded or clipped.
   */
  public Geometry toTileUnits(Geometry lonLat) {
    Envelope m = mercator();
    double scale = extent() / m.getWidth();
    double originX = m.getMinX();
    double originY = m.getMaxY();
    Geometry g = lonLat.copy();
    g.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        seq.setOrdinate(i, 0, (mercatorX(seq.getX(i)) - originX) * scale);
        seq.setOrdinate(i, 1, (originY - mercatorY(seq.getY(i))) * scale);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    return g;
  }

  /** A point of this tile (tile units) back in lon/lat. */
  public Coordinate toLonLat(double tx, double ty) {
    Envelope m = mercator();
    double scale = m.getWidth() / extent();
    return new Coordinate(lon(m.getMinX() + tx * scale), lat(m.getMaxY() - ty * scale));
  }

  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }
}
