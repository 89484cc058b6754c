package org.landrelease.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;

/**
 * A survey, clearance or hazard report as a field team posts it, already parsed. The footprint is a valid JTS polygonal
 * geometry in lon/lat; requestHash identifies the exact body, so a replay with the same id can be told from a conflict.
 * A REVERSAL names the approved event it reverses and why; its partner, grant and footprint are the target's.
 * landUse is the land's use after release as the field team recorded it: releases only, null when not recorded.
 */
public record EventCommand(UUID id, EventType type, LocalDate date, String partner, String grant,
    Classification classification, Set<HazardType> hazardTypes, ClearanceMethod method,
    Map<HazardType, Integer> devicesFound, String notes, Geometry footprint, String requestHash, UUID reverses,
    String reason, LandUse landUse) {

  /** The same command with the partner, grant and footprint of the event it reverses filled in. */
  public EventCommand reversing(String partnerOfTarget, String grantOfTarget, Geometry footprintOfTarget) {
    return new EventCommand(id, type, date, partnerOfTarget, grantOfTarget, classification, hazardTypes, method,
        devicesFound, notes, footprintOfTarget, requestHash, reverses, reason, landUse);
  }
}
