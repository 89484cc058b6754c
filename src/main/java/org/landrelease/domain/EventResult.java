package org.landrelease.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an event did. Areas are geodesic km². Once approved, a release fills releasedKm2, a hazard report addedKm2
 * and reclassifiedKm2, a reversal a negative releasedKm2 (the land it restored); outsideContaminationKm2 is the
 * footprint that was not (or, for a report, already) contaminated. countedOn is the day from which it counts.
 */
public record EventResult(UUID id, EventType type, String status, LocalDate date, String partner, String grant,
    long sequence, double footprintKm2, Double addedKm2, Double reclassifiedKm2, Double releasedKm2,
    Double outsideContaminationKm2, LocalDate countedOn, UUID reverses, List<RegionShare> byRegion,
    List<HazardShare> byHazard) {

  public record RegionShare(String code, double km2) {}

  public record HazardShare(long hazardId, double km2) {}
}
