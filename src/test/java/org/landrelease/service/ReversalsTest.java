package org.landrelease.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.service.LedgerFixture.SYSTEM;
import static org.landrelease.service.LedgerFixture.command;
import static org.landrelease.service.LedgerFixture.reversal;
import static org.landrelease.service.LedgerFixture.wkt;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventType;
import org.landrelease.domain.LandUse;
import org.landrelease.domain.LedgerException;

/** The rules of a correction, one situation per test, against events in a real store. */
class ReversalsTest {
  static final String HAZARD = "POLYGON ((30.2 48.2, 30.6 48.2, 30.6 48.6, 30.2 48.6, 30.2 48.2))";
  static final String CLEARED = "POLYGON ((30.3 48.3, 30.5 48.3, 30.5 48.5, 30.3 48.5, 30.3 48.3))";
  private LedgerFixture fixture;
  private UUID clearance;

  @BeforeEach
  void open() throws Exception {
    fixture = new LedgerFixture();
    fixture.hazard(HAZARD);
    clearance = fixture.record(command(EventType.CLEARANCE, "2024-05-01", "HALO", "NL-HALO", CLEARED,
        LandUse.AGRICULTURE)).result().id();
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  private LedgerException refused(EventCommand cmd) {
    return assertThrows(LedgerException.class, () -> Reversals.complete(cmd, fixture.events));
  }

  @Test
  void aReversalTakesThePartnerGrantAndFootprintOfItsTarget() throws Exception {
    EventCommand completed = Reversals.complete(reversal(clearance, "2024-06-01", null), fixture.events);
    assertEquals("HALO", completed.partner());
    assertEquals("NL-HALO", completed.grant());
    assertTrue(wkt(CLEARED).equalsTopo(completed.footprint()), completed.footprint().toText());
    assertEquals(null, completed.landUse()); // the restored pieces carry the target's; the reversal records none
  }

  @Test
  void aReversalNamingAnotherPartnerIsRefused() {
    LedgerException e = refused(reversal(clearance, "2024-06-01", "DRC"));
    assertEquals("partner-mismatch", e.slug());
  }

  @Test
  void aReversalDatedBeforeItsTargetIsRefused() {
    assertEquals("reversal-before-event", refused(reversal(clearance, "2024-04-30", "HALO")).slug());
  }

  @Test
  void aReversalOfAnUnknownEventIsRefused() {
    assertEquals("unknown-target", refused(reversal(UUID.randomUUID(), "2024-06-01", "HALO")).slug());
  }

  @Test
  void aReversalOfAHazardReportIsRefused() throws Exception {
    UUID report = fixture.hazard("POLYGON ((30.7 48.7, 30.8 48.7, 30.8 48.8, 30.7 48.8, 30.7 48.7))").result().id();
    assertEquals("target-not-a-release", refused(reversal(report, "2024-06-01", "HALO")).slug());
  }

  @Test
  void aReversalOfASubmittedEventIsRefused() throws Exception {
    UUID submitted = fixture.ledger.submit(command(EventType.CLEARANCE, "2024-05-02", "HALO", null,
        "POLYGON ((30.2 48.2, 30.25 48.2, 30.25 48.25, 30.2 48.25, 30.2 48.2))", null), SYSTEM).result().id();
    assertEquals("target-not-approved", refused(reversal(submitted, "2024-06-01", "HALO")).slug());
  }

  @Test
  void aReversalDatedAfterTodayIsRefused() {
    LedgerException e = assertThrows(LedgerException.class,
        () -> Reversals.checkDate(reversal(clearance, "2025-06-02", "HALO"), LedgerFixture.TODAY));
    assertEquals("future-date", e.slug());
  }

  @Test
  void aSecondReversalOfTheSameEventIsAConflict() throws Exception {
    fixture.record(Reversals.complete(reversal(clearance, "2024-06-01", "HALO"), fixture.events));
    EventCommand again = reversal(clearance, "2024-07-01", "HALO");
    LedgerException e = assertThrows(LedgerException.class,
        () -> Reversals.approvableTarget(again, fixture.events, fixture.store));
    assertEquals(LedgerException.Kind.CONFLICT, e.kind());
    assertEquals("already-reversed", e.slug());
  }

  @Test
  void theFirstReversalOfAnApprovedReleaseIsApprovable() throws Exception {
    assertEquals(clearance, Reversals.approvableTarget(reversal(clearance, "2024-06-01", "HALO"), fixture.events,
        fixture.store).command().id());
  }
}
