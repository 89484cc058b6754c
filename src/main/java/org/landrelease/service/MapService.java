package org.landrelease.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.landrelease.domain.Classification;
import org.landrelease.domain.EventType;
import org.landrelease.geometry.RegionShape;
import org.landrelease.store.HazardRow;
import org.landrelease.store.LedgerStore;
import org.landrelease.store.StoredEvent;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/** Reads of the ledger's geometry: current hazards in a window, and events with their footprints. */
public final class MapService {
  private final LedgerStore store;
  private final LedgerService ledger;

  public MapService(LedgerStore store, LedgerService ledger) {
    this.store = store;
    this.ledger = ledger;
  }

  /** Hazards in a window. The region filter is exact: hazards that still have land in the region. */
  public List<HazardRow> hazards(Envelope bbox, Classification classification, String region, int limit,
      double simplifyDegrees) throws SQLException {
    PreparedGeometry regionShape = null;
    if (region != null) {
      RegionShape shape = ledger.regions().regions().stream().filter(r -> r.code().equals(region)).findFirst()
          .orElseThrow(() -> org.landrelease.domain.LedgerException.notFound("no region '" + region + "'"));
      regionShape = PreparedGeometryFactory.prepare(shape.geometry());
    }
    List<HazardRow> rows = store.hazards(bbox, classification, region, limit);
    List<HazardRow> out = new ArrayList<>(rows.size());
    for (HazardRow h : rows) {
      if (regionShape != null && !regionShape.intersects(h.geometry())) {
        continue;
      }
      Geometry g = simplifyDegrees > 0 ? TopologyPreservingSimplifier.simplify(h.geometry(), simplifyDegrees)
          : h.geometry();
      out.add(new HazardRow(h.id(), g, h.classification(), h.hazardTypes(), h.areaM2(), h.regions()));
    }
    return out;
  }

  public Optional<StoredEvent> event(UUID id) throws SQLException {
    return store.event(id, true);
  }

  public List<StoredEvent> events(EventType type, String partner, String grant, String region,
      java.time.LocalDate from, java.time.LocalDate to, long afterSequence, int limit) throws SQLException {
    return store.events(new LedgerStore.EventFilter(type, partner, grant, region, from, to, afterSequence, limit));
  }
}
