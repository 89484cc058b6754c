package org.landrelease.geometry;

import org.landrelease.domain.Message;
import org.locationtech.jts.geom.Coordinate;

/** A geometry the ledger cannot accept, with a reason a user can act on and, where known, the offending coordinate. */
public class GeometryException extends Exception {
  private final Coordinate location;
  private final boolean tooLarge;
  private final Message message;

  public GeometryException(String reason, Coordinate location) {
    this(reason, location, false);
  }

  public GeometryException(String reason, Coordinate location, boolean tooLarge) {
    this(reason, location, tooLarge, null);
  }

  /** With the key of the reason in the language files (under {@code problem.detail.}) and its arguments. */
  public GeometryException(String reason, Coordinate location, Message message) {
    this(reason, location, false, message);
  }

  public GeometryException(String reason, Coordinate location, boolean tooLarge, Message message) {
    super(reason, null, false, false);
    this.location = location;
    this.tooLarge = tooLarge;
    this.message = message;
  }

  /** The translatable text of the reason, or null. */
  public Message message() {
    return message;
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
