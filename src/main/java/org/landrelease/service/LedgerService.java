package org.landrelease.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import org.landrelease.domain.Classification;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventResult;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.PieceKind;
import org.landrelease.geometry.GeodesicArea;
import org.landrelease.geometry.Overlay;
import org.landrelease.geometry.RegionIndex;
import org.landrelease.geometry.RegionPart;
import org.landrelease.store.HazardRow;
import org.landrelease.store.HazardWrite;
import org.landrelease.store.LedgerStore;
import org.landrelease.store.PieceRow;
import org.landrelease.store.StoredEvent;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Applies events to the hazard areas. One writer at a time: an event reads the hazards it meets, overlays them, and
 * commits its pieces and the new hazard geometry in one transaction before it is acknowledged. So two releases over
 * the same land can never both count it.
 */
public final class LedgerService {
  public static final String STATUS_APPROVED = "APPROVED";

  private final LedgerStore store;
  private final FundingService funding;
  private final RegionIndex regions;
  private final LedgerTotals totals;
  private final Lock writeLock;
  private final Clock clock;
  private long lastSequence;
  private long lastHazardId;

  /** The totals must already hold what the store holds (LedgerTotals.load). */
  public LedgerService(LedgerStore store, FundingService funding, RegionIndex regions, LedgerTotals totals,
      Lock writeLock, Clock clock) throws SQLException {
    this.store = store;
    this.funding = funding;
    this.regions = regions;
    this.totals = totals;
    this.writeLock = writeLock;
    this.clock = clock;
    reloadCounters();
  }

  private void reloadCounters() throws SQLException {
    lastSequence = store.maxEventSequence();
    lastHazardId = store.maxHazardId();
  }

  public RegionIndex regions() {
    return regions;
  }

