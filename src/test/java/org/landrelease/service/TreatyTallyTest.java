package org.landrelease.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Classification;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.PieceKind;
import org.landrelease.service.LandReleaseReport.Row;
import org.landrelease.store.TreatyStore.HazardPieces;

/** The counting rules of the treaty report, one situation each, on pieces as the store sums them (m² by start, by end). */
class TreatyTallyTest {
  private static final Map<String, String> NAMES = new LinkedHashMap<>(Map.of("A", "Region A"));

  private static HazardPieces piece(long hazard, String key, Classification c, PieceKind kind, double startM2,
      double endM2, int releasedInYear) {
    return new HazardPieces(hazard, key, c, EnumSet.of(HazardType.AP_MINE), kind, startM2, endM2, releasedInYear);
  }

  private static TreatyTally tally(List<HazardPieces> pieces) {
    TreatyTally t = new TreatyTally(NAMES);
    pieces.forEach(t::add);
    return t;
  }

  @Test
  void aHazardInTwoRegionsCountsInEachRegionAndOnceInTheTotal() {
    TreatyTally t = tally(List.of(piece(1, "A", Classification.CHA, PieceKind.ADDED, 3e6, 3e6, 0),
        piece(1, "B", Classification.CHA, PieceKind.ADDED, 1e6, 1e6, 0)));
    List<Row> rows = t.rows();
    assertEquals(List.of("A", "B"), rows.stream().map(Row::code).toList());
    assertEquals(1, rows.get(0).start().cha().areas());
    assertEquals(1, rows.get(1).start().cha().areas());
    assertEquals(1, t.total().start().cha().areas());
    assertEquals(4.0, t.total().start().cha().km2());
  }

  @Test
  void aReleaseOfTheYearCountsItsHazardOnceAndItsKm2() {
    TreatyTally t = tally(List.of(piece(1, "A", Classification.SHA, PieceKind.ADDED, 2e6, 2e6, 0),
        piece(1, "A", Classification.SHA, PieceKind.REDUCED, 0, 0.5e6, 2)));
    Row total = t.total();
    assertEquals(1, total.released().reduced().areas());
    assertEquals(0.5, total.released().reduced().km2());
    assertEquals(1, total.end().sha().areas());
    assertEquals(1.5, total.end().sha().km2());
  }

  @Test
  void aReversalOfAnEarlierYearsReleaseMakesReleasedNegativeWithoutAnArea() {
    // released 1 km² before the start; the reversal's negative piece (on the restored hazard 2) counts in the year
    TreatyTally t = tally(List.of(piece(1, "A", Classification.SHA, PieceKind.ADDED, 1e6, 1e6, 0),
        piece(1, "A", Classification.SHA, PieceKind.CANCELLED, 1e6, 1e6, 0),
        piece(2, "A", Classification.SHA, PieceKind.CANCELLED, 0, -1e6, 0)));
    Row total = t.total();
    assertEquals(0, total.released().cancelled().areas());
    assertEquals(-1.0, total.released().cancelled().km2());
    assertEquals(0, total.start().sha().areas());
    assertEquals(1, total.end().sha().areas());
    assertEquals(1.0, total.end().sha().km2());
  }

  @Test
  void aSnappingResidueIsNoArea() {
    TreatyTally t = tally(List.of(piece(1, "unassigned", Classification.SHA, PieceKind.ADDED, 3.5, 3.5, 0)));
    assertEquals(0, t.total().start().sha().areas());
    assertEquals(0.000004, t.total().start().sha().km2());
  }

  @Test
  void aConfirmationMovesLandFromShaToChaAndAddsNothing() {
    TreatyTally t = tally(List.of(piece(1, "A", Classification.SHA, PieceKind.ADDED, 2e6, 2e6, 0),
        piece(2, "A", Classification.CHA, PieceKind.RECLASSIFIED, 0, 2e6, 0),
        piece(1, "A", Classification.SHA, PieceKind.RECLASSIFIED, 0, -2e6, 0)));
    Row total = t.total();
    assertEquals(2.0, total.added().reclassifiedInKm2());
    assertEquals(2.0, total.added().reclassifiedOutKm2());
    assertEquals(0.0, total.added().km2());
    assertEquals(1, total.start().sha().areas());
    assertEquals(0, total.end().sha().areas());
    assertEquals(1, total.end().cha().areas());
    assertEquals(2.0, total.end().cha().km2());
  }
}
