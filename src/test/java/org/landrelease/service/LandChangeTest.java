package org.landrelease.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.service.LedgerFixture.command;
import static org.landrelease.service.LedgerFixture.wkt;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Classification;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventType;
import org.landrelease.domain.HazardWrite;
import org.landrelease.domain.LandUse;
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.PieceRow;
import org.landrelease.geometry.GeodesicArea;
import org.locationtech.jts.geom.Geometry;

/**
 * What an approved event does to the hazards, WKT in and WKT out, one situation per test: the pieces it cuts (with
 * their region, kind and land use) and the hazard writes it makes. Hazards are put in place through the ledger
 * (recorded hazard reports); LandChange itself is called directly and writes nothing.
 */
class LandChangeTest {
  static final String HAZARD = "POLYGON ((30.2 48.2, 30.6 48.2, 30.6 48.6, 30.2 48.6, 30.2 48.2))";
  private LedgerFixture fixture;
  private LandChange land;

  @BeforeEach
  void open() throws Exception {
    fixture = new LedgerFixture();
    land = new LandChange(fixture.store, fixture.regions);
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  private static void assertTopoEquals(String expectedWkt, Geometry actual) {
    Geometry expected = wkt(expectedWkt);
    assertTrue(expected.equalsTopo(actual), "expected " + expected + " but was " + actual);
  }

  private static EventCommand clearance(String wkt, LandUse use) {
    return command(EventType.CLEARANCE, "2024-05-01", "HALO", "NL-HALO", wkt, use);
  }

  private static double sum(List<PieceRow> pieces) {
    return pieces.stream().mapToDouble(PieceRow::m2).sum();
  }

  @Test
  void releaseOverHalfAHazardCutsThatHalfOutAndLeavesTheRest() throws Exception {
    fixture.hazard(HAZARD);
    LandChange.Change c = land.release(clearance(
        "POLYGON ((30.4 48.2, 30.8 48.2, 30.8 48.6, 30.4 48.6, 30.4 48.2))", LandUse.AGRICULTURE));
    assertEquals(1, c.pieces.size());
    PieceRow piece = c.pieces.get(0);
    assertTopoEquals("POLYGON ((30.4 48.2, 30.6 48.2, 30.6 48.6, 30.4 48.6, 30.4 48.2))", piece.geometry());
    assertEquals(PieceKind.CLEARED, piece.kind());
    assertEquals("A", piece.region());
    assertEquals(LandUse.AGRICULTURE, piece.landUse());
    assertEquals(GeodesicArea.m2(piece.geometry()), piece.m2(), 1e-3);
    HazardWrite.Update rest = assertInstanceOf(HazardWrite.Update.class, c.writes.get(0));
    assertTopoEquals("POLYGON ((30.2 48.2, 30.4 48.2, 30.4 48.6, 30.2 48.6, 30.2 48.2))", rest.geometry());
    assertEquals(-piece.m2(), c.hazardDeltaM2, 1e-3);
  }

  @Test
  void releaseCoveringAWholeHazardDeletesItAndReleasesAllOfIt() throws Exception {
    double hazardM2 = GeodesicArea.m2(wkt(HAZARD));
    fixture.hazard(HAZARD);
    LandChange.Change c = land.release(command(EventType.NON_TECHNICAL_SURVEY, "2024-05-01", "HALO", null,
        "POLYGON ((30.1 48.1, 30.7 48.1, 30.7 48.7, 30.1 48.7, 30.1 48.1))", null));
    assertTopoEquals(HAZARD, c.pieces.get(0).geometry());
    assertEquals(PieceKind.CANCELLED, c.pieces.get(0).kind());
    assertEquals(null, c.pieces.get(0).landUse());
    assertInstanceOf(HazardWrite.Delete.class, c.writes.get(0));
    assertEquals(hazardM2, sum(c.pieces), 1e-3);
    assertEquals(-hazardM2, c.hazardDeltaM2, 1e-3);
  }

  @Test
  void releaseAcrossARegionBorderSplitsItsPieceByRegion() throws Exception {
    fixture.hazard("POLYGON ((30.8 48.2, 31.2 48.2, 31.2 48.6, 30.8 48.6, 30.8 48.2))");
    LandChange.Change c = land.release(clearance(
        "POLYGON ((30.9 48.2, 31.1 48.2, 31.1 48.6, 30.9 48.6, 30.9 48.2))", LandUse.FOREST));
    assertEquals(2, c.pieces.size());
    PieceRow a = c.pieces.stream().filter(p -> p.region().equals("A")).findFirst().orElseThrow();
    PieceRow b = c.pieces.stream().filter(p -> p.region().equals("B")).findFirst().orElseThrow();
    assertTopoEquals("POLYGON ((30.9 48.2, 31 48.2, 31 48.6, 30.9 48.6, 30.9 48.2))", a.geometry());
    assertTopoEquals("POLYGON ((31 48.2, 31.1 48.2, 31.1 48.6, 31 48.6, 31 48.2))", b.geometry());
    assertEquals(LandUse.FOREST, a.landUse());
    assertEquals(LandUse.FOREST, b.landUse());
    assertEquals(GeodesicArea.m2(wkt("POLYGON ((30.9 48.2, 31.1 48.2, 31.1 48.6, 30.9 48.6, 30.9 48.2))")),
        sum(c.pieces), 1e-2);
  }

  @Test
  void releaseTouchingAHazardAlongAnEdgeReleasesNothing() throws Exception {
    fixture.hazard(HAZARD);
    LandChange.Change c = land.release(clearance(
        "POLYGON ((30.6 48.2, 30.8 48.2, 30.8 48.6, 30.6 48.6, 30.6 48.2))", LandUse.WATER));
    assertEquals(List.of(), c.pieces);
    assertEquals(List.of(), c.writes);
    assertEquals(0, c.hazardDeltaM2);
  }

  @Test
  void reportOverNoHazardAddsItsWholeFootprintWithoutLandUse() throws Exception {
    LandChange.Change c = land.report(command(EventType.HAZARD_REPORT, "2024-05-01", "HALO", null, HAZARD, null));
    assertEquals(1, c.pieces.size());
    assertTopoEquals(HAZARD, c.pieces.get(0).geometry());
    assertEquals(PieceKind.ADDED, c.pieces.get(0).kind());
    assertEquals(null, c.pieces.get(0).landUse());
    HazardWrite.Insert inserted = assertInstanceOf(HazardWrite.Insert.class, c.writes.get(0));
    assertTopoEquals(HAZARD, inserted.hazard().geometry());
    assertEquals(GeodesicArea.m2(wkt(HAZARD)), c.hazardDeltaM2, 1e-3);
  }

  @Test
  void reportOverlappingAHazardAddsOnlyTheLandNotYetInOne() throws Exception {
    fixture.hazard(HAZARD);
    LandChange.Change c = land.report(command(EventType.HAZARD_REPORT, "2024-05-01", "HALO", null,
        "POLYGON ((30.4 48.2, 30.8 48.2, 30.8 48.6, 30.4 48.6, 30.4 48.2))", null));
    assertEquals(1, c.pieces.size());
    assertTopoEquals("POLYGON ((30.6 48.2, 30.8 48.2, 30.8 48.6, 30.6 48.6, 30.6 48.2))", c.pieces.get(0).geometry());
    assertEquals(PieceKind.ADDED, c.pieces.get(0).kind());
  }

  @Test
  void confirmedReportOverASuspectedHazardReclassifiesTheOverlapWithoutAddingIt() throws Exception {
    fixture.hazard(HAZARD);
    EventCommand sha = command(EventType.HAZARD_REPORT, "2024-05-01", "HALO", null,
        "POLYGON ((30.4 48.2, 30.6 48.2, 30.6 48.6, 30.4 48.6, 30.4 48.2))", null);
    EventCommand cha = new EventCommand(sha.id(), sha.type(), sha.date(), sha.partner(), sha.grant(),
        Classification.CHA, sha.hazardTypes(), null, null, null, sha.footprint(), sha.requestHash(), null, null, null);
    LandChange.Change c = land.report(cha);
    assertEquals(1, c.pieces.size());
    assertEquals(PieceKind.RECLASSIFIED, c.pieces.get(0).kind());
    assertEquals(Classification.CHA, c.pieces.get(0).classification());
    assertTopoEquals("POLYGON ((30.4 48.2, 30.6 48.2, 30.6 48.6, 30.4 48.6, 30.4 48.2))", c.pieces.get(0).geometry());
    HazardWrite.Update rest = (HazardWrite.Update) c.writes.stream().filter(w -> w instanceof HazardWrite.Update)
        .findFirst().orElseThrow();
    assertTopoEquals("POLYGON ((30.2 48.2, 30.4 48.2, 30.4 48.6, 30.2 48.6, 30.2 48.2))", rest.geometry());
    assertEquals(0, c.hazardDeltaM2, 1e-3); // the same land, now in two hazards
  }

  @Test
  void restorePutsReleasedLandBackAsNegativePiecesWithTheirRegionKindAndLandUse() throws Exception {
    fixture.hazard(HAZARD);
    Applied cleared = fixture.record(clearance("POLYGON ((30.4 48.2, 30.8 48.2, 30.8 48.6, 30.4 48.6, 30.4 48.2))",
        LandUse.RESIDENTIAL));
    long seq = cleared.result().sequence();
    List<PieceRow> released = fixture.store.piecesToRestore(seq);
    assertEquals(LandUse.RESIDENTIAL, released.get(0).landUse());
    LandChange.Change c = land.restore(released);
    assertEquals(1, c.pieces.size());
    PieceRow restored = c.pieces.get(0);
    assertTopoEquals("POLYGON ((30.4 48.2, 30.6 48.2, 30.6 48.6, 30.4 48.6, 30.4 48.2))", restored.geometry());
    assertEquals(-released.get(0).m2(), restored.m2(), 1e-6);
    assertEquals(PieceKind.CLEARED, restored.kind());
    assertEquals("A", restored.region());
    assertEquals(LandUse.RESIDENTIAL, restored.landUse());
    HazardWrite.Insert back = assertInstanceOf(HazardWrite.Insert.class, c.writes.get(0));
    assertTopoEquals("POLYGON ((30.4 48.2, 30.6 48.2, 30.6 48.6, 30.4 48.6, 30.4 48.2))", back.hazard().geometry());
  }

  @Test
  void restoreLeavesOutLandThatIsInAHazardAgain() throws Exception {
    fixture.hazard(HAZARD);
    Applied cleared = fixture.record(clearance(HAZARD, LandUse.AGRICULTURE));
    // the west half is reported again before the clearance is reversed
    fixture.record(command(EventType.HAZARD_REPORT, "2024-06-01", "HALO", null,
        "POLYGON ((30.2 48.2, 30.4 48.2, 30.4 48.6, 30.2 48.6, 30.2 48.2))", null));
    LandChange.Change c = land.restore(fixture.store.piecesToRestore(cleared.result().sequence()));
    assertEquals(1, c.pieces.size());
    assertTopoEquals("POLYGON ((30.4 48.2, 30.6 48.2, 30.6 48.6, 30.4 48.6, 30.4 48.2))", c.pieces.get(0).geometry());
    assertEquals(LandUse.AGRICULTURE, c.pieces.get(0).landUse());
  }
}
