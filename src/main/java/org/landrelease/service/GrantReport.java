package org.landrelease.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.landrelease.domain.EventType;
import org.landrelease.domain.Grant;
import org.landrelease.service.ReportService.ReleasedRow;

/**
 * What one grant released in a period [from, to] (both days included; by default the grant's own period, up to
 * today once the grant has ended, since land counts from its approval and late approvals still belong to it), computed
 * in one place (ReportService.grantReport) and served alike as JSON, PDF and XLSX. The figures come from the same
 * running totals as GET /api/stats/released?by=grant&from&to. byLandUse is the land's use after release as the field
 * teams recorded it (a LandUse name, or "unknown"), never the land-cover zoning. All areas are geodesic km².
 */
public record GrantReport(Grant grant, LocalDate from, LocalDate to, double releasedKm2, double cancelledKm2,
    double reducedKm2, double clearedKm2, List<OutcomeRow> byOutcome, List<ReleasedRow> byRegion,
    List<ReleasedRow> byMonth, List<ReleasedRow> byLandUse, List<Event> events, LedgerState ledgerState,
    String country) {

  /** The report of the grant's land in every country (country null). */
  public GrantReport(Grant grant, LocalDate from, LocalDate to, double releasedKm2, double cancelledKm2,
      double reducedKm2, double clearedKm2, List<OutcomeRow> byOutcome, List<ReleasedRow> byRegion,
      List<ReleasedRow> byMonth, List<ReleasedRow> byLandUse, List<Event> events, LedgerState ledgerState) {
    this(grant, from, to, releasedKm2, cancelledKm2, reducedKm2, clearedKm2, byOutcome, byRegion, byMonth, byLandUse,
        events, ledgerState, null);
  }

  /**
   * One outcome ("cancelled", "reduced", "cleared", then "total"): its km² and the number of events that released
   * land by it in the period (a reversal counts under the outcome it undoes; the total row counts every listed event).
   */
  public record OutcomeRow(String outcome, double km2, int events) {}

  /**
   * An approved event of the grant counted in the period: its own date, the day it counts from (the later of its
   * date and its approval, which is the day its land is dated by), its regions, and what it released (negative for
   * a reversal).
   */
  public record Event(UUID id, EventType type, LocalDate date, LocalDate countedOn, String regions,
      double releasedKm2, double cancelledKm2, double reducedKm2, double clearedKm2) {}

  /**
   * The ledger state the report was computed from, so that anyone can reproduce it: the last event included (by
   * sequence), the approval order the figures hold (applied), when it was computed, and the data set's label.
   */
  public record LedgerState(long lastEventSequence, long appliedSequence, Instant computedAt, String dataset) {}
}
