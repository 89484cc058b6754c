package org.landrelease.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.landrelease.domain.Queryable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** SQL for the OGC API feature collections: a page of features in key order, how many match, one feature, extents. */
public final class FeatureStore {
  private final Database db;

  public FeatureStore(Database db) {
    this.db = db;
  }

  /**
   * What to select: a CRS84 bounding box, a date range (either end may be null), a filter, all optional; and for a
   * page, the key after which it starts (null for the first page) and how many features.
   */
  public record Query(Envelope bbox, LocalDate from, LocalDate to, FeatureFilter filter, String country) {
    public Query(Envelope bbox, LocalDate from, LocalDate to, FeatureFilter filter) {
      this(bbox, from, to, filter, null);
    }
  }

  /** A feature: its id, its key (the paging order), its geometry in CRS84, and its properties in queryable order. */
  public record FeatureRow(String id, long key, Geometry geometry, Map<String, Object> properties) {}

  public List<FeatureRow> page(FeatureTable t, Query q, Long afterKey, int limit) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ").append(t.id).append(", ").append(t.key).append(", ")
        .append(t.geometry);
    for (Queryable p : t.queryables()) {
      sql.append(", ").append(p.column());
    }
    sql.append(" FROM ").append(t.from);
    List<Object> args = new ArrayList<>();
    where(t, q, sql, args);
    if (afterKey != null) {
      sql.append(" AND ").append(t.key).append(" > ?");
      args.add(afterKey);
    }
    sql.append(" ORDER BY ").append(t.key).append(" LIMIT ?");
    args.add(limit);
    return rows(t, sql.toString(), args);
  }

  public long count(FeatureTable t, Query q) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(t.from);
    List<Object> args = new ArrayList<>();
    where(t, q, sql, args);
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        LedgerStore.bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  public Optional<FeatureRow> feature(FeatureTable t, String id) throws SQLException {
    Object value = t.featureId(id);
    if (value == null) {
      return Optional.empty();
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(t.id).append(", ").append(t.key).append(", ")
        .append(t.geometry);
    for (Queryable p : t.queryables()) {
      sql.append(", ").append(p.column());
    }
    sql.append(" FROM ").append(t.from).append(" WHERE ").append(t.where).append(" AND ").append(t.id)
        .append(" = ?");
    List<FeatureRow> rows = rows(t, sql.toString(), List.of(value));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** The CRS84 envelope of every feature (null when there is none) and the first and last dates. */
  public record Extent(Envelope bbox, LocalDate first, LocalDate last) {}

  /**
   * Extents cost a scan of every geometry (0.8 s for the demo's four collections), and clients read /collections on
   * every open; they are kept until the ledger changes: a new event, or an event that enters or leaves APPROVED.
   */
  private final Map<FeatureTable, Extent> extents = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile String extentsVersion = "";

  public Extent extent(FeatureTable t) throws SQLException {
    String version = version();
    if (!version.equals(extentsVersion)) {
      extents.clear();
      extentsVersion = version;
    }
    Extent cached = extents.get(t);
    if (cached != null) {
      return cached;
    }
    Extent e = readExtent(t);
    extents.put(t, e);
    return e;
  }

  /** A signature of the approved events: the latest sequence, and the count and sum of the approved ones. */
  private String version() throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq), SUM(CASE WHEN status = 'APPROVED' THEN 1 "
          + "ELSE 0 END), SUM(CASE WHEN status = 'APPROVED' THEN seq ELSE 0 END) FROM event");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3);
      }
    });
  }

  private Extent readExtent(FeatureTable t) throws SQLException {
    String g = t.geometry;
    String sql = "SELECT MIN(ST_XMin(" + g + ")), MIN(ST_YMin(" + g + ")), MAX(ST_XMax(" + g + ")), MAX(ST_YMax("
        + g + ")), MIN(" + t.date + "), MAX(" + t.date + ") FROM " + t.from + " WHERE " + t.where;
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
        rs.next();
        Envelope box = rs.getObject(1) == null ? null
            : new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
        Date first = rs.getDate(5), last = rs.getDate(6);
        return new Extent(box, first == null ? null : first.toLocalDate(), last == null ? null : last.toLocalDate());
      }
    });
  }

  private static void where(FeatureTable t, Query q, StringBuilder sql, List<Object> args) {
    sql.append(" WHERE ").append(t.where);
    if (q.bbox() != null) {
      sql.append(" AND ").append(t.geometry).append(" && ?");
      args.add(LedgerStore.box(q.bbox()));
    }
    if (q.from() != null) {
      sql.append(" AND ").append(t.date).append(" >= ?");
      args.add(Date.valueOf(q.from()));
    }
    if (q.to() != null) {
      sql.append(" AND ").append(t.date).append(" <= ?");
      args.add(Date.valueOf(q.to()));
    }
    if (q.filter() != null) {
      sql.append(" AND ");
      FilterSql.append(t, q.filter(), sql, args);
    }
    if (t.countryIn == FeatureTable.CountryIn.REGION) {
      CountrySql.region(t.countryColumn, q.country(), sql, args);
    } else {
      CountrySql.regions(t.countryColumn, q.country(), sql, args);
    }
  }

  private List<FeatureRow> rows(FeatureTable t, String sql, List<Object> args) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        LedgerStore.bind(ps, args);
        List<FeatureRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Map<String, Object> props = new LinkedHashMap<>();
            int col = 4;
            for (Queryable p : t.queryables()) {
              props.put(p.name(), value(rs, col++, p.type()));
            }
            out.add(new FeatureRow(rs.getString(1), rs.getLong(2), Dialect.geometry(rs, 3), props));
          }
        }
        return out;
      }
    });
  }

  private static Object value(ResultSet rs, int col, Queryable.Type type) throws SQLException {
    Object v = switch (type) {
      case STRING -> rs.getString(col);
      case NUMBER -> rs.getDouble(col);
      case INTEGER -> rs.getLong(col);
      case DATE -> {
        Date d = rs.getDate(col);
        yield d == null ? null : d.toLocalDate();
      }
    };
    return rs.wasNull() ? null : v;
  }
}
