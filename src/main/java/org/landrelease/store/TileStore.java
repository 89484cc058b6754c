package org.landrelease.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.landrelease.geometry.TileGrid;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * SQL for vector tiles. Each layer is one SELECT of its features in a window, with the same SQL on both stores, so
 * that both give the same features with the same properties. PostGIS encodes the tile itself (ST_AsMVTGeom and
 * ST_AsMVT around that SELECT); on H2GIS the rows come back and the service encodes them in Java.
 */
public final class TileStore {
  /** The properties of each layer, in order; "id" is also the feature id. */
  public static final List<String> HAZARD_COLUMNS = List.of("id", "classification", "hazardTypes", "areaKm2",
      "regions");
  public static final List<String> RELEASE_COLUMNS = List.of("id", "outcome", "eventId", "eventType", "date",
      "partner", "grant", "region", "hazardId", "areaKm2", "areaHa");
  public static final List<String> REGION_COLUMNS = List.of("code", "name", "name_uk");

  private final Database db;

  public TileStore(Database db) {
    this.db = db;
  }

  public boolean encodesInDatabase() {
    return db.dialect() == Dialect.POSTGIS;
  }

  /**
   * What the tile shows of a layer: the SELECT and its arguments, the window first, and the column that ranks its
   * features by size (null: all are kept, as for the 27 regions).
   */
  private record Select(String layer, List<String> columns, String sql, List<Object> args, String area) {
    /**
     * At most cap of the largest features, each row with the number of features in the window (column met_): for
     * PostGIS, whose top-N sort holds only cap rows.
     */
    Select largest(int cap) {
      if (area == null) {
        return this;
      }
      int from = sql.indexOf("\nFROM ");
      List<Object> a = new ArrayList<>(args);
      a.add(cap);
      return new Select(layer, columns, sql.substring(0, from) + ", COUNT(*) OVER () AS met_" + sql.substring(from)
          + " ORDER BY " + area + " DESC LIMIT ?", a, area);
    }
  }

  /** A feature as read: its properties (no nulls) and its lon/lat geometry. */
  public record Row(Map<String, Object> properties, Geometry geometry) {}

  private static Select hazards(Envelope window, String classification, String country) {
    StringBuilder sql = new StringBuilder("""
        SELECT h.id AS "id", h.classification AS "classification", h.hazard_types AS "hazardTypes",
          ROUND(h.area_m2) / 1000000 AS "areaKm2", TRIM(BOTH ',' FROM h.regions) AS "regions", h.geom AS g0
        FROM hazard h WHERE h.geom && ?""");
    List<Object> args = new ArrayList<>(List.of(LedgerStore.box(window)));
    if (classification != null) {
      sql.append(" AND h.classification = ?");
      args.add(classification);
    }
    CountrySql.regions("h.regions", country, sql, args);
    return new Select("hazards", HAZARD_COLUMNS, sql.toString(), args, "h.area_m2");
  }

  /** Released pieces as the map shows them: dated on or before asOf (null: now) and not reversed by then. */
  private static Select releases(Envelope window, LocalDate asOf, String partner, String grant, String country) {
    StringBuilder sql = new StringBuilder("""
        SELECT p.id AS "id", LOWER(p.kind) AS "outcome", CAST(e.id AS VARCHAR(36)) AS "eventId",
          e.type AS "eventType", CAST(p.event_date AS VARCHAR(10)) AS "date", p.partner_id AS "partner",
          p.grant_id AS "grant", p.region AS "region", p.hazard_id AS "hazardId",
          ROUND(p.area_m2) / 1000000 AS "areaKm2", ROUND(p.area_m2 / 100) / 100 AS "areaHa", s.geom AS g0
        FROM piece_shape s JOIN piece p ON p.id = s.piece_id JOIN event e ON e.seq = p.event_seq
        WHERE s.geom && ? AND p.kind IN ('CANCELLED', 'REDUCED', 'CLEARED') AND p.area_m2 > 0""");
    List<Object> args = new ArrayList<>(List.of(LedgerStore.box(window)));
    MapStore.releasedOn(sql, args, asOf);
    if (partner != null) {
      sql.append(" AND p.partner_id = ?");
      args.add(partner);
    }
    if (grant != null) {
      sql.append(" AND p.grant_id = ?");
      args.add(grant);
    }
    CountrySql.region("p.region", country, sql, args);
    return new Select("releases", RELEASE_COLUMNS, sql.toString(), args, "p.area_m2");
  }

