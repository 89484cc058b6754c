package org.landrelease.geometry;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Moves every coordinate of a geometry through a proj4j transform (or none), swapping the axes before or after as
 * asked. One filter per geometry and thread: it keeps scratch coordinates, as proj4j's transforms do.
 */
final class ProjFilter implements CoordinateSequenceFilter {
  private final CoordinateTransform transform;
  private final boolean swapBefore;
  private final boolean swapAfter;
  private final ProjCoordinate in = new ProjCoordinate();
  private final ProjCoordinate out = new ProjCoordinate();

  ProjFilter(CoordinateTransform transform, boolean swapBefore, boolean swapAfter) {
    this.transform = transform;
    this.swapBefore = swapBefore;
    this.swapAfter = swapAfter;
  }

  @Override
  public void filter(CoordinateSequence seq, int i) {
    double x = seq.getX(i), y = seq.getY(i);
    if (swapBefore) {
      double t = x;
      x = y;
      y = t;
    }
    if (transform != null) {
      in.x = x;
      in.y = y;
      transform.transform(in, out);
      x = out.x;
      y = out.y;
    }
    if (swapAfter) {
      double t = x;
      x = y;
      y = t;
    }
    seq.setOrdinate(i, 0, x);
    seq.setOrdinate(i, 1, y);
  }

  @Override
  public boolean isDone() {
    return false;
  }

  @Override
  public boolean isGeometryChanged() {
    return true;
  }
}
