package org.landrelease.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.landrelease.domain.Account;
import org.landrelease.domain.Classification;
import org.landrelease.domain.EventStatus;
import org.landrelease.domain.EventType;
import org.landrelease.domain.HazardHistoryRow;
import org.landrelease.domain.HazardRow;
import org.landrelease.domain.ReleasedPiece;
import org.landrelease.domain.StoredEvent;
import org.landrelease.geometry.RegionShape;
import org.landrelease.store.EventStore;
import org.landrelease.store.MapStore;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/** Reads of the ledger's geometry: current hazards in a window, and events with their footprints. */
public final class MapService {
  private final EventStore store;
  private final MapStore layers;
  private final LedgerService ledger;

  public MapService(EventStore store, MapStore layers, LedgerService ledger) {
    this.store = store;
    this.layers = layers;
    this.ledger = ledger;
  }

  /** Hazards in a window. The region filter is exact: hazards that still have land in the region. */
  public List<HazardRow> hazards(Envelope bbox, Classification classification, String region, int limit,
      double simplifyDegrees) throws SQLException {
    return hazards(bbox, classification, region, null, null, limit, simplifyDegrees);
  }

  /**
   * As above, with a zone of a zoning (null: none): hazards that meet the zone; and of a country (null: any), by the
   * regions their land lies in.
   */
  public List<HazardRow> hazards(Envelope bbox, Classification classification, String region, Geometry zone,
      String country, int limit, double simplifyDegrees) throws SQLException {
    PreparedGeometry zoneShape = null;
    if (zone != null) {
      zoneShape = PreparedGeometryFactory.prepare(zone);
      Envelope env = zone.getEnvelopeInternal();
      bbox = bbox == null ? env : bbox.intersection(env);
      if (bbox.isNull()) {
        return List.of();
      }
    }
    PreparedGeometry regionShape = null;
    if (region != null) {
      RegionShape shape = ledger.regions().regions().stream().filter(r -> r.code().equals(region)).findFirst()
          .orElseThrow(() -> org.landrelease.domain.LedgerException.notFound("no region '" + region + "'")
              .with("region.unknown", "region", region));
      regionShape = PreparedGeometryFactory.prepare(shape.geometry());
    }
    List<HazardRow> rows = layers.hazards(bbox, classification, region, country, limit);
    List<HazardRow> out = new ArrayList<>(rows.size());
    for (HazardRow h : rows) {
      if (regionShape != null && !regionShape.intersects(h.geometry())
          || zoneShape != null && !zoneShape.intersects(h.geometry())) {
        continue;
      }
      Geometry g = simplifyDegrees > 0 ? simplify(h.geometry(), simplifyDegrees) : h.geometry();
      out.add(new HazardRow(h.id(), g, h.classification(), h.hazardTypes(), h.areaM2(), h.regions()));
    }
    return out;
  }

  /** Released pieces in a window, as of a day, of a country's regions (each null: no filter). */
  public List<ReleasedPiece> releases(Envelope bbox, java.time.LocalDate asOf, String country, int limit,
      double simplifyDegrees) throws SQLException {
    List<ReleasedPiece> rows = layers.releasedPieces(bbox, asOf, country, limit);
    if (simplifyDegrees <= 0) {
      return rows;
    }
    List<ReleasedPiece> out = new ArrayList<>(rows.size());
    for (ReleasedPiece p : rows) {
      out.add(new ReleasedPiece(p.hazardId(), p.region(), p.kind(), p.m2(), p.date(), p.partner(),
          p.grant(), p.eventId(), p.eventType(), p.landUse(), simplify(p.geometry(), simplifyDegrees)));
    }
    return out;
  }

  /**
   * A hazard with everything the ledger recorded against it. A hazard released in full has no current row (hazard is
   * null) but keeps its history; an id the ledger never had is a 404.
   */
  public record HazardDetail(long id, HazardRow hazard, List<HazardHistoryRow> history) {}

  public HazardDetail hazard(long id) throws SQLException {
    HazardRow h = layers.hazard(id).orElse(null);
    List<HazardHistoryRow> history = layers.hazardHistory(id);
    if (h == null && history.isEmpty()) {
      throw org.landrelease.domain.LedgerException.notFound("no hazard " + id).with("map.unknownHazard", "id", id);
    }
    return new HazardDetail(id, h, history);
  }

  /** Region boundaries, simplified for display when asked. */
  public List<RegionShape> regionShapes(double simplifyDegrees) {
    return regionShapes(simplifyDegrees, null);
  }

  /** The boundaries of one country's regions (null: every country's). */
  public List<RegionShape> regionShapes(double simplifyDegrees, String country) {
    List<RegionShape> out = new ArrayList<>();
    for (RegionShape r : ledger.regions().regions()) {
      if (country != null && !country.equals(org.landrelease.domain.Country.ofRegion(r.code()))) {
        continue;
      }
      out.add(simplifyDegrees <= 0 ? r : new RegionShape(r.code(), r.name(), r.nameUk(),
          simplify(r.geometry(), simplifyDegrees), r.areaM2()));
    }
    return out;
  }

  private static Geometry simplify(Geometry g, double tolerance) {
    return TopologyPreservingSimplifier.simplify(g, tolerance);
  }

  /** The event with its footprint, if this reader may see it (else as if it did not exist). */
  public Optional<StoredEvent> event(UUID id, Account reader) throws SQLException {
    Optional<StoredEvent> e = store.event(id, true);
    EventStore.Visibility v = Permissions.events(reader);
    if (e.isPresent() && !Permissions.maySee(v, e.get().command().partner(), e.get().regions(),
        e.get().status() == EventStatus.APPROVED)) {
      return Optional.empty();
    }
    return e;
  }

  public List<StoredEvent> events(EventType type, String partner, String grant, String region,
      java.time.LocalDate from, java.time.LocalDate to, EventStatus status, Account reader, long afterSequence,
      int limit) throws SQLException {
    return events(type, partner, grant, region, null, null, from, to, status, reader, afterSequence, limit);
  }

  /** As above, of the events whose footprint meets a zone and touches a country's regions (each null: anywhere). */
  public List<StoredEvent> events(EventType type, String partner, String grant, String region, Geometry zone,
      String country, java.time.LocalDate from, java.time.LocalDate to, EventStatus status, Account reader,
      long afterSequence, int limit) throws SQLException {
    return store.events(new EventStore.EventFilter(type, partner, grant, region, from, to, status,
        Permissions.events(reader), afterSequence, limit, zone, country));
  }
}
