package org.landrelease.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Classification;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.LandUse;
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.PieceRow;
import org.landrelease.store.LedgerStore.DayCount;
import org.landrelease.store.LedgerStore.PieceTotal;

/** The running totals, one situation per test: what they hold after each kind of change, and by each dimension. */
class LedgerTotalsTest {
  static final LocalDate MAY = LocalDate.of(2024, 5, 1);
  static final LocalDate JUNE = LocalDate.of(2024, 6, 1);

  private static PieceRow piece(String region, PieceKind kind, double m2, LandUse use) {
    return new PieceRow(1, region, kind, m2, null, Classification.SHA, EnumSet.of(HazardType.AP_MINE), use);
  }

  private static double[] kinds(LedgerTotals totals, LocalDate asOf) {
    return totals.kindTotals(asOf, new int[1], new double[1]);
  }

  private static double released(Map<String, double[]> sums, String key) {
    double[] m2 = sums.getOrDefault(key, new double[PieceKind.values().length]);
    return m2[PieceKind.CANCELLED.ordinal()] + m2[PieceKind.REDUCED.ordinal()] + m2[PieceKind.CLEARED.ordinal()];
  }

  /** A hazard of 10,000 m² in A reported in March, 10 m² added to the hazard area. */
  private static LedgerTotals reported() {
    LedgerTotals totals = new LedgerTotals();
    totals.load(List.of(new PieceTotal(LocalDate.of(2024, 3, 1), "A", "HALO", null, PieceKind.ADDED, null, 10_000)),
        List.of(new DayCount(LocalDate.of(2024, 3, 1), 1)), 10_000, 1);
    return totals;
  }

  @Test
  void loadedPiecesAreSummedPerKindUpToEachDay() {
    LedgerTotals totals = reported();
    assertEquals(10_000, kinds(totals, null)[PieceKind.ADDED.ordinal()]);
    assertEquals(0, kinds(totals, LocalDate.of(2024, 2, 29))[PieceKind.ADDED.ordinal()]);
    assertEquals(10_000, totals.hazardAreaM2());
    assertEquals(1, totals.applied());
  }

  @Test
  void theNextApprovalAddsItsPiecesUnderItsDatePartnerGrantAndLandUse() {
    LedgerTotals totals = reported();
    totals.addEvent(2, MAY, "HALO", "NL-HALO", List.of(piece("A", PieceKind.CLEARED, 3_000, LandUse.AGRICULTURE),
        piece("B", PieceKind.CLEARED, 1_000, LandUse.AGRICULTURE)), -4_000);
    assertEquals(4_000, kinds(totals, null)[PieceKind.CLEARED.ordinal()]);
    assertEquals(6_000, totals.hazardAreaM2());
    assertEquals(4_000, released(totals.sumBy(LedgerTotals.Dimension.LAND_USE, null, null), "AGRICULTURE"));
    assertEquals(3_000, released(totals.sumBy(LedgerTotals.Dimension.REGION, null, null), "A"));
    assertEquals(4_000, released(totals.sumBy(LedgerTotals.Dimension.GRANT, null, null), "NL-HALO"));
    assertEquals(4_000, released(totals.sumBy(LedgerTotals.Dimension.MONTH, null, null), "2024-05"));
  }

  @Test
  void aReleaseWithoutLandUseCountsAsUnknown() {
    LedgerTotals totals = reported();
    totals.addEvent(2, MAY, "HALO", null, List.of(piece("A", PieceKind.REDUCED, 2_000, null)), -2_000);
    Map<String, double[]> byUse = totals.sumBy(LedgerTotals.Dimension.LAND_USE, null, null);
    assertEquals(2_000, released(byUse, LandUse.UNKNOWN));
    assertFalse(released(byUse, "OTHER") != 0);
  }

  @Test
  void restoredPiecesOfAReversalTakeTheReleaseOffItsLandUseFromTheirDateOn() {
    LedgerTotals totals = reported();
    totals.addEvent(2, MAY, "HALO", null, List.of(piece("A", PieceKind.CLEARED, 3_000, LandUse.FOREST)), -3_000);
    totals.addEvent(3, JUNE, "HALO", null, List.of(piece("A", PieceKind.CLEARED, -3_000, LandUse.FOREST)), 3_000);
    assertEquals(3_000, released(totals.sumBy(LedgerTotals.Dimension.LAND_USE, null, LocalDate.of(2024, 5, 31)),
        "FOREST"));
    assertEquals(0, released(totals.sumBy(LedgerTotals.Dimension.LAND_USE, null, null), "FOREST"));
    assertEquals(-3_000, released(totals.sumBy(LedgerTotals.Dimension.LAND_USE, JUNE, null), "FOREST"));
    assertEquals(10_000, totals.hazardAreaM2());
  }

