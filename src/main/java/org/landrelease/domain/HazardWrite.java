package org.landrelease.domain;

import org.locationtech.jts.geom.Geometry;

/** A change an event makes to the current hazards, written in the event's transaction. */
public sealed interface HazardWrite {
  record Insert(HazardRow hazard) implements HazardWrite {}

  record Update(long id, Geometry geometry, double areaM2) implements HazardWrite {}

  record Delete(long id) implements HazardWrite {}
}
