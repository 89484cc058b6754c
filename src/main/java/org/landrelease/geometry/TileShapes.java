package org.landrelease.geometry;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Polygons in a tile's units, clipped to the tile and its buffer and snapped to the integer grid of the tile, as
 * PostGIS ST_AsMVTGeom does. The snap is the only generalisation: it is a tolerance per zoom (1/16 of a screen pixel
 * at every zoom) that keeps topology, because vertices that adjacent pieces share snap to the same grid point. A
 * simplification of each polygon on its own (Douglas-Peucker) would move shared edges apart and open gaps.
 */
public final class TileShapes {
  private static final GeometryFactory TILE = new GeometryFactory(new PrecisionModel(1.0));

  private TileShapes() {}

  /**
   * The polygonal part of a geometry (tile units of a tile extent units across) clipped to the tile and its buffer
   * and snapped, or null when nothing of area is left. A
   * polygon inside the clip box is rounded vertex by vertex, the common case and a cheap one; one that crosses the
   * box, or that rounding made collapse or fold, goes through a snap-rounding overlay that gives a valid result.
   */
  public static Geometry clipAndSnap(Geometry tileUnits, int extent) {
    int buffer = extent * TileGrid.BUFFER / TileGrid.EXTENT;
    Envelope clip = new Envelope(-buffer, extent + buffer, -buffer, extent + buffer);
    if (tileUnits == null || tileUnits.isEmpty() || !clip.intersects(tileUnits.getEnvelopeInternal())) {
      return null;
    }
    Geometry out;
    if (clip.contains(tileUnits.getEnvelopeInternal())) {
      out = roundInside(tileUnits);
      if (out == null) {
        out = GeometryPrecisionReducer.reduce(polygonal(tileUnits), TILE.getPrecisionModel());
      }
    } else {
      out = OverlayNG.overlay(polygonal(tileUnits), TILE.toGeometry(clip), OverlayNG.INTERSECTION,
          TILE.getPrecisionModel());
    }
    out = polygonal(out);
    return out.isEmpty() || out.getArea() <= 0 ? null : out;
  }

  /** The polygons of a geometry, as one polygon or multipolygon (possibly empty). */
  static Geometry polygonal(Geometry g) {
    if (g instanceof Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon) {
      return g;
    }
    List<Polygon> polygons = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon p && !p.isEmpty()) {
        polygons.add(p);
      } else if (part != g && part.getNumGeometries() > 0 && !(part instanceof Polygon)) {
        Geometry inner = polygonal(part);
        for (int j = 0; j < inner.getNumGeometries(); j++) {
          if (inner.getGeometryN(j) instanceof Polygon p && !p.isEmpty()) {
            polygons.add(p);
          }
        }
      }
    }
    return polygons.size() == 1 ? polygons.get(0) : TILE.createMultiPolygon(polygons.toArray(new Polygon[0]));
  }

  /**
   * Rounds every vertex; null when a ring collapsed or changed its orientation, or the result is not valid (the caller
   * then snaps it properly).
   */
  private static Geometry roundInside(Geometry g) {
    Geometry poly = polygonal(g);
    List<Polygon> out = new ArrayList<>(poly.getNumGeometries());
    for (int i = 0; i < poly.getNumGeometries(); i++) {
      Polygon p = (Polygon) poly.getGeometryN(i);
      LinearRing shell = round(p.getExteriorRing());
      if (shell == null) {
        // a shell smaller than the grid: it vanishes at this zoom, which is what the overlay would give too
        if (Math.abs(Area.ofRingSigned(p.getExteriorRing().getCoordinates())) < 1) {
          continue;
        }
        return null;
      }
      List<LinearRing> holes = new ArrayList<>();
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        LinearRing hole = round(p.getInteriorRingN(h));
        if (hole == null) {
          if (Math.abs(Area.ofRingSigned(p.getInteriorRingN(h).getCoordinates())) < 1) {
            continue;
          }
          return null;
        }
        holes.add(hole);
      }
      out.add(TILE.createPolygon(shell, holes.toArray(new LinearRing[0])));
    }
    if (out.isEmpty()) {
      return TILE.createPolygon();
    }
    Geometry rounded = out.size() == 1 ? out.get(0) : TILE.createMultiPolygon(out.toArray(new Polygon[0]));
    // rounding can make edges cross (a ring folds where two edges ran within a unit of each other); an MVT polygon
    // must be valid, and the encoder drops one that is not: such a one goes through the snap-rounding overlay
    return IsValidOp.isValid(rounded) ? rounded : null;
  }

  /** A ring rounded to the grid without repeated points; null if it collapsed or turned round. */
  private static LinearRing round(LinearRing ring) {
    Coordinate[] in = ring.getCoordinates();
    CoordinateList list = new CoordinateList();
    for (Coordinate c : in) {
      list.add(new Coordinate(Math.rint(c.x), Math.rint(c.y)), false);
    }
    list.closeRing();
    if (list.size() < 4) {
      return null;
    }
    Coordinate[] rounded = list.toCoordinateArray();
    double before = Area.ofRingSigned(in);
    double after = Area.ofRingSigned(rounded);
    if (after == 0 || Math.signum(after) != Math.signum(before)) {
      return null;
    }
    return TILE.createLinearRing(rounded);
  }

}
