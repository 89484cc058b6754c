package org.landrelease.service;

import java.time.LocalDate;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventType;
import org.landrelease.domain.Grant;
import org.landrelease.domain.LedgerException;

/** The rules an event must meet before its geometry is applied. Each failure is a 422 with a reason. */
final class EventRules {
  private EventRules() {}

  static void check(EventCommand cmd, FundingService funding, LocalDate today) {
    if (cmd.date().isAfter(today)) {
      throw LedgerException.unprocessable("future-date",
          "date " + cmd.date() + " is in the future (today is " + today + " UTC)")
          .with("event.futureDate", "date", cmd.date(), "today", today);
    }
    if (funding.partner(cmd.partner()) == null) {
      throw LedgerException.unprocessable("unknown-partner", "unknown partner '" + cmd.partner() + "'")
          .with("partner.unknown", "partner", cmd.partner());
    }
    if (cmd.grant() != null) {
      grantMustFundPartnerOnDate(cmd, funding.grant(cmd.grant()));
    }
    boolean clearance = cmd.type() == EventType.CLEARANCE;
    if (!clearance && (cmd.method() != null || cmd.devicesFound() != null)) {
      throw LedgerException.unprocessable("clearance-only-field",
          "method and devicesFound are recorded for CLEARANCE events only, not " + cmd.type())
          .with("event.clearanceOnlyField", "type", cmd.type());
    }
    if (cmd.type() != EventType.HAZARD_REPORT && cmd.classification() != null) {
      throw LedgerException.unprocessable("report-only-field",
          "classification is given by HAZARD_REPORT events only, not " + cmd.type())
          .with("event.reportOnlyField", "type", cmd.type());
    }
    landUseOnReleasesOnly(cmd.type(), cmd.landUse() != null);
    if (cmd.devicesFound() != null && cmd.devicesFound().values().stream().anyMatch(n -> n < 0)) {
      throw LedgerException.unprocessable("negative-count", "devicesFound counts must not be negative")
          .with("event.negativeCount");
    }
  }

  /**
   * The land's use after release is recorded on releases only: well-formed but meaningless elsewhere, since a report
   * adds hazard and a reversal restores it, and neither releases land to a use.
   */
  static void landUseOnReleasesOnly(EventType type, boolean hasLandUse) {
    if (hasLandUse && !type.isRelease()) {
      throw LedgerException.unprocessable("land-use-not-a-release", "'landUse' is recorded on releases "
          + "(NON_TECHNICAL_SURVEY, TECHNICAL_SURVEY, CLEARANCE) only, not on a " + type)
          .with("event.landUseNotARelease", "type", type);
    }
  }

  /** A grant must belong to the event's partner and cover the event date. */
  static void grantMustFundPartnerOnDate(EventCommand cmd, Grant grant) {
    if (grant == null) {
      throw LedgerException.unprocessable("unknown-grant", "unknown grant '" + cmd.grant() + "'")
          .with("grant.unknownForEvent", "grant", cmd.grant());
    }
    if (!grant.partner().equals(cmd.partner())) {
      throw LedgerException.unprocessable("grant-of-another-partner",
          "grant '" + grant.id() + "' funds partner '" + grant.partner() + "', not '" + cmd.partner() + "'")
          .with("grant.ofAnotherPartner", "grant", grant.id(), "funded", grant.partner(), "partner", cmd.partner());
    }
    if (!grant.covers(cmd.date())) {
      throw LedgerException.unprocessable("date-outside-grant", "date " + cmd.date() + " is outside grant '"
          + grant.id() + "' (" + grant.start() + " to " + grant.end() + ")")
          .with("grant.dateOutside", "date", cmd.date(), "grant", grant.id(), "start", grant.start(),
              "end", grant.end());
    }
  }
}
