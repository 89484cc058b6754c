package org.landrelease.geometry;

import org.locationtech.jts.geom.Coordinate;

/** A geometry the ledger cannot accept, with a reason a user can act on and, where known, the offending coordinate. */
public class GeometryException extends Exception {
  private final Coordinate location;
  private final boolean tooLarge;

  public GeometryException(String reason, Coordinate location) {
    this(reason, location, false);
  }

  public GeometryException(String reason, Coordinate location, boolean tooLarge) {
    super(reason, null, false, false);
    this.location = location;
    this.tooLarge = tooLarge;
  }

  /** Where the problem is, in lon/lat, or null. */
  public Coordinate location() {
    return location;
  }

  /** True when the geometry is refused for its size rather than its shape. */
  public boolean tooLarge() {
    return tooLarge;
  }
}
