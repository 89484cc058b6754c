package org.landrelease.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.landrelease.domain.Classification;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.HazardRow;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.HazardWrite;
import org.landrelease.domain.LandUse;
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.PieceRow;
import org.landrelease.geometry.GeodesicArea;
import org.landrelease.geometry.Overlay;
import org.landrelease.geometry.RegionIndex;
import org.landrelease.geometry.RegionPart;
import org.landrelease.store.LedgerStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * What an approved event does to the hazard areas, computed against the hazards as they are at approval: a release
 * cuts its footprint out of them, a report adds the land not yet in a hazard, a reversal puts back the land a release
 * took out. Used only under the ledger's write lock.
 */
final class LandChange {
  /** The pieces and hazard writes of one event, and the change in the current hazard area. */
  static final class Change {
    final List<PieceRow> pieces = new ArrayList<>();
    final List<HazardWrite> writes = new ArrayList<>();
    double hazardDeltaM2;

    /** The area the event changed in its own terms: released, added, or (as a negative) restored. */
    double changedM2(PieceKind kind) {
      return pieces.stream().filter(p -> p.kind() == kind).mapToDouble(PieceRow::m2).sum();
    }
  }

  private final LedgerStore store;
  private final RegionIndex regions;

  LandChange(LedgerStore store, RegionIndex regions) throws SQLException {
    this.store = store;
    this.regions = regions;
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
  Change release(EventCommand cmd) throws SQLException {
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
      addPieces(change, h.id(), kind, piece, pieceM2, h.classification(), h.hazardTypes(), cmd.landUse());
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
  Change report(EventCommand cmd) throws SQLException {
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
      long id = store.nextHazardId();
      String codes = addPieces(change, id, PieceKind.RECLASSIFIED, confirmed, confirmedM2, Classification.CHA, merged,
          null);
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
      long id = store.nextHazardId();
      String codes = addPieces(change, id, PieceKind.ADDED, added, addedM2, classification, types, null);
      change.writes.add(new HazardWrite.Insert(new HazardRow(id, added, classification, types, addedM2, codes)));
      change.hazardDeltaM2 += addedM2;
    }
    return change;
  }

  /**
   * Puts back the land the released pieces took out, as hazards of the classification and types they had, one per
   * hazard they were cut from. Land that is in a hazard again already (a later report over it) is not added twice:
   * only what is restored un-counts, as pieces of negative area with the kind, region, land use, partner and grant
   * of the release, so every figure follows and reported − released − current stays exact.
   */
  Change restore(List<PieceRow> released) throws SQLException {
    Change change = new Change();
    Map<Long, List<PieceRow>> byHazard = new LinkedHashMap<>();
    for (PieceRow p : released) {
      byHazard.computeIfAbsent(p.hazardId(), k -> new ArrayList<>()).add(p);
    }
    for (List<PieceRow> pieces : byHazard.values()) {
      List<Geometry> parts = new ArrayList<>();
      List<PieceRow> restored = new ArrayList<>();
      Set<String> codes = new LinkedHashSet<>();
      double totalM2 = 0;
      for (PieceRow p : pieces) {
        Geometry part = p.geometry();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(part);
        for (HazardRow h : hazardsMeeting(part, prepared)) {
          part = Overlay.difference(part, h.geometry());
        }
        if (part.isEmpty()) {
          continue;
        }
        double m2 = part == p.geometry() ? p.m2() : GeodesicArea.m2(part);
        parts.add(part);
        restored.add(new PieceRow(0, p.region(), p.kind(), -m2, part, p.classification(), p.hazardTypes(),
            p.landUse()));
        codes.add(p.region());
        totalM2 += m2;
      }
      if (parts.isEmpty()) {
        continue;
      }
      long id = store.nextHazardId();
      for (PieceRow r : restored) {
        change.pieces.add(new PieceRow(id, r.region(), r.kind(), r.m2(), r.geometry(), r.classification(),
            r.hazardTypes(), r.landUse()));
      }
      Geometry hazard = parts.size() == 1 ? parts.get(0) : Overlay.union(parts);
      PieceRow first = pieces.get(0);
      change.writes.add(new HazardWrite.Insert(new HazardRow(id, hazard, first.classification(),
          first.hazardTypes(), totalM2, "," + String.join(",", codes) + ",")));
      change.hazardDeltaM2 += totalM2;
    }
    return change;
  }

  /** Splits a piece by region into piece rows; returns the codes of its regions as ",A,B,". */
  private String addPieces(Change change, long hazardId, PieceKind kind, Geometry piece, double pieceM2,
      Classification classification, Set<HazardType> types, LandUse landUse) {
    Set<String> codes = new LinkedHashSet<>();
    for (RegionPart part : regions.split(piece, pieceM2)) {
      change.pieces.add(new PieceRow(hazardId, part.code(), kind, part.m2(), part.geometry(), classification, types,
          landUse));
      codes.add(part.code());
    }
    return "," + String.join(",", codes) + ",";
  }
}
