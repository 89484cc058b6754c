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
import org.landrelease.domain.LandUse;
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.PieceRow;
import org.landrelease.domain.PieceZoneArea;
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

  public LedgerStore(Database db) {
    this.db = db;
  }

  public long maxEventSequence() throws SQLException {
    return db.read(c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT COALESCE(MAX(seq), 0) FROM event")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /**
   * The next value of one of the ledger's sequences (event_seq_ids, piece_ids, hazard_ids, applied_ids), on the
   * writer connection. Sequences, not counters in memory: no two instances, and no retry after a rollback, ever hand
   * out the same id. Under the ledger lock they grow in the order of the commits.
   */
  private long next(String sequence) throws SQLException {
    try (Statement st = db.writer().createStatement();
        ResultSet rs = st.executeQuery("SELECT nextval('" + sequence + "')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The sequence of a new event (caller holds the lock). */
  public long nextEventSequence() throws SQLException {
    return next("event_seq_ids");
  }

  /** A new hazard id, never used before (caller holds the lock). */
  public long nextHazardId() throws SQLException {
    return next("hazard_ids");
  }

  /** The area of the current hazards and the approval order it is the area after: one statement, one snapshot. */
  public record HazardArea(long applied, double m2) {}

  public HazardArea hazardAreaM2() throws SQLException {
    return db.read(c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT (SELECT applied FROM ledger_state WHERE id = 1), COALESCE(SUM(area_m2), 0) FROM hazard")) {
        rs.next();
        return new HazardArea(rs.getLong(1), rs.getDouble(2));
      }
    });
  }

  // ---- writes (caller holds the write lock) ----

  /** Active hazards whose bounding box meets the envelope, read on the writer connection. */
  public List<HazardRow> hazardsNear(Envelope env) throws SQLException {
    Connection c = db.writer();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, geom, classification, hazard_types, area_m2, regions FROM hazard WHERE geom && ?")) {
      Dialect.setGeometry(ps, 1, box(env));
      return hazards(ps);
    }
  }

  static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i) instanceof Geometry g) {
        Dialect.setGeometry(ps, i + 1, g);
      } else {
        ps.setObject(i + 1, args.get(i));
      }
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
        out.add(new HazardRow(rs.getLong(1), Dialect.geometry(rs, 2), Classification.valueOf(rs.getString(3)),
            Codes.types(rs.getString(4)), rs.getDouble(5), rs.getString(6)));
      }
    }
    return out;
  }

  /** The event with this id, read on the writer connection (sees everything committed). */
  public Optional<StoredEvent> eventForWrite(UUID id, boolean withFootprint) throws SQLException {
    return EventStore.findEvent(db.writer(), id, withFootprint);
  }

  /** Writes a submitted event in the open transaction (caller holds the lock and commits). */
  public void writeSubmission(StoredEvent event, Transition submitted) throws SQLException {
    Connection c = db.writer();
    insertEvent(c, event);
    insertTransition(c, event.sequence(), 1, submitted);
  }

  /**
   * Writes an approval in the open transaction: the event's new state and its place in the order of application,
   * its pieces, the hazard changes and, for a reversal, the mark on the pieces it undoes. With submitted non-null
   * the event is inserted first (a historical record approved as it is loaded). The pieces' split by the zonings
   * (PieceZoneArea.piece indexes pieces) is written with them. Returns its approval order.
   */
  public long writeApproval(StoredEvent event, Transition submitted, Transition approved, List<PieceRow> pieces,
      List<PieceZoneArea> zoneAreas, List<HazardWrite> writes, Long reversedEventSeq, double hazardDeltaM2)
      throws SQLException {
    Connection c = db.writer();
    if (submitted != null) {
      insertEvent(c, event);
      insertTransition(c, event.sequence(), 1, submitted);
    }
    long applied = next("applied_ids");
    updateDecision(c, event, applied, hazardDeltaM2);
    insertTransition(c, event.sequence(), 2, approved);
    long[] pieceIds = insertPieces(c, event, pieces);
    if (!zoneAreas.isEmpty()) {
      List<ZoningStore.SplitRow> rows = new ArrayList<>(zoneAreas.size());
      for (PieceZoneArea a : zoneAreas) {
        PieceRow p = pieces.get(a.piece());
        rows.add(new ZoningStore.SplitRow(a.zoning(), pieceIds[a.piece()], a.zone(), a.m2(), p.kind(),
            event.countedOn(), event.command().partner(), event.command().grant()));
      }
      ZoningStore.insertSplits(c, rows);
    }
    applyHazardWrites(c, event.sequence(), writes);
    if (reversedEventSeq != null) {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE piece SET reversed_on = ? WHERE event_seq = ? AND area_m2 > 0")) {
        ps.setDate(1, Date.valueOf(event.countedOn()));
        ps.setLong(2, reversedEventSeq);
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE ledger_state SET applied = ? WHERE id = 1")) {
      ps.setLong(1, applied);
      ps.executeUpdate();
    }
    return applied;
  }

  /** Writes a rejection or withdrawal in the open transaction. */
  public void writeDecision(StoredEvent event, Transition decided) throws SQLException {
    Connection c = db.writer();
    updateDecision(c, event, null, null);
    insertTransition(c, event.sequence(), 2, decided);
  }


  /** Runs work and commits it (or shares the commit: see Database.transaction); a failure undoes this work only. */
  public void inTransaction(Database.Work work) throws SQLException {
    db.transaction(work, null);
  }

  /** As inTransaction; afterCommit runs once the work is committed, in the order of the writers. */
  public void inTransaction(Database.Work work, Runnable afterCommit) throws SQLException {
    db.transaction(work, afterCommit);
  }

  /** Commits the open transaction (a group of decisions); nothing is acknowledged before this returns. */
  public void commit() throws SQLException {
    try {
      db.commit();
    } catch (SQLException | RuntimeException e) {
      abort();
      throw e;
    }
  }

  /** Rolls the open transaction back. */
  public void abort() {
    db.rollback();
  }

  /** A point inside the open transaction that one refused decision of a group rolls back to. */
  public final class Mark {
    private final java.sql.Savepoint savepoint;

    private Mark() throws SQLException {
      savepoint = db.writer().setSavepoint();
    }

    /** Undoes what was written since the mark (ids already taken from the sequences stay unused). */
    public void rollback() throws SQLException {
      db.writer().rollback(savepoint);
    }

    public void release() throws SQLException {
      db.writer().releaseSavepoint(savepoint);
    }
  }

  /** Marks the open transaction (caller holds the lock). */
  public Mark mark() throws SQLException {
    return new Mark();
  }

  private static void updateDecision(Connection c, StoredEvent e, Long applied, Double hazardDeltaM2)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE event SET status = ?, outside_m2 = ?, decided_at = ?, "
        + "counted_on = ?, applied_seq = ?, hazard_delta_m2 = ? WHERE seq = ?")) {
      ps.setString(1, e.status().name());
      ps.setDouble(2, e.outsideM2());
      ps.setTimestamp(3, Timestamp.from(e.decidedAt()));
      ps.setDate(4, e.countedOn() == null ? null : Date.valueOf(e.countedOn()));
      if (applied == null) {
        ps.setNull(5, java.sql.Types.BIGINT);
        ps.setNull(6, java.sql.Types.DOUBLE);
      } else {
        ps.setLong(5, applied);
        ps.setDouble(6, hazardDeltaM2);
      }
      ps.setLong(7, e.sequence());
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
          decided_at, counted_on, reverses, reason, land_use)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
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
      ps.setString(23, Codes.landUse(cmd.landUse()));
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_footprint (seq, footprint) VALUES (?, ?)")) {
      ps.setLong(1, e.sequence());
      Dialect.setGeometry(ps, 2, cmd.footprint());
      ps.executeUpdate();
    }
  }

  /** Inserts the pieces and their shapes; returns their ids, in the order of the pieces. */
  private long[] insertPieces(Connection c, StoredEvent e, List<PieceRow> pieces) throws SQLException {
    long[] ids = new long[pieces.size()];
    if (pieces.isEmpty()) {
      return ids;
    }
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO piece (id, event_seq, hazard_id, region, kind, area_m2, event_date, partner_id, grant_id,
          classification, hazard_types, land_use)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedStatement shape = c.prepareStatement("INSERT INTO piece_shape (piece_id, geom) VALUES (?, ?)")) {
      for (int i = 0; i < pieces.size(); i++) {
        PieceRow p = pieces.get(i);
        long id = next("piece_ids");
        ids[i] = id;
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
        ps.setString(12, Codes.landUse(p.landUse()));
        ps.addBatch();
        shape.setLong(1, id);
        Dialect.setGeometry(shape, 2, p.geometry());
        shape.addBatch();
      }
      ps.executeBatch();
      shape.executeBatch();
    }
    return ids;
  }

  private static void applyHazardWrites(Connection c, long seq, List<HazardWrite> writes) throws SQLException {
    for (HazardWrite w : writes) {
      if (w instanceof HazardWrite.Insert ins) {
          HazardRow h = ins.hazard();
          try (PreparedStatement ps = c.prepareStatement("""
              INSERT INTO hazard (id, geom, classification, hazard_types, area_m2, regions, origin_event, updated_event)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, h.id());
            Dialect.setGeometry(ps, 2, h.geometry());
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
            Dialect.setGeometry(ps, 1, up.geometry());
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
        SELECT p.hazard_id, p.region, p.kind, p.area_m2, p.classification, p.hazard_types, p.land_use, s.geom
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
            withShape ? Dialect.geometry(rs, 8) : null, Classification.valueOf(rs.getString(5)),
            Codes.types(rs.getString(6)), Codes.landUse(rs.getString(7))));
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
  public record PieceTotal(LocalDate date, String region, String partner, String grant, PieceKind kind,
      LandUse landUse, double m2) {}

  /**
   * The pieces of the approvals applied up to and including upTo, summed per day, region, partner, grant and kind.
   * PostgreSQL sums them itself (its driver would otherwise hold every row of a million-piece ledger at once: the
   * service ran out of a 512 MB heap at start-up); on H2 the rows are summed as they are read, since H2's GROUP BY
   * over five columns took 1.0 s for 200,000 pieces, and no other instance writes meanwhile, so the plain scan needs
   * no bound.
   */
  public List<PieceTotal> pieceTotals(long upTo) throws SQLException {
    return db.read(c -> {
      boolean postgres = db.dialect() == Dialect.POSTGIS;
      try (PreparedStatement st = c.prepareStatement(postgres
          ? "SELECT event_date, region, partner_id, grant_id, kind, land_use, SUM(area_m2) FROM piece"
              + " WHERE event_seq IN (SELECT seq FROM event WHERE applied_seq <= ?)"
              + " GROUP BY event_date, region, partner_id, grant_id, kind, land_use"
          : "SELECT event_date, region, partner_id, grant_id, kind, land_use, area_m2 FROM piece")) {
        if (postgres) {
          st.setLong(1, upTo);
        }
        java.util.Map<PieceTotal, double[]> sums = new java.util.LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            PieceTotal key = new PieceTotal(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                rs.getString(4), PieceKind.valueOf(rs.getString(5)), Codes.landUse(rs.getString(6)), 0);
            sums.computeIfAbsent(key, k -> new double[1])[0] += rs.getDouble(7);
          }
        }
        List<PieceTotal> out = new ArrayList<>(sums.size());
        sums.forEach((k, m2) -> out.add(new PieceTotal(k.date(), k.region(), k.partner(), k.grant(), k.kind(),
            k.landUse(), m2[0])));
        return out;
      }
    });
  }

  /** Events counted on a day that touch the same regions (",UA-05,UA-07,"; null: not known). */
  public record DayCount(LocalDate date, int events, String regions) {
    public DayCount(LocalDate date, int events) {
      this(date, events, null);
    }
  }

  public List<DayCount> eventCountsByDay(long upTo) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "SELECT counted_on, regions, COUNT(*) FROM event WHERE status = 'APPROVED' AND applied_seq <= ? "
              + "GROUP BY counted_on, regions")) {
        st.setLong(1, upTo);
        ResultSet rs = st.executeQuery();
        List<DayCount> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new DayCount(rs.getDate(1).toLocalDate(), rs.getInt(3), rs.getString(2)));
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
    inTransaction(() -> {
      Connection c = db.writer();
      try (PreparedStatement ps = c.prepareStatement("UPDATE meta SET v = ? WHERE k = ?")) {
        ps.setString(1, value);
        ps.setString(2, key);
        if (ps.executeUpdate() == 1) {
          return;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta (k, v) VALUES (?, ?)")) {
        ps.setString(1, key);
        ps.setString(2, value);
        ps.executeUpdate();
      }
    });
  }

  /** What every instance agrees on now (read on the pool). */
  public SharedState sharedState() throws SQLException {
    return db.read(SharedState::read);
  }

  /** One applied approval as the running totals take it: its order, day and change to the hazard area. */
  public record AppliedEvent(long applied, LocalDate countedOn, double hazardDeltaM2, String regions) {}

  /** Approvals applied after the given order, up to and including upTo, in order. */
  public List<AppliedEvent> appliedBetween(long after, long upTo) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT applied_seq, counted_on, hazard_delta_m2, regions FROM event WHERE applied_seq > ? AND applied_seq <= ? "
              + "ORDER BY applied_seq")) {
        ps.setLong(1, after);
        ps.setLong(2, upTo);
        List<AppliedEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new AppliedEvent(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDouble(3), rs.getString(4)));
          }
        }
        return out;
      }
    });
  }

  /**
   * The pieces of the approvals applied after the given order, up to and including upTo. Pieces are committed with
   * their approval, so bounding by the approval order reads exactly the pieces of appliedBetween's events.
   */
  public List<PieceTotal> piecesAppliedBetween(long after, long upTo) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT p.event_date, p.region, p.partner_id, p.grant_id, p.kind, p.area_m2, p.land_use FROM event e "
              + "JOIN piece p ON p.event_seq = e.seq WHERE e.applied_seq > ? AND e.applied_seq <= ? ORDER BY p.id")) {
        ps.setLong(1, after);
        ps.setLong(2, upTo);
        List<PieceTotal> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new PieceTotal(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4),
                PieceKind.valueOf(rs.getString(5)), Codes.landUse(rs.getString(7)), rs.getDouble(6)));
          }
        }
        return out;
      }
    });
  }

}
