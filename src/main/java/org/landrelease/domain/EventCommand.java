package org.landrelease.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;

/**
 * A survey, clearance or hazard report as a field team posts it, already parsed. The footprint is a valid JTS polygonal
 * geometry in lon/lat; requestHash identifies the exact body, so a replay with the same id can be told from a conflict.
 */
public record EventCommand(UUID id, EventType type, LocalDate date, String partner, String grant,
    Classification classification, Set<HazardType> hazardTypes, ClearanceMethod method,
    Map<HazardType, Integer> devicesFound, String notes, Geometry footprint, String requestHash) {}