  private static Select regions(Envelope window, String country) {
    StringBuilder sql = new StringBuilder("""
        SELECT r.code AS "code", r.name AS "name", r.name_uk AS "name_uk", r.geom AS g0
        FROM region r WHERE r.geom && ?""");
    List<Object> args = new ArrayList<>(List.of(LedgerStore.box(window)));
    if (country != null) {
      sql.append(" AND r.country = ?");
      args.add(country);
    }
    return new Select("regions", REGION_COLUMNS, sql.toString(), args, null);
  }

  /**
   * Hands the features of a layer in a window to the sink one by one, at most cap of them, the largest first when
   * there are more; returns how many met the window (counted apart only when there were more than cap).
   */
  public long hazardRows(Envelope window, String classification, String country, int cap, Consumer<Row> sink)
      throws SQLException {
    return each(hazards(window, classification, country), cap, sink);
  }

  public long releaseRows(Envelope window, LocalDate asOf, String partner, String grant, String country, int cap,
      Consumer<Row> sink) throws SQLException {
    return each(releases(window, asOf, partner, grant, country), cap, sink);
  }

  /** The regions in a window, of one country (null: every country's). */
  public long regionRows(Envelope window, String country, Consumer<Row> sink) throws SQLException {
    return each(regions(window, country), Integer.MAX_VALUE, sink);
  }

  /** A tile as the database encoded it, with how many features met it and how many of them it holds. */
  public record Encoded(byte[] mvt, long features, long kept, double minAreaUnits) {}

  public Encoded hazardTile(TileGrid tile, String classification, String country, int cap, long limit)
      throws SQLException {
    return mvt(tile, hazards(tile.lonLatWithBuffer(), classification, country), cap, Map.of(), limit);
  }

  public Encoded releaseTile(TileGrid tile, LocalDate asOf, String partner, String grant, String country, int cap,
      long limit) throws SQLException {
    return mvt(tile, releases(tile.lonLatWithBuffer(), asOf, partner, grant, country), cap, Map.of(), limit);
  }

  /** The regions layer, with each region's figures (code → property → number) joined in by the database. */
  public Encoded regionTile(TileGrid tile, Map<String, Map<String, Double>> figures, String country, long limit)
      throws SQLException {
    return mvt(tile, regions(tile.lonLatWithBuffer(), country), Integer.MAX_VALUE, figures, limit);
  }

