package org.landrelease.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.landrelease.domain.EventType;
import org.landrelease.domain.PieceKind;
import org.locationtech.jts.geom.Geometry;

/**
 * SQL for one grant's report over a period: its approved events counted in the period with the land each released,
 * and the shapes of that land for the report's map. Every query stops at one approval order (event.applied_seq), so
 * that the list, the map and the stated ledger state describe the same moment. Same SQL on both stores.
 */
public final class GrantReportStore {
  private final Database db;

  public GrantReportStore(Database db) {
    this.db = db;
  }

  /** An approved event of the grant with the m² it released by kind (negative for a reversal), in ledger order. */
  public record EventRow(long sequence, UUID id, EventType type, LocalDate date, LocalDate countedOn, String regions,
      double cancelledM2, double reducedM2, double clearedM2) {}

  /** A released piece's kind and shape. */
  public record Shape(PieceKind kind, Geometry geometry) {}

  /**
   * The grant's approved events counted on a day in [from, to] and applied up to appliedUpTo. An event's pieces are
   * dated on the day it counts from (piece.event_date = event.counted_on), so these rows add up to the running totals
   * of the same period.
   */
  public List<EventRow> events(String grant, LocalDate from, LocalDate to, long appliedUpTo) throws SQLException {
    return events(grant, from, to, appliedUpTo, null);
  }

  /**
   * As above, in one country (null: every country): the events that touch its regions, with the land they released
   * in its regions only (CountrySql's rule).
   */
  public List<EventRow> events(String grant, LocalDate from, LocalDate to, long appliedUpTo, String country)
      throws SQLException {
    return db.read(c -> {
      Map<Long, EventRow> rows = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement("""
          SELECT seq, id, type, event_date, counted_on, regions FROM event
          WHERE grant_id = ? AND status = 'APPROVED' AND applied_seq <= ? AND counted_on >= ? AND counted_on <= ?"""
          + (country == null ? "" : " AND regions LIKE ?") + " ORDER BY seq")) {
        bind(ps, grant, appliedUpTo, from, to);
        if (country != null) {
          ps.setString(5, "%," + CountrySql.regionPattern(country));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String regions = rs.getString(6);
            rows.put(rs.getLong(1), new EventRow(rs.getLong(1), rs.getObject(2, UUID.class),
                EventType.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(),
                regions == null ? "" : regions.replaceAll("^,|,$", ""), 0, 0, 0));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("""
          SELECT p.event_seq, p.kind, SUM(p.area_m2) FROM piece p JOIN event e ON e.seq = p.event_seq
          WHERE e.grant_id = ? AND e.status = 'APPROVED' AND e.applied_seq <= ? AND e.counted_on >= ?
            AND e.counted_on <= ? AND p.kind IN ('CANCELLED', 'REDUCED', 'CLEARED')"""
          + (country == null ? "" : " AND p.region LIKE ?") + " GROUP BY p.event_seq, p.kind")) {
        bind(ps, grant, appliedUpTo, from, to);
        if (country != null) {
          ps.setString(5, CountrySql.regionPattern(country));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            PieceKind kind = PieceKind.valueOf(rs.getString(2));
            double m2 = rs.getDouble(3);
            rows.computeIfPresent(rs.getLong(1), (seq, r) -> with(r, kind, m2));
          }
        }
      }
      return new ArrayList<>(rows.values());
    });
  }

  /**
   * The shapes of the land the grant released in [from, to] that is still released at the end of the period (a
   * piece reversed by then no longer shows), applied up to appliedUpTo.
   */
  public List<Shape> releasedShapes(String grant, LocalDate from, LocalDate to, long appliedUpTo) throws SQLException {
    return releasedShapes(grant, from, to, appliedUpTo, null);
  }

  /** As above, of the land in one country's regions (null: anywhere). */
  public List<Shape> releasedShapes(String grant, LocalDate from, LocalDate to, long appliedUpTo, String country)
      throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("""
          SELECT p.kind, s.geom FROM piece_shape s JOIN piece p ON p.id = s.piece_id JOIN event e ON e.seq = p.event_seq
          WHERE p.grant_id = ? AND e.status = 'APPROVED' AND e.applied_seq <= ? AND p.event_date >= ?
            AND p.event_date <= ? AND p.kind IN ('CANCELLED', 'REDUCED', 'CLEARED') AND p.area_m2 > 0
            AND (p.reversed_on IS NULL OR p.reversed_on > ?)"""
          + (country == null ? "" : " AND p.region LIKE ?") + " ORDER BY p.id")) {
        bind(ps, grant, appliedUpTo, from, to);
        ps.setDate(5, Date.valueOf(to));
        if (country != null) {
          ps.setString(6, CountrySql.regionPattern(country));
        }
        ps.setFetchSize(500);
        List<Shape> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Shape(PieceKind.valueOf(rs.getString(1)), Dialect.geometry(rs, 2)));
          }
        }
        return out;
      }
    });
  }

  /** The last event (by sequence) among the approvals applied up to appliedUpTo: 0 for none. */
  public long lastEventSequence(long appliedUpTo) throws SQLException {
    return db.read(c -> lastEventSequence(c, appliedUpTo));
  }

  /** The same, in a read already open (the treaty report reads it with the approvals applied, in one snapshot). */
  static long lastEventSequence(Connection c, long appliedUpTo) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COALESCE(MAX(seq), 0) FROM event WHERE status = 'APPROVED' AND applied_seq <= ?")) {
      ps.setLong(1, appliedUpTo);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void bind(PreparedStatement ps, String grant, long appliedUpTo, LocalDate from, LocalDate to)
      throws SQLException {
    ps.setString(1, grant);
    ps.setLong(2, appliedUpTo);
    ps.setDate(3, Date.valueOf(from));
    ps.setDate(4, Date.valueOf(to));
  }

  private static EventRow with(EventRow r, PieceKind kind, double m2) {
    return new EventRow(r.sequence(), r.id(), r.type(), r.date(), r.countedOn(), r.regions(),
        r.cancelledM2() + (kind == PieceKind.CANCELLED ? m2 : 0), r.reducedM2() + (kind == PieceKind.REDUCED ? m2 : 0),
        r.clearedM2() + (kind == PieceKind.CLEARED ? m2 : 0));
  }
}
