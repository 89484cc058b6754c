package org.landrelease.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.landrelease.domain.Classification;
import org.landrelease.domain.EventType;
import org.landrelease.domain.HazardHistoryRow;
import org.landrelease.domain.HazardRow;
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.ReleasedPiece;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** SQL for the map: current hazards and released pieces in a window, and what happened to one hazard. */
public final class MapStore {
  private final Database db;

  public MapStore(Database db) {
    this.db = db;
  }

  /**
   * Current hazards meeting a bounding box (null for all), of a region and a country (null: any), at most limit of
   * them, in id order.
   */
  public List<HazardRow> hazards(Envelope bbox, Classification classification, String region, String country,
      int limit) throws SQLException {
    StringBuilder sql = new StringBuilder(
        "SELECT id, geom, classification, hazard_types, area_m2, regions FROM hazard WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (bbox != null) {
      sql.append(" AND geom && ?");
      args.add(LedgerStore.box(bbox));
    }
    if (classification != null) {
      sql.append(" AND classification = ?");
      args.add(classification.name());
    }
    if (region != null) {
      sql.append(" AND regions LIKE ?");
      args.add("%," + region + ",%");
    }
    CountrySql.regions("regions", country, sql, args);
    sql.append(" ORDER BY id LIMIT ?");
    args.add(limit);
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        LedgerStore.bind(ps, args);
        return LedgerStore.hazards(ps);
      }
    });
  }

  /**
   * Released pieces meeting a bounding box (null for all), dated on or before asOf (null for all), in a country's
   * regions (null: anywhere).
   */
  public List<ReleasedPiece> releasedPieces(Envelope bbox, LocalDate asOf, String country, int limit)
      throws SQLException {
    StringBuilder sql = new StringBuilder("""
        SELECT p.hazard_id, p.region, p.kind, p.area_m2, p.event_date, p.partner_id, p.grant_id, e.id, e.type, s.geom,
          p.land_use
        FROM piece_shape s JOIN piece p ON p.id = s.piece_id JOIN event e ON e.seq = p.event_seq
        WHERE p.kind IN ('CANCELLED', 'REDUCED', 'CLEARED') AND p.area_m2 > 0""");
    List<Object> args = new ArrayList<>();
    if (bbox != null) {
      sql.append(" AND s.geom && ?");
      args.add(LedgerStore.box(bbox));
    }
    releasedOn(sql, args, asOf);
    CountrySql.region("p.region", country, sql, args);
    sql.append(" ORDER BY p.id LIMIT ?");
    args.add(limit);
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        LedgerStore.bind(ps, args);
        List<ReleasedPiece> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new ReleasedPiece(rs.getLong(1), rs.getString(2), PieceKind.valueOf(rs.getString(3)),
                rs.getDouble(4), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7),
                rs.getObject(8, UUID.class), EventType.valueOf(rs.getString(9)), Codes.landUse(rs.getString(11)),
                Dialect.geometry(rs, 10)));
          }
        }
        return out;
      }
    });
  }

  /**
   * Narrows released pieces p to those released on a day (null: now): dated on or before it, and not reversed by
   * then (a reversed piece is released until the day its reversal counts).
   */
  static void releasedOn(StringBuilder sql, List<Object> args, LocalDate asOf) {
    if (asOf != null) {
      sql.append(" AND p.event_date <= ? AND (p.reversed_on IS NULL OR p.reversed_on > ?)");
      args.add(Date.valueOf(asOf));
      args.add(Date.valueOf(asOf));
    } else {
      sql.append(" AND p.reversed_on IS NULL");
    }
  }

  /** What happened to one hazard: every piece recorded against it, oldest first, without geometry. */
  public List<HazardHistoryRow> hazardHistory(long hazardId) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("""
          SELECT e.id, e.type, p.event_date, p.partner_id, p.grant_id, p.kind, p.region, p.area_m2
          FROM piece p JOIN event e ON e.seq = p.event_seq WHERE p.hazard_id = ? ORDER BY p.event_seq, p.region""")) {
        ps.setLong(1, hazardId);
        List<HazardHistoryRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new HazardHistoryRow(rs.getObject(1, UUID.class), EventType.valueOf(rs.getString(2)),
                rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5), PieceKind.valueOf(rs.getString(6)),
                rs.getString(7), rs.getDouble(8)));
          }
        }
        return out;
      }
    });
  }

  public Optional<HazardRow> hazard(long id) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, geom, classification, hazard_types, area_m2, regions FROM hazard WHERE id = ?")) {
        ps.setLong(1, id);
        List<HazardRow> rows = LedgerStore.hazards(ps);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
      }
    });
  }
}
