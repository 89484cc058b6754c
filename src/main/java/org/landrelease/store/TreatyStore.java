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
import java.util.Set;
import org.landrelease.domain.Classification;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.PieceKind;
import org.landrelease.geometry.Geometries;
import org.locationtech.jts.geom.Geometry;

/**
 * SQL for the treaty land-release report: the piece table summed per hazard, key and kind at the two ends of a year,
 * in a few GROUP BY queries over the approvals applied up to one point, so that the report names the ledger state it
 * reads. The key is the region of each piece, or the zone of a loaded zoning (its split of each piece).
 */
public final class TreatyStore {
  /**
   * What the rows are keyed by: SQL joined to the piece p, the key it yields and the m² it sums. Regions are a column
   * of the piece; a zoning joins each piece's split by that zoning and sums the zone's part of it.
   */
  public record Grouping(String name, String join, String key, String areaM2, String zoning) {
    public static final Grouping REGION = new Grouping("region", "", "p.region", "p.area_m2", null);

    /** By the zones of a loaded zoning: each piece's split (piece_zone), its land outside every zone as 'outside'. */
    public static Grouping zoning(String name) {
      return new Grouping("zone", " JOIN piece_zone z ON z.piece_id = p.id", "z.zone_code", "z.area_m2", name);
    }

    /** The WHERE condition that picks the zoning's rows, if any. */
    String condition() {
      return zoning == null ? "" : " AND z.zoning = ?";
    }
  }

  /** A year's bounds: pieces counted on or before start belong to the start, on or before end to the end. */
  public record Span(LocalDate start, LocalDate end, long appliedUpTo) {}

  /**
   * The pieces of one hazard, key (region) and kind: their m² counted by the start and by the end (reversal pieces
   * negative, as the running totals hold them), and how many of them released land in the year that was still
   * released at the end (MapStore.releasedOn's rule at the end, for pieces counted after the start).
   */
  public record HazardPieces(long hazardId, String key, Classification classification, Set<HazardType> types,
      PieceKind kind, double startM2, double endM2, int releasedInYear) {}

  /** A reclassified (confirmed) hazard and the suspected hazard its land came from. */
  public record ConfirmedFrom(long confirmedHazardId, long suspectedHazardId, Set<HazardType> suspectedTypes) {}

  /** A confirming event and a point inside the land it confirmed. */
  private record Confirmation(long eventSeq, Geometry point) {}

  /** A clearance counted in the year that cleared land of one hazard under one key, and its devices. */
  public record Clearance(long eventSeq, String key, Set<HazardType> hazardTypes, String devicesFound) {}

  /** The ledger state a report reads: the approval order and the highest event sequence applied by then. */
  public record State(long appliedUpTo, long lastEventSequence) {}

  private final Database db;

  public TreatyStore(Database db) {
    this.db = db;
  }

  public State state() throws SQLException {
    return db.read(c -> {
      long applied = SharedState.read(c).applied();
      return new State(applied, GrantReportStore.lastEventSequence(c, applied));
    });
  }

  /** Every hazard's pieces counted by the end of the span, summed per hazard, key and kind; key null: every key. */
  public List<HazardPieces> hazardPieces(Span span, Grouping by, String key) throws SQLException {
    return hazardPieces(span, by, key, null);
  }

