package org.landrelease.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.EventStatus;
import org.landrelease.domain.EventType;
import org.landrelease.domain.LandUse;
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.StoredEvent;

/** What an event changed, with the reversal sign: the one rule of the event list, the result and the export. */
class EventChangeTest {
  static final String FIELD = "POLYGON ((30.2 48.2, 30.3 48.2, 30.3 48.3, 30.2 48.3, 30.2 48.2))";

  /** An event of 5,000,000 m² footprint of which outsideM2 was not changed, approved or not. */
  private static StoredEvent stored(EventType type, EventStatus status, double outsideM2) {
    var cmd = type == EventType.REVERSAL ? LedgerFixture.reversal(UUID.randomUUID(), "2024-06-01", "HALO")
        : LedgerFixture.command(type, "2024-05-01", "HALO", null, FIELD, type.isRelease() ? LandUse.OTHER : null);
    return new StoredEvent(7, cmd, ",A,", 5_000_000, outsideM2, status, Instant.EPOCH, "test",
        status == EventStatus.SUBMITTED ? null : Instant.EPOCH,
        status == EventStatus.APPROVED ? LocalDate.of(2024, 6, 1) : null);
  }

  @Test
  void anApprovedReleaseChangedItsFootprintLessWhatLayOutside() {
    StoredEvent e = stored(EventType.CLEARANCE, EventStatus.APPROVED, 1_234_567.4);
    assertEquals(3_765_432.6, EventChange.changedM2(e), 1e-6);
    assertEquals(3.765433, EventChange.changedKm2(e), 1e-12);
    assertEquals("releasedKm2", EventChange.figure(EventType.CLEARANCE));
    assertEquals(1_234_567.4, EventChange.outsideM2(e), 1e-6);
  }

  @Test
  void anApprovedHazardReportChangedWhatItAdded() {
    StoredEvent e = stored(EventType.HAZARD_REPORT, EventStatus.APPROVED, 1_000_000);
    assertEquals(4_000_000, EventChange.changedM2(e), 1e-6);
    assertEquals("addedKm2", EventChange.figure(EventType.HAZARD_REPORT));
  }

  @Test
  void anApprovedReversalReadsAsANegativeReleaseWithNoOutsideArea() {
    StoredEvent e = stored(EventType.REVERSAL, EventStatus.APPROVED, 1_234_567.4);
    assertEquals(-3_765_432.6, EventChange.changedM2(e), 1e-6);
    assertEquals(-3.765433, EventChange.changedKm2(e), 1e-12);
    assertEquals("releasedKm2", EventChange.figure(EventType.REVERSAL));
    assertNull(EventChange.outsideM2(e));
  }

  @Test
  void aReversalIsRoundedBeforeItsSignAsTheApiAlwaysDid() {
    // 0.5 m² rounds up to 1 m²; rounding -0.5 m² would give 0: the sign is applied after rounding
    StoredEvent e = stored(EventType.REVERSAL, EventStatus.APPROVED, 4_999_999.5);
    assertEquals(-0.000001, EventChange.changedKm2(e), 1e-15);
  }

  @Test
  void anEventNotApprovedChangedNothingAndHasNoFigure() {
    for (EventStatus status : new EventStatus[] {EventStatus.SUBMITTED, EventStatus.REJECTED}) {
      StoredEvent e = stored(EventType.CLEARANCE, status, 5_000_000);
      assertNull(EventChange.changedM2(e), status.name());
      assertNull(EventChange.changedKm2(e), status.name());
      assertNull(EventChange.outsideM2(e), status.name());
    }
  }

  @Test
  void aReleaseCountsItsReleasedPiecesAndAReportItsAddedOnes() {
    assertTrue(EventChange.counts(EventType.TECHNICAL_SURVEY, PieceKind.REDUCED));
    assertTrue(EventChange.counts(EventType.REVERSAL, PieceKind.CLEARED));
    assertFalse(EventChange.counts(EventType.HAZARD_REPORT, PieceKind.RECLASSIFIED));
    assertTrue(EventChange.counts(EventType.HAZARD_REPORT, PieceKind.ADDED));
  }
}