  /**
   * Reads the window in one pass and keeps the cap largest features (by their areaKm2) in a heap, so a dense window
   * holds at most cap geometries; each row is read once (on H2 every row of a zoom-8 window is a scattered read of a
   * large file, and a query that only ranked or counted them cost as much as reading them).
   */
  private long each(Select select, int cap, Consumer<Row> sink) throws SQLException {
    java.util.PriorityQueue<Row> largest = new java.util.PriorityQueue<>(
        java.util.Comparator.comparingDouble(TileStore::areaOf));
    long n = db.read(c -> {
      boolean h2 = db.dialect() == Dialect.H2GIS;
      if (h2) {
        // rows one at a time, not a result of the whole window held in memory first
        try (java.sql.Statement st = c.createStatement()) {
          st.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
      }
      try (PreparedStatement ps = c.prepareStatement(select.sql())) {
        LedgerStore.bind(ps, select.args());
        int columns = select.columns().size();
        long rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows++;
            Map<String, Object> props = new LinkedHashMap<>();
            for (int i = 0; i < columns; i++) {
              Object v = rs.getObject(i + 1);
              if (v != null) {
                props.put(select.columns().get(i), v instanceof Integer k ? Long.valueOf(k) : v);
              }
            }
            Row row = new Row(props, Dialect.geometry(rs, columns + 1));
            if (cap == Integer.MAX_VALUE) {
              sink.accept(row);
            } else if (largest.size() < cap) {
              largest.add(row);
            } else if (areaOf(row) > areaOf(largest.peek())) {
              largest.poll();
              largest.add(row);
            }
          }
        }
        return rows;
      } finally {
        if (h2) {
          try (java.sql.Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION FALSE");
          }
        }
      }
    });
    largest.forEach(sink);
    return n;
  }

  private static double areaOf(Row row) {
    Object a = row.properties().get("areaKm2");
    return a instanceof Number n ? n.doubleValue() : 0;
  }

  /**
   * The tile as PostGIS encodes it: the layer's SELECT in the buffered window, its geometry through ST_AsMVTGeom
   * (web mercator, clipped with the buffer, snapped to the grid). Of a window with more than cap features only the
   * cap largest (by area) are read; with a limit, only that many of the largest by their area in the tile are
   * encoded. Extra figures per region code arrive as arrays and are joined by code. Also counts the features that
   * met the tile, and the area of the smallest one kept.
   */
  private Encoded mvt(TileGrid tile, Select all, int cap, Map<String, Map<String, Double>> figures, long limit)
      throws SQLException {
    Select select = all.largest(cap);
    StringBuilder cols = new StringBuilder();
    for (String col : select.columns()) {
      cols.append("i.\"").append(col).append("\", ");
    }
    List<String> figureNames = figures.isEmpty() ? List.of()
        : List.copyOf(figures.values().iterator().next().keySet());
    StringBuilder join = new StringBuilder();
    if (!figureNames.isEmpty()) {
      StringBuilder arrays = new StringBuilder("CAST(? AS VARCHAR[])");
      StringBuilder names = new StringBuilder("code");
      for (String f : figureNames) {
        cols.append("f.\"").append(f).append("\", ");
        arrays.append(", CAST(? AS FLOAT8[])");
        names.append(", \"").append(f).append('"');
      }
      join.append(" LEFT JOIN unnest(").append(arrays).append(") AS f(").append(names).append(") ON f.code = i.\"code\"");
    }
    boolean hasId = select.columns().contains("id");
    String features = "SELECT " + cols + (hasId ? "i.\"id\" AS fid, " : "")
        + (select.area() == null ? "" : "i.met_, ")
        + "ST_AsMVTGeom(ST_Transform(i.g0, 3857), ST_TileEnvelope(?, ?, ?), " + tile.extent() + ", "
        + tile.buffer() + ", true) AS geom FROM (" + select.sql() + ") i" + join;
    StringBuilder kept = new StringBuilder();
    for (String col : select.columns()) {
      kept.append("t.\"").append(col).append("\", ");
    }
    for (String f : figureNames) {
      kept.append("t.\"").append(f).append("\", ");
    }
    String sql = "WITH t AS (" + features + "), k AS (SELECT " + kept + (hasId ? "t.fid, " : "")
        + "t.geom FROM t WHERE t.geom IS NOT NULL"
        + " ORDER BY ST_Area(t.geom) DESC LIMIT ?) "
        + "SELECT (SELECT ST_AsMVT(k, ?, " + tile.extent() + ", 'geom'" + (hasId ? ", 'fid'" : "") + ") FROM k), "
        + (select.area() == null ? "(SELECT COUNT(*) FROM t WHERE t.geom IS NOT NULL), "
            : "(SELECT GREATEST(COALESCE(MAX(t.met_), 0), COUNT(*)) FROM t WHERE t.geom IS NOT NULL), ")
        + "(SELECT COUNT(*) FROM k), "
        + "(SELECT MIN(ST_Area(k.geom)) FROM k)";
    Encoded enc = db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        ps.setInt(i++, tile.z());
        ps.setInt(i++, tile.x());
        ps.setInt(i++, tile.y());
        for (Object arg : select.args()) {
          if (arg instanceof Geometry g) {
            Dialect.setGeometry(ps, i++, g);
          } else {
            ps.setObject(i++, arg);
          }
        }
        if (!figureNames.isEmpty()) {
          i = bindFigures(c, ps, i, figures, figureNames);
        }
        ps.setLong(i++, limit);
        ps.setString(i, select.layer());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          byte[] b = rs.getBytes(1);
          return new Encoded(b == null ? new byte[0] : b, rs.getLong(2), rs.getLong(3), rs.getDouble(4));
        }
      }
    });
    return enc;
  }

  private static int bindFigures(Connection c, PreparedStatement ps, int i, Map<String, Map<String, Double>> figures,
      List<String> names) throws SQLException {
    List<String> codes = new ArrayList<>(figures.keySet());
    ps.setArray(i++, c.createArrayOf("varchar", codes.toArray()));
    for (String name : names) {
      Object[] values = new Object[codes.size()];
      for (int k = 0; k < codes.size(); k++) {
        values[k] = figures.get(codes.get(k)).get(name);
      }
      ps.setArray(i++, c.createArrayOf("float8", values));
    }
    return i;
  }

  /** A change the ledger applied: its order of application and the envelope of the land it touched (lon/lat). */
  public record Touch(long appliedSeq, Envelope envelope) {}

  /**
   * Where the approvals applied after {@code after} up to {@code upTo} changed the map: the envelope of each event's
   * footprint, which holds every hazard change and piece the event made (a reversal carries its target's footprint).
   */
  public List<Touch> touchedBetween(long after, long upTo) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("""
          SELECT e.applied_seq, ST_Envelope(f.footprint) FROM event e JOIN event_footprint f ON f.seq = e.seq
          WHERE e.applied_seq > ? AND e.applied_seq <= ? ORDER BY e.applied_seq""")) {
        ps.setLong(1, after);
        ps.setLong(2, upTo);
        List<Touch> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Touch(rs.getLong(1), Dialect.geometry(rs, 2).getEnvelopeInternal()));
          }
        }
        return out;
      }
    });
  }
}