  /** Applies one event, or returns the first result again when the same event is posted twice. */
  public Applied apply(EventCommand cmd) throws SQLException {
    List<String> touched = checkRules(cmd);
    double footprintM2 = GeodesicArea.m2(cmd.footprint());
    writeLock.lock();
    try {
      Optional<StoredEvent> existing = store.eventForWrite(cmd.id());
      if (existing.isPresent()) {
        return new Applied(replay(existing.get(), cmd), false);
      }
      Change change = cmd.type().isRelease() ? release(cmd) : report(cmd);
      double changedM2 = change.pieces.stream()
          .filter(p -> p.kind() == (cmd.type().isRelease() ? PieceKind.of(cmd.type().outcome()) : PieceKind.ADDED))
          .mapToDouble(PieceRow::m2).sum();
      StoredEvent event = new StoredEvent(lastSequence + 1, cmd, "," + String.join(",", touched) + ",",
          footprintM2, Math.max(0, footprintM2 - changedM2), STATUS_APPROVED, clock.instant());
      try {
        store.commitEvent(event, change.pieces, change.writes);
      } catch (SQLException | RuntimeException e) {
        reloadCounters();
        throw e;
      }
      lastSequence = event.sequence();
      totals.addEvent(cmd.date(), cmd.partner(), cmd.grant(), change.pieces, change.hazardDeltaM2);
      return new Applied(EventResults.of(event, change.pieces), true);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Checks an event as apply would, short of the overlay, and stores nothing: the rules, that it lies in a region,
   * and whether its id is taken. Returns true when the same event is already in the ledger (applying it would be a
   * replay); the same id with another body is a conflict.
   */
  public boolean check(EventCommand cmd) throws SQLException {
    checkRules(cmd);
    Optional<StoredEvent> existing = store.event(cmd.id(), false);
    if (existing.isPresent() && !existing.get().command().requestHash().equals(cmd.requestHash())) {
      throw LedgerException.conflict("event " + cmd.id() + " already exists with a different body");
    }
    return existing.isPresent();
  }

  /** The event rules and the regions its footprint touches (none: the footprint is outside the ledger). */
  private List<String> checkRules(EventCommand cmd) {
    EventRules.check(cmd, funding, LocalDate.now(clock));
    List<String> touched = regions.touching(cmd.footprint());
    if (touched.isEmpty()) {
      var c = cmd.footprint().getInteriorPoint().getCoordinate();
      throw new LedgerException(LedgerException.Kind.UNPROCESSABLE, "outside-regions",
          "the footprint lies outside every region of the ledger", new double[] {c.x, c.y});
    }
    return touched;
  }

  private EventResult replay(StoredEvent stored, EventCommand cmd) throws SQLException {
    if (!stored.command().requestHash().equals(cmd.requestHash())) {
      throw LedgerException.conflict("event " + cmd.id() + " already exists with a different body");
    }
    return EventResults.of(stored, store.piecesOfEvent(stored.sequence()));
  }

  public Optional<EventResult> result(UUID id) throws SQLException {
    Optional<StoredEvent> e = store.event(id, false);
    if (e.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(EventResults.of(e.get(), store.piecesOfEvent(e.get().sequence())));
  }

  private static final class Change {
    final List<PieceRow> pieces = new ArrayList<>();
    final List<HazardWrite> writes = new ArrayList<>();
    double hazardDeltaM2;
  }

  private List<HazardRow> hazardsMeeting(Geometry footprint, PreparedGeometry prepared) throws SQLException {
    List<HazardRow> out = new ArrayList<>();
    for (HazardRow h : store.hazardsNear(footprint.getEnvelopeInternal())) {
      if (prepared.intersects(h.geometry())) {
        out.add(h);
      }
    }
    return out;
  }

  /** Subtracts the footprint from every hazard it meets; only land that was in a hazard counts as released. */
  private Change release(EventCommand cmd) throws SQLException {
    Geometry footprint = cmd.footprint();
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(footprint);
    PieceKind kind = PieceKind.of(cmd.type().outcome());
    Change change = new Change();
    for (HazardRow h : hazardsMeeting(footprint, prepared)) {
      boolean whole = prepared.covers(h.geometry());
      Geometry piece = whole ? h.geometry() : Overlay.intersection(h.geometry(), footprint);
      if (piece.isEmpty()) {
        continue; // touches along an edge or at a point: no area
      }
      double pieceM2 = whole ? h.areaM2() : GeodesicArea.m2(piece);
      Geometry rest = whole ? null : Overlay.difference(h.geometry(), footprint);
      addPieces(change, h.id(), kind, piece, pieceM2);
      if (rest == null || rest.isEmpty()) {
        change.writes.add(new HazardWrite.Delete(h.id()));
        change.hazardDeltaM2 -= h.areaM2();
      } else {
        double restM2 = GeodesicArea.m2(rest);
        change.writes.add(new HazardWrite.Update(h.id(), rest, restM2));
        change.hazardDeltaM2 += restM2 - h.areaM2();
      }
    }
    return change;
  }

  /**
   * Adds the footprint's land not yet in a hazard as a new hazard. A CHA report over a suspected area confirms that
   * part: it becomes a CHA hazard of its own, reclassified, and its area is not added again.
   */
  private Change report(EventCommand cmd) throws SQLException {
    Geometry footprint = cmd.footprint();
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(footprint);
    Classification classification = cmd.classification();
    Set<HazardType> types = cmd.hazardTypes() == null || cmd.hazardTypes().isEmpty()
        ? EnumSet.of(HazardType.OTHER) : EnumSet.copyOf(cmd.hazardTypes());
    Change change = new Change();
    Geometry added = footprint;
    for (HazardRow h : hazardsMeeting(footprint, prepared)) {
      added = Overlay.difference(added, h.geometry());
      if (classification != Classification.CHA || h.classification() != Classification.SHA) {
        continue;
      }
      boolean whole = prepared.covers(h.geometry());
      Geometry confirmed = whole ? h.geometry() : Overlay.intersection(h.geometry(), footprint);
      if (confirmed.isEmpty()) {
        continue;
      }
      Geometry rest = whole ? null : Overlay.difference(h.geometry(), footprint);
      double confirmedM2 = whole ? h.areaM2() : GeodesicArea.m2(confirmed);
      Set<HazardType> merged = EnumSet.copyOf(types);
      merged.addAll(h.hazardTypes());
      long id = ++lastHazardId;
      String codes = addPieces(change, id, PieceKind.RECLASSIFIED, confirmed, confirmedM2);
      change.writes.add(new HazardWrite.Insert(
          new HazardRow(id, confirmed, Classification.CHA, merged, confirmedM2, codes)));
      if (rest == null || rest.isEmpty()) {
        change.writes.add(new HazardWrite.Delete(h.id()));
        change.hazardDeltaM2 += confirmedM2 - h.areaM2();
      } else {
        double restM2 = GeodesicArea.m2(rest);
        change.writes.add(new HazardWrite.Update(h.id(), rest, restM2));
        change.hazardDeltaM2 += confirmedM2 + restM2 - h.areaM2();
      }
    }
    if (!added.isEmpty()) {
      double addedM2 = added == footprint ? GeodesicArea.m2(footprint) : GeodesicArea.m2(added);
      long id = ++lastHazardId;
      String codes = addPieces(change, id, PieceKind.ADDED, added, addedM2);
      change.writes.add(new HazardWrite.Insert(new HazardRow(id, added, classification, types, addedM2, codes)));
      change.hazardDeltaM2 += addedM2;
    }
    return change;
  }

  /** Splits a piece by region into piece rows; returns the codes of its regions as ",A,B,". */
  private String addPieces(Change change, long hazardId, PieceKind kind, Geometry piece, double pieceM2) {
    Set<String> codes = new LinkedHashSet<>();
    for (RegionPart part : regions.split(piece, pieceM2)) {
      change.pieces.add(new PieceRow(hazardId, part.code(), kind, part.m2(), part.geometry()));
      codes.add(part.code());
    }
    return "," + String.join(",", codes) + ",";
  }
}
