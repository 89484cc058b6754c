package org.landrelease.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.landrelease.domain.Classification;
import org.landrelease.domain.ClearanceMethod;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventStatus;
import org.landrelease.domain.EventType;
import org.landrelease.domain.PieceRow;
import org.landrelease.domain.StoredEvent;
import org.landrelease.domain.Transition;
import org.locationtech.jts.geom.Geometry;

/** SQL that reads events for clients, on the read pool: one event, its pieces and history, and filtered pages. */
public final class EventStore {
  private final Database db;

  public EventStore(Database db) {
    this.db = db;
  }


  public Optional<StoredEvent> event(UUID id, boolean withFootprint) throws SQLException {
    return db.read(c -> findEvent(c, id, withFootprint));
  }

  static final String EVENT_COLUMNS = "seq, id, type, event_date, partner_id, grant_id, classification, "
      + "hazard_types, method, devices_found, notes, regions, footprint_m2, outside_m2, status, request_hash, recorded_at, "
      + "submitted_by, decided_at, counted_on, reverses, reason, land_use";

  static Optional<StoredEvent> findEvent(Connection c, UUID id, boolean withFootprint) throws SQLException {
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
        withFootprint ? Dialect.geometry(rs, 24) : null, rs.getString(16), rs.getObject(21, UUID.class),
        rs.getString(22), Codes.landUse(rs.getString(23)));
    Timestamp decided = rs.getTimestamp(19);
    Date counted = rs.getDate(20);
    return new StoredEvent(rs.getLong(1), cmd, rs.getString(12), rs.getDouble(13), rs.getDouble(14),
        EventStatus.valueOf(rs.getString(15)), rs.getTimestamp(17).toInstant(), rs.getString(18),
        decided == null ? null : decided.toInstant(), counted == null ? null : counted.toLocalDate());
  }

  /** Pieces of one event, without their geometry. */
  public List<PieceRow> piecesOfEvent(long seq) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT hazard_id, region, kind, area_m2, classification, hazard_types, land_use FROM piece "
              + "WHERE event_seq = ? "
              + "ORDER BY hazard_id, region")) {
        ps.setLong(1, seq);
        return LedgerStore.pieces(ps, false);
      }
    });
  }

  /** The status changes of one event, oldest first. */
  public List<Transition> transitions(long seq) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT from_status, to_status, actor, at, reason FROM event_transition WHERE event_seq = ? ORDER BY n")) {
        ps.setLong(1, seq);
        List<Transition> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String from = rs.getString(1);
            out.add(new Transition(from == null ? null : EventStatus.valueOf(from), EventStatus.valueOf(rs.getString(2)),
                rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)));
          }
        }
        return out;
      }
    });
  }

  /** Filters of the event list; null means no filter. The cursor is the last sequence of the previous page. */
  public record EventFilter(EventType type, String partner, String grant, String region, LocalDate from,
      LocalDate to, EventStatus status, Visibility visibility, long afterSequence, int limit,
      org.locationtech.jts.geom.Geometry zone, String country) {
    /** Without a zone or a country: events anywhere. */
    public EventFilter(EventType type, String partner, String grant, String region, LocalDate from, LocalDate to,
        EventStatus status, Visibility visibility, long afterSequence, int limit) {
      this(type, partner, grant, region, from, to, status, visibility, afterSequence, limit, null, null);
    }
  }

  /**
   * Which events a reader may see: everything, approved ones only, approved ones plus every event of one partner
   * (a field team sees its own submissions), or approved ones plus every event wholly in some countries (a reviewer
   * bound to them sees their queue only).
   */
  public record Visibility(boolean all, String ownPartner, java.util.List<String> ownCountries) {
    public static final Visibility ALL = new Visibility(true, null);
    public static final Visibility APPROVED = new Visibility(false, null);

    public Visibility {
      ownCountries = ownCountries == null ? java.util.List.of() : java.util.List.copyOf(ownCountries);
    }

    public Visibility(boolean all, String ownPartner) {
      this(all, ownPartner, java.util.List.of());
    }
  }

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
    CountrySql.regions("regions", f.country(), sql, args);
    if (f.zone() != null) {
      // a zone of a zoning: events whose footprint meets it (box first, so that the exact test runs on few)
      sql.append(" AND seq IN (SELECT seq FROM event_footprint WHERE footprint && ? AND ST_Intersects(footprint, ?))");
      args.add(f.zone());
      args.add(f.zone());
    }
    if (f.from() != null) {
      sql.append(" AND event_date >= ?");
      args.add(Date.valueOf(f.from()));
    }
    if (f.to() != null) {
      sql.append(" AND event_date <= ?");
      args.add(Date.valueOf(f.to()));
    }
    if (f.status() != null) {
      sql.append(" AND status = ?");
      args.add(f.status().name());
    }
    if (!f.visibility().all()) {
      if (f.visibility().ownPartner() != null) {
        sql.append(" AND (status = 'APPROVED' OR partner_id = ?)");
        args.add(f.visibility().ownPartner());
      } else if (!f.visibility().ownCountries().isEmpty()) {
        sql.append(" AND (status = 'APPROVED' OR ").append(inCountries(f.visibility().ownCountries(), args))
            .append(")");
      } else {
        sql.append(" AND status = 'APPROVED'");
      }
    }
    sql.append(" ORDER BY seq LIMIT ?");
    args.add(f.limit());
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        LedgerStore.bind(ps, args);
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

  /**
   * Events whose regions all lie in the given countries. Regions are stored as ",UA-05,UA-07,"; once each own
   * country's prefix is cut (",UA-" becomes ","), a '-' left means a region of another country. The same SQL on
   * H2 and PostgreSQL.
   */
  private static String inCountries(java.util.List<String> countries, List<Object> args) {
    String expr = "regions";
    for (String c : countries) {
      expr = "REPLACE(" + expr + ", ?, ',')";
      args.add("," + c + "-");
    }
    return expr + " NOT LIKE '%-%'";
  }

  /** The approval a state of the ledger ends with: its order, the event's sequence, and when it was approved. */
  public record AppliedMark(long applied, long sequence, java.time.Instant approvedAt) {}

  /** The approval applied as number {@code applied}, or empty for an empty ledger (applied 0). */
  public Optional<AppliedMark> appliedMark(long applied) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT seq, decided_at FROM event WHERE applied_seq = ?")) {
        ps.setLong(1, applied);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new AppliedMark(applied, rs.getLong(1), rs.getTimestamp(2).toInstant()))
              : Optional.empty();
        }
      }
    });
  }

  /**
   * Per region, the shape of the largest piece a grant released between two dates and not reversed by the later
   * one: a place on released land that stands for the grant's work in that region. One scan of the grant's pieces
   * (a window per region), not one query per region.
   */
  public java.util.Map<String, Geometry> largestReleasedPieces(String grant, LocalDate from, LocalDate to)
      throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("""
          SELECT l.region, s.geom FROM (
            SELECT p.id, p.region, ROW_NUMBER() OVER (PARTITION BY p.region ORDER BY p.area_m2 DESC, p.id) AS n
            FROM piece p
            WHERE p.grant_id = ? AND p.kind IN ('CANCELLED', 'REDUCED', 'CLEARED') AND p.area_m2 > 0
              AND p.event_date >= ? AND p.event_date <= ? AND (p.reversed_on IS NULL OR p.reversed_on > ?)) l
          JOIN piece_shape s ON s.piece_id = l.id WHERE l.n = 1""")) {
        ps.setString(1, grant);
        ps.setDate(2, Date.valueOf(from));
        ps.setDate(3, Date.valueOf(to));
        ps.setDate(4, Date.valueOf(to));
        java.util.Map<String, Geometry> out = new java.util.HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), Dialect.geometry(rs, 2));
          }
        }
        return out;
      }
    });
  }
}
