package org.landrelease.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.landrelease.domain.Classification;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.HazardRow;
import org.landrelease.domain.HazardWrite;
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.PieceRow;
import org.landrelease.domain.StoredEvent;
import org.landrelease.domain.Transition;
import org.landrelease.geometry.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * SQL that changes the ledger: events, their transitions, hazards and pieces, on the writer connection under the
 * caller's write lock; and the reads that must see the writer's state. Reads of events for clients: EventStore.
 */
public final class LedgerStore {
  private final Database db;
  /** The last piece id written; pieces are only written under the write lock. */
  private long lastPieceId;

  public LedgerStore(Database db) throws SQLException {
    this.db = db;
    this.lastPieceId = scalarLong("SELECT COALESCE(MAX(id), 0) FROM piece");
  }

  public long maxEventSequence() throws SQLException {
    return scalarLong("SELECT COALESCE(MAX(seq), 0) FROM event");
  }

  public long maxHazardId() throws SQLException {
    return scalarLong("SELECT COALESCE(MAX(id), 0) FROM hazard");
  }

  public double hazardAreaM2() throws SQLException {
    return db.read(c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(area_m2), 0) FROM hazard")) {
        rs.next();
        return rs.getDouble(1);
      }
    });
  }

  private long scalarLong(String sql) throws SQLException {
    return db.read(c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  // ---- writes (caller holds the write lock) ----

  /** Active hazards whose bounding box meets the envelope, read on the writer connection. */
  public List<HazardRow> hazardsNear(Envelope env) throws SQLException {
    Connection c = db.writer();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, geom, classification, hazard_types, area_m2, regions FROM hazard WHERE geom && ?")) {
      ps.setObject(1, box(env));
      return hazards(ps);
    }
  }

  static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      ps.setObject(i + 1, args.get(i));
    }
  }

  static Geometry box(Envelope env) {
    Geometry g = Geometries.FACTORY.toGeometry(env);
    g.setSRID(Geometries.SRID);
    return g;
  }

  static List<HazardRow> hazards(PreparedStatement ps) throws SQLException {
    List<HazardRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new HazardRow(rs.getLong(1), (Geometry) rs.getObject(2), Classification.valueOf(rs.getString(3)),
            Codes.types(rs.getString(4)), rs.getDouble(5), rs.getString(6)));
      }
    }
    return out;
  }

  /** The event with this id, read on the writer connection (sees everything committed). */
  public Optional<StoredEvent> eventForWrite(UUID id, boolean withFootprint) throws SQLException {
    return EventStore.findEvent(db.writer(), id, withFootprint);
  }

  /** Stores a submitted event with its first transition; committed before this returns. */
  public void commitSubmission(StoredEvent event, Transition submitted) throws SQLException {
    inTransaction(c -> {
      insertEvent(c, event);
      insertTransition(c, event.sequence(), 1, submitted);
    });
  }

  /**
   * Stores an approval: the event's new state, its pieces, the hazard changes and, for a reversal, the mark on the
   * pieces it undoes, in one transaction committed before this returns. With submitted non-null the event is
   * inserted first (a historical record approved as it is loaded).
   */
  public void commitApproval(StoredEvent event, Transition submitted, Transition approved, List<PieceRow> pieces,
      List<HazardWrite> writes, Long reversedEventSeq) throws SQLException {
    inTransaction(c -> {
      if (submitted != null) {
        insertEvent(c, event);
        insertTransition(c, event.sequence(), 1, submitted);
      } else {
        updateDecision(c, event);
      }
      insertTransition(c, event.sequence(), 2, approved);
      insertPieces(c, event, pieces);
      applyHazardWrites(c, event.sequence(), writes);
      if (reversedEventSeq != null) {
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE piece SET reversed_on = ? WHERE event_seq = ? AND area_m2 > 0")) {
          ps.setDate(1, Date.valueOf(event.countedOn()));
          ps.setLong(2, reversedEventSeq);
          ps.executeUpdate();
        }
      }
    });
  }

  /** Stores a rejection or withdrawal: the event's final state and its transition. */
  public void commitDecision(StoredEvent event, Transition decided) throws SQLException {
    inTransaction(c -> {
      updateDecision(c, event);
      insertTransition(c, event.sequence(), 2, decided);
    });
  }

  private interface Work {
    void run(Connection c) throws SQLException;
  }

  private void inTransaction(Work work) throws SQLException {
    Connection c = db.writer();
    try {
      work.run(c);
      c.commit();
      db.committed();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      lastPieceId = scalarLong("SELECT COALESCE(MAX(id), 0) FROM piece");
      throw e;
    }
  }

  private static void updateDecision(Connection c, StoredEvent e) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE event SET status = ?, outside_m2 = ?, decided_at = ?, counted_on = ? WHERE seq = ?")) {
      ps.setString(1, e.status().name());
      ps.setDouble(2, e.outsideM2());
      ps.setTimestamp(3, Timestamp.from(e.decidedAt()));
      ps.setDate(4, e.countedOn() == null ? null : Date.valueOf(e.countedOn()));
      ps.setLong(5, e.sequence());
      if (ps.executeUpdate() != 1) {
        throw new SQLException("event " + e.sequence() + " is not in the ledger");
      }
    }
  }

  private static void insertTransition(Connection c, long seq, int n, Transition t) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO event_transition (event_seq, n, from_status, to_status, actor, at, reason)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
      ps.setLong(1, seq);
      ps.setInt(2, n);
      ps.setString(3, t.from() == null ? null : t.from().name());
      ps.setString(4, t.to().name());
      ps.setString(5, t.actor());
      ps.setTimestamp(6, Timestamp.from(t.at()));
      ps.setString(7, t.reason());
      ps.executeUpdate();
    }
  }

  private static void insertEvent(Connection c, StoredEvent e) throws SQLException {
    EventCommand cmd = e.command();
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO event (seq, id, type, event_date, partner_id, grant_id, classification, hazard_types, method,
          devices_found, notes, regions, footprint_m2, outside_m2, status, request_hash, recorded_at, submitted_by,
          decided_at, counted_on, reverses, reason)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
      ps.setLong(1, e.sequence());
      ps.setObject(2, cmd.id());
      ps.setString(3, cmd.type().name());
      ps.setDate(4, Date.valueOf(cmd.date()));
      ps.setString(5, cmd.partner());
      ps.setString(6, cmd.grant());
      ps.setString(7, cmd.classification() == null ? null : cmd.classification().name());
      ps.setString(8, Codes.types(cmd.hazardTypes()));
      ps.setString(9, cmd.method() == null ? null : cmd.method().name());
      ps.setString(10, Codes.counts(cmd.devicesFound()));
      ps.setString(11, cmd.notes());
      ps.setString(12, e.regions());
      ps.setDouble(13, e.footprintM2());
      ps.setDouble(14, e.outsideM2());
      ps.setString(15, e.status().name());
      ps.setString(16, cmd.requestHash());
      ps.setTimestamp(17, Timestamp.from(e.recordedAt()));
      ps.setString(18, e.submittedBy());
      ps.setTimestamp(19, e.decidedAt() == null ? null : Timestamp.from(e.decidedAt()));
      ps.setDate(20, e.countedOn() == null ? null : Date.valueOf(e.countedOn()));
      ps.setObject(21, cmd.reverses());
      ps.setString(22, cmd.reason());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_footprint (seq, footprint) VALUES (?, ?)")) {
      ps.setLong(1, e.sequence());
      ps.setObject(2, cmd.footprint());
      ps.executeUpdate();
    }
  }

  private void insertPieces(Connection c, StoredEvent e, List<PieceRow> pieces) throws SQLException {
    if (pieces.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO piece (id, event_seq, hazard_id, region, kind, area_m2, event_date, partner_id, grant_id,
          classification, hazard_types)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedStatement shape = c.prepareStatement("INSERT INTO piece_shape (piece_id, geom) VALUES (?, ?)")) {
      for (PieceRow p : pieces) {
        long id = ++lastPieceId;
        ps.setLong(1, id);
        ps.setLong(2, e.sequence());
        ps.setLong(3, p.hazardId());
        ps.setString(4, p.region());
        ps.setString(5, p.kind().name());
        ps.setDouble(6, p.m2());
        ps.setDate(7, Date.valueOf(e.countedOn()));
        ps.setString(8, e.command().partner());
        ps.setString(9, e.command().grant());
        ps.setString(10, p.classification().name());
        ps.setString(11, Codes.types(p.hazardTypes()));
        ps.addBatch();
        shape.setLong(1, id);
        shape.setObject(2, p.geometry());
        shape.addBatch();
      }
      ps.executeBatch();
      shape.executeBatch();
    }
  }

  private static void applyHazardWrites(Connection c, long seq, List<HazardWrite> writes) throws SQLException {
    for (HazardWrite w : writes) {
      if (w instanceof HazardWrite.Insert ins) {
          HazardRow h = ins.hazard();
          try (PreparedStatement ps = c.prepareStatement("""
              INSERT INTO hazard (id, geom, classification, hazard_types, area_m2, regions, origin_event, updated_event)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, h.id());
            ps.setObject(2, h.geometry());
            ps.setString(3, h.classification().name());
            ps.setString(4, Codes.types(h.hazardTypes()));
            ps.setDouble(5, h.areaM2());
            ps.setString(6, h.regions());
            ps.setLong(7, seq);
            ps.setLong(8, seq);
            ps.executeUpdate();
          }
      } else if (w instanceof HazardWrite.Update up) {
          try (PreparedStatement ps = c.prepareStatement(
              "UPDATE hazard SET geom = ?, area_m2 = ?, updated_event = ? WHERE id = ?")) {
            ps.setObject(1, up.geometry());
            ps.setDouble(2, up.areaM2());
            ps.setLong(3, seq);
            ps.setLong(4, up.id());
            ps.executeUpdate();
          }
      } else if (w instanceof HazardWrite.Delete del) {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM hazard WHERE id = ?")) {
            ps.setLong(1, del.id());
            ps.executeUpdate();
          }
      }
    }
  }

  // ---- reads on the writer connection (under the write lock) ----

  /** The released pieces of an event not yet reversed, with their shapes, read on the writer connection. */
  public List<PieceRow> piecesToRestore(long seq) throws SQLException {
    try (PreparedStatement ps = db.writer().prepareStatement("""
        SELECT p.hazard_id, p.region, p.kind, p.area_m2, p.classification, p.hazard_types, s.geom
        FROM piece p JOIN piece_shape s ON s.piece_id = p.id
        WHERE p.event_seq = ? AND p.area_m2 > 0 AND p.reversed_on IS NULL
          AND p.kind IN ('CANCELLED', 'REDUCED', 'CLEARED')
        ORDER BY p.hazard_id, p.region""")) {
      ps.setLong(1, seq);
      return pieces(ps, true);
    }
  }

  static List<PieceRow> pieces(PreparedStatement ps, boolean withShape) throws SQLException {
    List<PieceRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new PieceRow(rs.getLong(1), rs.getString(2), PieceKind.valueOf(rs.getString(3)), rs.getDouble(4),
            withShape ? (Geometry) rs.getObject(7) : null, Classification.valueOf(rs.getString(5)),
            Codes.types(rs.getString(6))));
      }
    }
    return out;
  }

  /** The approved reversal of an event, if there is one: its id. Read on the writer connection. */
  public Optional<UUID> approvedReversalOf(UUID target) throws SQLException {
    try (PreparedStatement ps = db.writer().prepareStatement(
        "SELECT id FROM event WHERE reverses = ? AND status = 'APPROVED'")) {
      ps.setObject(1, target);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
      }
    }
  }

  /** One piece's figures without its shape: the unit from which the running totals are rebuilt at start-up. */
  public record PieceTotal(LocalDate date, String region, String partner, String grant, PieceKind kind, double m2) {}

  public List<PieceTotal> pieceTotals() throws SQLException {
    return db.read(c -> {
      // every row, summed by the caller: H2's GROUP BY over five columns took 1.0 s for 200,000 pieces
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT event_date, region, partner_id, grant_id, kind, area_m2 FROM piece")) {
        List<PieceTotal> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new PieceTotal(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4),
              PieceKind.valueOf(rs.getString(5)), rs.getDouble(6)));
        }
        return out;
      }
    });
  }

  public record DayCount(LocalDate date, int events) {}

  public List<DayCount> eventCountsByDay() throws SQLException {
    return db.read(c -> {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(
              "SELECT counted_on, COUNT(*) FROM event WHERE status = 'APPROVED' GROUP BY counted_on")) {
        List<DayCount> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new DayCount(rs.getDate(1).toLocalDate(), rs.getInt(2)));
        }
        return out;
      }
    });
  }

  public Optional<String> meta(String key) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT v FROM meta WHERE k = ?")) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  public void putMeta(String key, String value) throws SQLException {
    Connection c = db.writer();
    try (PreparedStatement ps = c.prepareStatement("MERGE INTO meta (k, v) KEY (k) VALUES (?, ?)")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.executeUpdate();
      c.commit();
    }
  }
}
