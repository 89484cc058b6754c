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
import org.landrelease.domain.Classification;
import org.landrelease.domain.Country;
import org.landrelease.domain.LandUse;
import org.landrelease.domain.PieceKind;
import org.landrelease.geometry.RegionShape;
import org.locationtech.jts.geom.Geometry;

/**
 * SQL of the countries: the country table, each country's rows of the region table, and the re-split of the pieces
 * of a country whose regions are replaced. Writes run on the writer connection in the caller's transaction, under the
 * ledger lock. The same SQL on both stores.
 */
public final class CountryStore {
  private final Database db;

  public CountryStore(Database db) {
    this.db = db;
  }

  /** The countries with the number and total area of their regions, in code order. */
  public List<Country> countries() throws SQLException {
    return db.read(CountryStore::countries);
  }

  private static List<Country> countries(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
        SELECT k.code, k.name, k.name_uk, k.synthetic, k.source, k.loaded_at, k.loaded_by,
          (SELECT COUNT(*) FROM region r WHERE r.country = k.code),
          (SELECT COALESCE(SUM(r.area_m2), 0) FROM region r WHERE r.country = k.code)
        FROM country k ORDER BY k.code""")) {
      List<Country> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new Country(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
            rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getInt(8), rs.getDouble(9) / 1_000_000));
      }
      return out;
    }
  }

  /** The countries as the writer sees them (caller holds the lock). */
  public List<Country> countriesForWrite() throws SQLException {
    return countries(db.writer());
  }

  /** Every country's regions, in code order: the order in which the region index gives a shared sliver away. */
  public List<RegionShape> regions() throws SQLException {
    return db.read(c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT code, name, name_uk, area_m2, geom FROM region WHERE country IS NOT NULL ORDER BY code")) {
        List<RegionShape> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new RegionShape(rs.getString(1), rs.getString(2), rs.getString(3), Dialect.geometry(rs, 5),
              rs.getDouble(4)));
        }
        return out;
      }
    });
  }

  /** Version of the regions, bumped by every load or replacement of a country (another instance then reloads). */
  public long version() throws SQLException {
    return db.read(CountryStore::version);
  }

  private static long version(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT region_version FROM ledger_state WHERE id = 1")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // ---- writes (caller holds the lock; the caller commits) ----

  /**
   * Writes a country and its regions in the open transaction, replacing the country's row and regions if it had
   * them; regions of no country (a region table written before countries existed) go too. Returns the new version.
   */
  public long replace(Country country, List<RegionShape> regions) throws SQLException {
    Connection c = db.writer();
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM region WHERE country = ? OR country IS NULL")) {
      ps.setString(1, country.code());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM country WHERE code = ?")) {
      ps.setString(1, country.code());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO country (code, name, name_uk, synthetic, source, loaded_at, loaded_by)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
      ps.setString(1, country.code());
      ps.setString(2, country.name());
      ps.setString(3, country.nameUk());
      ps.setBoolean(4, country.synthetic());
      ps.setString(5, country.source());
      ps.setTimestamp(6, Timestamp.from(country.loadedAt()));
      ps.setString(7, country.loadedBy());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO region (code, country, name, name_uk, area_m2, geom) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (RegionShape r : regions) {
        ps.setString(1, r.code());
        ps.setString(2, country.code());
        ps.setString(3, r.name());
        ps.setString(4, r.nameUk());
        ps.setDouble(5, r.areaM2());
        Dialect.setGeometry(ps, 6, r.geometry());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    SharedState.bump(c, "region_version");
    return version(c);
  }

  /** Grants that name no country come to cover the given one (the first country of a ledger that had none). */
  public int grantsWithoutCountry(String country) throws SQLException {
    try (PreparedStatement ps = db.writer().prepareStatement(
        "INSERT INTO grant_country (grant_id, country) SELECT id, ? FROM grants g "
            + "WHERE NOT EXISTS (SELECT 1 FROM grant_country x WHERE x.grant_id = g.id)")) {
      ps.setString(1, country);
      int n = ps.executeUpdate();
      if (n > 0) {
        SharedState.bump(db.writer(), "funding_version");
      }
      return n;
    }
  }

  /** A piece as the re-split reads it: every column, so that its parts can be written as it was. */
  public record StoredPiece(long id, long eventSeq, long hazardId, String region, PieceKind kind, double m2,
      LocalDate date, String partner, String grant, Classification classification, String hazardTypes,
      LocalDate reversedOn, LandUse landUse, Geometry geometry) {}

  /** The highest piece id: the re-split reads pieces up to it, not the parts it writes itself. */
  public long maxPieceId() throws SQLException {
    try (Statement st = db.writer().createStatement();
        ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM piece")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Up to limit pieces in (afterId, upTo] of one country or of no country ('unassigned'), in id order, with their
   * shapes, read on the writer connection.
   */
  public List<StoredPiece> piecesOf(String country, long afterId, long upTo, int limit) throws SQLException {
    try (PreparedStatement ps = db.writer().prepareStatement("""
        SELECT p.id, p.event_seq, p.hazard_id, p.region, p.kind, p.area_m2, p.event_date, p.partner_id, p.grant_id,
          p.classification, p.hazard_types, p.reversed_on, p.land_use, s.geom
        FROM piece p JOIN piece_shape s ON s.piece_id = p.id
        WHERE p.id > ? AND p.id <= ? AND (p.region LIKE ? OR p.region = 'unassigned')
        ORDER BY p.id LIMIT ?""")) {
      ps.setLong(1, afterId);
      ps.setLong(2, upTo);
      ps.setString(3, country + "-%");
      ps.setInt(4, limit);
      List<StoredPiece> out = new ArrayList<>(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Date reversed = rs.getDate(12);
          out.add(new StoredPiece(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
              PieceKind.valueOf(rs.getString(5)), rs.getDouble(6), rs.getDate(7).toLocalDate(), rs.getString(8),
              rs.getString(9), Classification.valueOf(rs.getString(10)), rs.getString(11),
              reversed == null ? null : reversed.toLocalDate(), Codes.landUse(rs.getString(13)),
              Dialect.geometry(rs, 14)));
        }
      }
      return out;
    }
  }

  /** Removes pieces with their shapes and zone splits. */
  public void deletePieces(List<Long> ids) throws SQLException {
    Connection c = db.writer();
    for (String sql : List.of("DELETE FROM piece_zone WHERE piece_id = ?", "DELETE FROM piece_shape WHERE piece_id = ?",
        "DELETE FROM piece WHERE id = ?")) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (long id : ids) {
          ps.setLong(1, id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  /** Writes pieces as they were but for region, area and shape; returns their new ids, in order. */
  public long[] insertPieces(List<StoredPiece> pieces) throws SQLException {
    Connection c = db.writer();
    long[] ids = new long[pieces.size()];
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO piece (id, event_seq, hazard_id, region, kind, area_m2, event_date, partner_id, grant_id,
          classification, hazard_types, reversed_on, land_use)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedStatement shape = c.prepareStatement("INSERT INTO piece_shape (piece_id, geom) VALUES (?, ?)");
        Statement seq = c.createStatement()) {
      for (int i = 0; i < pieces.size(); i++) {
        StoredPiece p = pieces.get(i);
        long id;
        try (ResultSet rs = seq.executeQuery("SELECT nextval('piece_ids')")) {
          rs.next();
          id = rs.getLong(1);
        }
        ids[i] = id;
        ps.setLong(1, id);
        ps.setLong(2, p.eventSeq());
        ps.setLong(3, p.hazardId());
        ps.setString(4, p.region());
        ps.setString(5, p.kind().name());
        ps.setDouble(6, p.m2());
        ps.setDate(7, Date.valueOf(p.date()));
        ps.setString(8, p.partner());
        ps.setString(9, p.grant());
        ps.setString(10, p.classification().name());
        ps.setString(11, p.hazardTypes());
        ps.setDate(12, p.reversedOn() == null ? null : Date.valueOf(p.reversedOn()));
        ps.setString(13, Codes.landUse(p.landUse()));
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

  /** An event's or hazard's id and shape, with the regions it lists. */
  public record Shape(long id, String regions, Geometry geometry) {}

  /** Events after afterSeq, in order, with their footprints and region lists (writer connection). */
  public List<Shape> eventsAfter(long afterSeq, int limit) throws SQLException {
    return shapes("SELECT e.seq, e.regions, f.footprint FROM event e JOIN event_footprint f ON f.seq = e.seq "
        + "WHERE e.seq > ? ORDER BY e.seq LIMIT ?", afterSeq, limit);
  }

  /** Current hazards after afterId, in order, with their geometries and region lists (writer connection). */
  public List<Shape> hazardsAfter(long afterId, int limit) throws SQLException {
    return shapes("SELECT id, regions, geom FROM hazard WHERE id > ? ORDER BY id LIMIT ?", afterId, limit);
  }

  private List<Shape> shapes(String sql, long after, int limit) throws SQLException {
    try (PreparedStatement ps = db.writer().prepareStatement(sql)) {
      ps.setLong(1, after);
      ps.setInt(2, limit);
      List<Shape> out = new ArrayList<>(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Shape(rs.getLong(1), rs.getString(2), Dialect.geometry(rs, 3)));
        }
      }
      return out;
    }
  }

  /** Sets the region lists of events ("event") or hazards ("hazard"), by id. */
  public void updateRegions(String table, List<Shape> changed) throws SQLException {
    String sql = table.equals("event") ? "UPDATE event SET regions = ? WHERE seq = ?"
        : "UPDATE hazard SET regions = ? WHERE id = ?";
    try (PreparedStatement ps = db.writer().prepareStatement(sql)) {
      for (Shape s : changed) {
        ps.setString(1, s.regions());
        ps.setLong(2, s.id());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
