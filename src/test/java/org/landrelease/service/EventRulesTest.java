package org.landrelease.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.landrelease.service.LedgerFixture.TODAY;
import static org.landrelease.service.LedgerFixture.command;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.domain.ClearanceMethod;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventType;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.LandUse;
import org.landrelease.domain.LedgerException;

/** The rules an event meets before its geometry is applied, one situation per test, with a real store's funding. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventRulesTest {
  static final String FIELD = "POLYGON ((30.2 48.2, 30.3 48.2, 30.3 48.3, 30.2 48.3, 30.2 48.2))";
  private LedgerFixture fixture;

  @BeforeAll
  void open() throws Exception {
    fixture = new LedgerFixture();
  }

  @AfterAll
  void close() throws Exception {
    fixture.close();
  }

  private LedgerException refused(EventCommand cmd) {
    LedgerException e = assertThrows(LedgerException.class, () -> EventRules.check(cmd, fixture.funding, TODAY));
    assertEquals(LedgerException.Kind.UNPROCESSABLE, e.kind());
    return e;
  }

  @Test
  void aClearanceOfItsGrantsPartnerWithinTheGrantPasses() {
    assertDoesNotThrow(() -> EventRules.check(command(EventType.CLEARANCE, "2024-05-01", "HALO", "NL-HALO", FIELD,
        LandUse.AGRICULTURE), fixture.funding, TODAY));
  }

  @Test
  void anEventDatedAfterTodayIsRefused() {
    assertEquals("future-date", refused(command(EventType.CLEARANCE, "2025-06-02", "HALO", null, FIELD, null))
        .slug());
  }

  @Test
  void anEventDatedTodayPasses() {
    assertDoesNotThrow(() -> EventRules.check(command(EventType.CLEARANCE, TODAY.toString(), "HALO", null, FIELD,
        null), fixture.funding, TODAY));
  }

  @Test
  void anUnknownPartnerIsRefused() {
    assertEquals("unknown-partner", refused(command(EventType.CLEARANCE, "2024-05-01", "NOBODY", null, FIELD, null))
        .slug());
  }

  @Test
  void anUnknownGrantIsRefused() {
    assertEquals("unknown-grant", refused(command(EventType.CLEARANCE, "2024-05-01", "HALO", "NL-NONE", FIELD,
        null)).slug());
  }

  @Test
  void aGrantOfAnotherPartnerIsRefused() {
    assertEquals("grant-of-another-partner", refused(command(EventType.CLEARANCE, "2024-05-01", "DRC", "NL-HALO",
        FIELD, null)).slug());
  }

  @Test
  void aDateBeforeTheGrantStartsIsRefused() {
    assertEquals("date-outside-grant", refused(command(EventType.CLEARANCE, "2022-12-31", "HALO", "NL-HALO", FIELD,
        null)).slug());
  }

  @Test
  void aClearanceMethodOnASurveyIsRefused() {
    EventCommand survey = command(EventType.TECHNICAL_SURVEY, "2024-05-01", "HALO", null, FIELD, null);
    EventCommand withMethod = new EventCommand(survey.id(), survey.type(), survey.date(), survey.partner(),
        survey.grant(), null, null, ClearanceMethod.MECHANICAL, null, null, survey.footprint(), survey.requestHash(),
        null, null, null);
    assertEquals("clearance-only-field", refused(withMethod).slug());
  }

  @Test
  void devicesFoundOnASurveyAreRefused() {
    assertEquals("clearance-only-field", refused(LedgerFixture.withDevices(command(EventType.NON_TECHNICAL_SURVEY,
        "2024-05-01", "HALO", null, FIELD, null), Map.of(HazardType.UXO, 1))).slug());
  }

  @Test
  void aNegativeDeviceCountIsRefused() {
    assertEquals("negative-count", refused(LedgerFixture.withDevices(command(EventType.CLEARANCE, "2024-05-01",
        "HALO", null, FIELD, null), Map.of(HazardType.AP_MINE, -1))).slug());
  }

  @Test
  void aClassificationOnAReleaseIsRefused() {
    EventCommand report = command(EventType.HAZARD_REPORT, "2024-05-01", "HALO", null, FIELD, null);
    EventCommand clearance = new EventCommand(report.id(), EventType.CLEARANCE, report.date(), "HALO", null,
        report.classification(), null, ClearanceMethod.MANUAL, null, null, report.footprint(), report.requestHash(),
        null, null, null);
    assertEquals("report-only-field", refused(clearance).slug());
  }

  @Test
  void aLandUseOnAHazardReportIsRefused() {
    assertEquals("land-use-not-a-release", refused(command(EventType.HAZARD_REPORT, "2024-05-01", "HALO", null,
        FIELD, LandUse.AGRICULTURE)).slug());
  }

  @Test
  void aLandUseOnEachReleaseTypePasses() {
    for (EventType type : new EventType[] {EventType.NON_TECHNICAL_SURVEY, EventType.TECHNICAL_SURVEY,
        EventType.CLEARANCE}) {
      assertDoesNotThrow(() -> EventRules.check(command(type, "2024-05-01", "HALO", "NL-HALO", FIELD,
          LandUse.WATER), fixture.funding, TODAY), type.name());
    }
  }
}
