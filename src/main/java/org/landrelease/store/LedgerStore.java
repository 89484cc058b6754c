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
import org.landrelease.domain.ClearanceMethod;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventType;
import org.landrelease.domain.PieceKind;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.landrelease.geometry.Geometries;

/** SQL for events, hazards and pieces. Writes run on the writer connection, under the caller's write lock. */
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
  public Optional<StoredEvent> eventForWrite(UUID id) throws SQLException {
    return findEvent(db.writer(), id, false);
  }

  /** Writes an event with its pieces and hazard changes in one transaction, committed before this returns. */
  public void commitEvent(StoredEvent event, List<PieceRow> pieces, List<HazardWrite> writes) throws SQLException {
    Connection c = db.writer();
    try {
      insertEvent(c, event);
      insertPieces(c, event, pieces);
      applyHazardWrites(c, event.sequence(), writes);
      c.commit();
      db.committed();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      lastPieceId = scalarLong("SELECT COALESCE(MAX(id), 0) FROM piece");
      throw e;
    }
  }

  private static void insertEvent(Connection c, StoredEvent e) throws SQLException {
    EventCommand cmd = e.command();
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO event (seq, id, type, event_date, partner_id, grant_id, classification, hazard_types, method,
          devices_found, notes, regions, footprint_m2, outside_m2, status, request_hash, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
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
      ps.setString(15, e.status());
      ps.setString(16, cmd.requestHash());
      ps.setTimestamp(17, Timestamp.from(e.recordedAt()));
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
        INSERT INTO piece (id, event_seq, hazard_id, region, kind, area_m2, event_date, partner_id, grant_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedStatement shape = c.prepareStatement("INSERT INTO piece_shape (piece_id, geom) VALUES (?, ?)")) {
      for (PieceRow p : pieces) {
        long id = ++lastPieceId;
        ps.setLong(1, id);
        ps.setLong(2, e.sequence());
        ps.setLong(3, p.hazardId());
        ps.setString(4, p.region());
        ps.setString(5, p.kind().name());
        ps.setDouble(6, p.m2());
        ps.setDate(7, Date.valueOf(e.command().date()));
        ps.setString(8, e.command().partner());
        ps.setString(9, e.command().grant());
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

  // ---- reads ----

  public Optional<StoredEvent> event(UUID id, boolean withFootprint) throws SQLException {
    return db.read(c -> findEvent(c, id, withFootprint));
  }

  static final String EVENT_COLUMNS = "seq, id, type, event_date, partner_id, grant_id, classification, "
      + "hazard_types, method, devices_found, notes, regions, footprint_m2, outside_m2, status, request_hash, recorded_at";

  private static Optional<StoredEvent> findEvent(Connection c, UUID id, boolean withFootprint) throws SQLException {
    String sql = "SELECT " + EVENT_COLUMNS + (withFootprint
        ? ", (SELECT footprint FROM event_footprint f WHERE f.seq = event.seq)" : "") + " FROM event WHERE id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(eventRow(rs, withFootprint)) : Optional.empty();
      }
    }
  }

  static StoredEvent eventRow(ResultSet rs, boolean withFootprint) throws SQLException {
    String classification = rs.getString(7);
    String method = rs.getString(9);
    EventCommand cmd = new EventCommand(rs.getObject(2, UUID.class), EventType.valueOf(rs.getString(3)),
        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6),
        classification == null ? null : Classification.valueOf(classification), Codes.types(rs.getString(8)),
        method == null ? null : ClearanceMethod.valueOf(method), Codes.counts(rs.getString(10)), rs.getString(11),
        withFootprint ? (Geometry) rs.getObject(18) : null, rs.getString(16));
    return new StoredEvent(rs.getLong(1), cmd, rs.getString(12), rs.getDouble(13), rs.getDouble(14),
        rs.getString(15), rs.getTimestamp(17).toInstant());
  }

  /** Pieces of one event, without their geometry. */
  public List<PieceRow> piecesOfEvent(long seq) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT hazard_id, region, kind, area_m2 FROM piece WHERE event_seq = ? ORDER BY hazard_id, region")) {
        ps.setLong(1, seq);
        List<PieceRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new PieceRow(rs.getLong(1), rs.getString(2), PieceKind.valueOf(rs.getString(3)),
                rs.getDouble(4), null));
          }
        }
        return out;
      }
    });
  }

  /** Filters of the event list; null means no filter. The cursor is the last sequence of the previous page. */
  public record EventFilter(EventType type, String partner, String grant, String region, LocalDate from,
      LocalDate to, long afterSequence, int limit) {}

  public List<StoredEvent> events(EventFilter f) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + EVENT_COLUMNS + " FROM event WHERE seq > ?");
    List<Object> args = new ArrayList<>();
    args.add(f.afterSequence());
    if (f.type() != null) {
      sql.append(" AND type = ?");
      args.add(f.type().name());
    }
    if (f.partner() != null) {
      sql.append(" AND partner_id = ?");
      args.add(f.partner());
    }
    if (f.grant() != null) {
      sql.append(" AND grant_id = ?");
      args.add(f.grant());
    }
    if (f.region() != null) {
      sql.append(" AND regions LIKE ?");
      args.add("%," + f.region() + ",%");
    }
    if (f.from() != null) {
      sql.append(" AND event_date >= ?");
      args.add(Date.valueOf(f.from()));
    }
    if (f.to() != null) {
      sql.append(" AND event_date <= ?");
      args.add(Date.valueOf(f.to()));
    }
    sql.append(" ORDER BY seq LIMIT ?");
    args.add(f.limit());
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        bind(ps, args);
        List<StoredEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(eventRow(rs, false));
          }
        }
        return out;
      }
    });
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
          ResultSet rs = st.executeQuery("SELECT event_date, COUNT(*) FROM event GROUP BY event_date")) {
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
