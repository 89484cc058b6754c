package org.landrelease.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An event as the ledger holds it. The command's footprint is null when it was not read. decidedAt and countedOn
 * are null until the event is decided; countedOn is set for approved events only.
 */
public record StoredEvent(long sequence, EventCommand command, String regions, double footprintM2, double outsideM2,
    EventStatus status, Instant recordedAt, String submittedBy, Instant decidedAt, LocalDate countedOn) {

  /** The same event approved: what it changed, when, and the day from which it counts. */
  public StoredEvent approved(double outsideM2, Instant at, LocalDate countedOn) {
    return new StoredEvent(sequence, command, regions, footprintM2, outsideM2, EventStatus.APPROVED, recordedAt,
        submittedBy, at, countedOn);
  }

  public StoredEvent decided(EventStatus to, Instant at) {
    return new StoredEvent(sequence, command, regions, footprintM2, outsideM2, to, recordedAt, submittedBy, at, null);
  }
}