  /** As above, of the pieces in one country's regions (null: every piece), by the region-prefix rule (CountrySql). */
  public List<HazardPieces> hazardPieces(Span span, Grouping by, String key, String country) throws SQLException {
    String sql = "SELECT p.hazard_id, " + by.key() + """
        , p.classification, p.hazard_types, p.kind,
          SUM(CASE WHEN p.event_date <= ? THEN AREA ELSE 0 END), SUM(AREA),
          SUM(CASE WHEN p.event_date > ? AND AREA > 0 AND (p.reversed_on IS NULL OR p.reversed_on > ?)
            THEN 1 ELSE 0 END)
        FROM piece p JOIN event e ON e.seq = p.event_seq""".replace("AREA", by.areaM2()) + by.join()
        + " WHERE e.applied_seq <= ? AND p.event_date <= ?" + by.condition()
        + (key == null ? "" : " AND " + by.key() + " = ?") + inCountry(country)
        + " GROUP BY p.hazard_id, " + by.key() + ", p.classification, p.hazard_types, p.kind";
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = bindSpan(ps, span);
        if (by.zoning() != null) {
          ps.setString(i++, by.zoning());
        }
        if (key != null) {
          ps.setString(i++, key);
        }
        bindCountry(ps, i, country);
        List<HazardPieces> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new HazardPieces(rs.getLong(1), rs.getString(2), Classification.valueOf(rs.getString(3)),
                Codes.types(rs.getString(4)), PieceKind.valueOf(rs.getString(5)), rs.getDouble(6), rs.getDouble(7),
                rs.getInt(8)));
          }
        }
        return out;
      }
    });
  }

  /** The condition of a country's pieces, bound by bindCountry (CountrySql's rule: the region's prefix). */
  private static String inCountry(String country) {
    StringBuilder sql = new StringBuilder();
    CountrySql.region("p.region", country, sql, new ArrayList<>());
    return sql.toString();
  }

  private static void bindCountry(PreparedStatement ps, int i, String country) throws SQLException {
    if (country != null) {
      ps.setString(i, CountrySql.regionPattern(country));
    }
  }

  private static int bindSpan(PreparedStatement ps, Span span) throws SQLException {
    ps.setDate(1, Date.valueOf(span.start()));
    ps.setDate(2, Date.valueOf(span.start()));
    ps.setDate(3, Date.valueOf(span.end()));
    ps.setLong(4, span.appliedUpTo());
    ps.setDate(5, Date.valueOf(span.end()));
    return 6;
  }

  /**
   * Where the land of each confirmed hazard (RECLASSIFIED pieces) came from. The ledger keeps no link, so it is found
   * by place: hazards never overlap, so the suspected hazard that held a point of the confirmed land just before the
   * confirming event is the one whose latest origin piece (a report, a confirmation or a restoration) covering that
   * point came before it. One indexed look-up per confirmed hazard (confirmations are few beside releases), so that
   * neither store has to plan a join of every reclassified piece with every piece.
   */
  public List<ConfirmedFrom> confirmedFrom(Span span) throws SQLException {
    return db.read(c -> {
      Map<Long, Confirmation> confirmed = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement("""
          SELECT r.hazard_id, r.event_seq, rs.geom
          FROM piece r JOIN event e ON e.seq = r.event_seq JOIN piece_shape rs ON rs.piece_id = r.id
          WHERE r.kind = 'RECLASSIFIED' AND r.area_m2 > 0 AND e.applied_seq <= ? AND r.event_date <= ?""")) {
        ps.setLong(1, span.appliedUpTo());
        ps.setDate(2, Date.valueOf(span.end()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long id = rs.getLong(1);
            if (!confirmed.containsKey(id)) {
              Geometry point = Dialect.geometry(rs, 3).getInteriorPoint();
              point.setSRID(Geometries.SRID);
              confirmed.put(id, new Confirmation(rs.getLong(2), point));
            }
          }
        }
      }
      List<ConfirmedFrom> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("""
          SELECT o.hazard_id, o.hazard_types FROM piece_shape os JOIN piece o ON o.id = os.piece_id
          WHERE os.geom && ? AND ST_Intersects(os.geom, ?) AND o.event_seq < ? AND o.classification = 'SHA'
            AND (o.kind = 'ADDED' OR o.area_m2 < 0)
          ORDER BY o.event_seq DESC LIMIT 1""")) {
        for (var e : confirmed.entrySet()) {
          Dialect.setGeometry(ps, 1, e.getValue().point());
          Dialect.setGeometry(ps, 2, e.getValue().point());
          ps.setLong(3, e.getValue().eventSeq());
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              out.add(new ConfirmedFrom(e.getKey(), rs.getLong(1), Codes.types(rs.getString(2))));
            }
          }
        }
      }
      return out;
    });
  }

  /** The approved clearances counted in the span's year, per hazard and key of the land they cleared. */
  public List<Clearance> clearances(Span span, Grouping by, String key) throws SQLException {
    return clearances(span, by, key, null);
  }

  /** As above, of the land cleared in one country's regions (null: anywhere). */
  public List<Clearance> clearances(Span span, Grouping by, String key, String country) throws SQLException {
    String sql = "SELECT DISTINCT e.seq, " + by.key() + ", p.hazard_types, e.devices_found"
        + " FROM event e JOIN piece p ON p.event_seq = e.seq" + by.join()
        + " WHERE e.type = 'CLEARANCE' AND e.status = 'APPROVED' AND e.applied_seq <= ?"
        + " AND e.counted_on > ? AND e.counted_on <= ? AND p.kind = 'CLEARED' AND " + by.areaM2() + " > 0"
        + " AND e.devices_found IS NOT NULL" + by.condition() + (key == null ? "" : " AND " + by.key() + " = ?")
        + inCountry(country);
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, span.appliedUpTo());
        ps.setDate(2, Date.valueOf(span.start()));
        ps.setDate(3, Date.valueOf(span.end()));
        int i = 4;
        if (by.zoning() != null) {
          ps.setString(i++, by.zoning());
        }
        if (key != null) {
          ps.setString(i++, key);
        }
        bindCountry(ps, i, country);
        List<Clearance> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Clearance(rs.getLong(1), rs.getString(2), Codes.types(rs.getString(3)), rs.getString(4)));
          }
        }
        return out;
      }
    });
  }

  /** "AP_MINE:3,UXO:1" as a map. */
  public static Map<HazardType, Integer> deviceCounts(String text) {
    Map<HazardType, Integer> counts = Codes.counts(text);
    return counts == null ? Map.of() : counts;
  }
}