  @Test
  void anApprovalOutOfOrderIsIgnored() {
    LedgerTotals totals = reported();
    totals.addEvent(3, MAY, "HALO", null, List.of(piece("A", PieceKind.CLEARED, 3_000, null)), -3_000);
    assertEquals(0, kinds(totals, null)[PieceKind.CLEARED.ordinal()]);
    assertEquals(1, totals.applied());
    totals.addEvent(1, MAY, "HALO", null, List.of(piece("A", PieceKind.CLEARED, 3_000, null)), -3_000);
    assertEquals(0, kinds(totals, null)[PieceKind.CLEARED.ordinal()]);
  }

  @Test
  void approvalsOfAnotherInstanceAreAddedOnlyFromWhereTheTotalsStand() {
    LedgerTotals totals = reported();
    List<PieceTotal> theirs = List.of(new PieceTotal(MAY, "B", "DRC", null, PieceKind.CANCELLED, LandUse.WATER, 500));
    assertFalse(totals.addApplied(2, 3, List.of(MAY), -500, theirs));
    assertTrue(totals.addApplied(1, 3, List.of(MAY, MAY), -500, theirs));
    assertEquals(3, totals.applied());
    assertEquals(500, released(totals.sumBy(LedgerTotals.Dimension.LAND_USE, null, null), "WATER"));
    int[] events = new int[1];
    totals.kindTotals(null, events, new double[1]);
    assertEquals(3, events[0]);
  }

  @Test
  void aPeriodThatEndsBeforeItStartsIsEmpty() {
    LedgerTotals totals = reported();
    totals.addEvent(2, MAY, "HALO", null, List.of(piece("A", PieceKind.CLEARED, 3_000, LandUse.OTHER)), -3_000);
    assertEquals(Map.of(), totals.sumBy(LedgerTotals.Dimension.LAND_USE, JUNE, MAY));
  }

  @Test
  void theLandUseSumsAddUpToTheReleasedTotalOfEachPeriod() {
    LedgerTotals totals = reported();
    totals.addEvent(2, MAY, "HALO", null, List.of(piece("A", PieceKind.CLEARED, 3_000, LandUse.OTHER),
        piece("A", PieceKind.CANCELLED, 700, null)), -3_700);
    totals.addEvent(3, JUNE, "HALO", null, List.of(piece("B", PieceKind.REDUCED, 900, LandUse.WATER)), -900);
    for (LocalDate[] p : new LocalDate[][] {{null, null}, {MAY, MAY}, {JUNE, null}, {null, MAY}}) {
      double byUse = totals.sumBy(LedgerTotals.Dimension.LAND_USE, p[0], p[1]).keySet().stream()
          .mapToDouble(k -> released(totals.sumBy(LedgerTotals.Dimension.LAND_USE, p[0], p[1]), k)).sum();
      double byMonth = totals.sumBy(LedgerTotals.Dimension.MONTH, p[0], p[1]).keySet().stream()
          .mapToDouble(k -> released(totals.sumBy(LedgerTotals.Dimension.MONTH, p[0], p[1]), k)).sum();
      assertEquals(byMonth, byUse, 1e-9);
    }
    assertArrayEquals(new double[] {10_000, 0, 700, 900, 3_000}, kinds(totals, null), 1e-9);
  }

  @Test
  void eachCountryHasItsOwnReleasesEventsAndDates() {
    LedgerTotals totals = reported();
    totals.addEvent(2, MAY, "HALO", null, List.of(piece("UA-05", PieceKind.CLEARED, 3_000, null)), -3_000, ",UA-05,");
    totals.addEvent(3, JUNE, "MAG", null, List.of(piece("LB-BA", PieceKind.CANCELLED, 500, null),
        piece("unassigned", PieceKind.CANCELLED, 20, null)), -520, ",LB-BA,");
    Map<String, double[]> byCountry = totals.sumBy(LedgerTotals.Dimension.COUNTRY, null, null);
    assertEquals(3_000, released(byCountry, "UA"));
    assertEquals(500, released(byCountry, "LB"));
    assertEquals(20, released(byCountry, "unassigned"));
    assertEquals(1, totals.events("LB", null));
    assertEquals(0, totals.events("LB", MAY));
    assertEquals(JUNE, totals.dateRange("LB")[0]);
    assertEquals(MAY, totals.dateRange("UA")[1]);
  }
}
