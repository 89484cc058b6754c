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
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.Zoning;
import org.landrelease.geometry.ZoneShape;
import org.locationtech.jts.geom.Geometry;

/**
 * SQL of the zonings: the zoning and zoning_zone tables, and piece_zone, the split of every piece by every zoning.
 * Writes run on the writer connection in the caller's transaction, under the ledger lock. The same SQL on both
 * stores.
 */
public final class ZoningStore {
  private final Database db;

  public ZoningStore(Database db) {
    this.db = db;
  }

  public List<Zoning> zonings() throws SQLException {
    return db.read(c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
          SELECT z.name, z.title, z.synthetic, z.source, z.loaded_at, z.loaded_by,
            (SELECT COUNT(*) FROM zoning_zone zz WHERE zz.zoning = z.name)
          FROM zoning z ORDER BY z.name""")) {
        List<Zoning> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Zoning(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
              rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getInt(7)));
        }
        return out;
      }
    });
  }

  /** The zones of a zoning with their boundaries, in code order. */
  public List<ZoneShape> zones(String zoning) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT code, name, zone_class, area_m2, geom FROM zoning_zone WHERE zoning = ? ORDER BY code")) {
        ps.setString(1, zoning);
        List<ZoneShape> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new ZoneShape(rs.getString(1), rs.getString(2), rs.getString(3), Dialect.geometry(rs, 5),
                rs.getDouble(4)));
          }
        }
        return out;
      }
    });
  }

  /** Version of the zonings, bumped by every change to them (another instance then reloads its zonings). */
  public long version() throws SQLException {
    return db.read(ZoningStore::version);
  }

  /** The version as the writer sees it (caller holds the lock). */
  public long versionForWrite() throws SQLException {
    return version(db.writer());
  }

  private static long version(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT zoning_version FROM ledger_state WHERE id = 1")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // ---- writes (caller holds the lock; the caller commits) ----

  /** Removes a zoning, its zones and its splits, in the open transaction; false if there was none. */
  public boolean delete(String name) throws SQLException {
    Connection c = db.writer();
    for (String table : List.of("piece_zone", "zoning_zone")) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE zoning = ?")) {
        ps.setString(1, name);
        ps.executeUpdate();
      }
    }
    int n;
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM zoning WHERE name = ?")) {
      ps.setString(1, name);
      n = ps.executeUpdate();
    }
    SharedState.bump(c, "zoning_version");
    return n > 0;
  }

  /** Writes a zoning and its zones in the open transaction (an old one of the same name must be deleted first). */
  public void insert(Zoning z, List<ZoneShape> zones) throws SQLException {
    Connection c = db.writer();
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO zoning (name, title, synthetic, source, loaded_at, loaded_by) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, z.name());
      ps.setString(2, z.title());
      ps.setBoolean(3, z.synthetic());
      ps.setString(4, z.source());
      ps.setTimestamp(5, Timestamp.from(z.loadedAt()));
      ps.setString(6, z.loadedBy());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO zoning_zone (zoning, code, name, zone_class, area_m2, geom) VALUES (?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (ZoneShape zone : zones) {
        ps.setString(1, z.name());
        ps.setString(2, zone.code());
        ps.setString(3, zone.name());
        ps.setString(4, zone.zoneClass());
        ps.setDouble(5, zone.areaM2());
        Dialect.setGeometry(ps, 6, zone.geometry());
        ps.addBatch();
        if (++n % 500 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
    SharedState.bump(c, "zoning_version");
  }

  /** Bumps the zonings' version in the open transaction: the splits changed (a country's pieces were re-split). */
  public void markChanged() throws SQLException {
    SharedState.bump(db.writer(), "zoning_version");
  }

  /** A piece as the back-fill reads it: id, signed area, what the figures group by, and its shape. */
  public record PieceToSplit(long id, double m2, PieceKind kind, LocalDate date, String partner, String grant,
      Geometry geometry) {}

  /** Up to limit pieces with an id above afterId, in id order, with their shapes, read on the writer connection. */
  public List<PieceToSplit> piecesAfter(long afterId, int limit) throws SQLException {
    try (PreparedStatement ps = db.writer().prepareStatement("""
        SELECT p.id, p.area_m2, p.kind, p.event_date, p.partner_id, p.grant_id, s.geom
        FROM piece p JOIN piece_shape s ON s.piece_id = p.id WHERE p.id > ? ORDER BY p.id LIMIT ?""")) {
      ps.setLong(1, afterId);
      ps.setInt(2, limit);
      List<PieceToSplit> out = new ArrayList<>(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new PieceToSplit(rs.getLong(1), rs.getDouble(2), PieceKind.valueOf(rs.getString(3)),
              rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), Dialect.geometry(rs, 7)));
        }
      }
      return out;
    }
  }

  /** One row of piece_zone. */
  public record SplitRow(String zoning, long pieceId, String zone, double m2, PieceKind kind, LocalDate date,
      String partner, String grant) {}

  /** Writes split rows in the open transaction, in one batch. */
  public void insertSplits(List<SplitRow> rows) throws SQLException {
    insertSplits(db.writer(), rows);
  }

  static void insertSplits(Connection c, List<SplitRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO piece_zone (zoning, piece_id, zone_code, area_m2, kind, event_date, partner_id, grant_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
      for (SplitRow r : rows) {
        ps.setString(1, r.zoning());
        ps.setLong(2, r.pieceId());
        ps.setString(3, r.zone());
        ps.setDouble(4, r.m2());
        ps.setString(5, r.kind().name());
        ps.setDate(6, Date.valueOf(r.date()));
        ps.setString(7, r.partner());
        ps.setString(8, r.grant());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  // ---- figures ----

  /** One zone's m² of one kind, day, partner and grant: the unit the figures by zone add up. */
  public record ZoneFact(String zone, PieceKind kind, LocalDate date, String partner, String grant, double m2) {}

  /**
   * The splits of a zoning summed per zone, kind, day, partner and grant. Summed as the rows are read, not by a GROUP
   * BY over five columns (slow on H2, see LedgerStore.pieceTotals).
   */
  public List<ZoneFact> facts(String zoning) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT zone_code, kind, event_date, partner_id, grant_id, "
          + "area_m2 FROM piece_zone WHERE zoning = ?")) {
        ps.setString(1, zoning);
        java.util.Map<ZoneFact, double[]> sums = new java.util.HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ZoneFact key = new ZoneFact(rs.getString(1), PieceKind.valueOf(rs.getString(2)),
                rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5), 0);
            sums.computeIfAbsent(key, k -> new double[1])[0] += rs.getDouble(6);
          }
        }
        List<ZoneFact> out = new ArrayList<>(sums.size());
        sums.forEach((k, m2) -> out.add(new ZoneFact(k.zone(), k.kind(), k.date(), k.partner(), k.grant(), m2[0])));
        return out;
      }
    });
  }
}
