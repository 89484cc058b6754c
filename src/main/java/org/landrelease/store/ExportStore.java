package org.landrelease.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.landrelease.domain.Classification;
import org.landrelease.domain.EventType;
import org.landrelease.domain.HazardRow;
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.ReleasedPiece;
import org.landrelease.domain.StoredEvent;
import org.locationtech.jts.geom.Geometry;

/**
 * SQL for exports: every row of a layer handed to a sink one at a time, in a stable order, so a file of the whole
 * ledger is written without holding the layer in memory. Only APPROVED events and their pieces count.
 */
public final class ExportStore {
  private final Database db;

  public ExportStore(Database db) {
    this.db = db;
  }

  /** Receives rows one by one; may write to a file. */
  public interface RowSink<T> {
    void accept(T row) throws IOException;
  }

  /**
   * Filters of an export; null means no filter. The region is an ISO code such as UA-14, the country an ISO 3166-1
   * code such as UA.
   */
  public record Filter(LocalDate asOf, String partner, String grant, String region, String country) {}

  /** Current hazards in id order; the region filter is coarse here (the hazard's recorded regions). */
  public void hazards(String region, String country, RowSink<HazardRow> sink) throws SQLException, IOException {
    StringBuilder sql = new StringBuilder(
        "SELECT id, geom, classification, hazard_types, area_m2, regions FROM hazard WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (region != null) {
      sql.append(" AND regions LIKE ?");
      args.add("%," + region + ",%");
    }
    CountrySql.regions("regions", country, sql, args);
    sql.append(" ORDER BY id");
    stream(sql.toString(), args, rs -> sink.accept(new HazardRow(
        rs.getLong(1), Dialect.geometry(rs, 2), Classification.valueOf(rs.getString(3)),
        Codes.types(rs.getString(4)), rs.getDouble(5), rs.getString(6))));
  }

  /** Released pieces (cancelled, reduced, cleared) in piece order. */
  public void releases(Filter f, RowSink<ReleasedPiece> sink) throws SQLException, IOException {
    StringBuilder sql = new StringBuilder("""
        SELECT p.hazard_id, p.region, p.kind, p.area_m2, p.event_date, p.partner_id, p.grant_id, e.id, e.type, s.geom,
          p.land_use
        FROM piece_shape s JOIN piece p ON p.id = s.piece_id JOIN event e ON e.seq = p.event_seq
        WHERE p.kind IN ('CANCELLED', 'REDUCED', 'CLEARED') AND e.status = 'APPROVED' AND p.area_m2 > 0""");
    List<Object> args = new ArrayList<>();
    where(sql, args, f, "p.event_date", "p.partner_id", "p.grant_id");
    // a reversed piece is released until the day its reversal counts
    if (f.asOf() != null) {
      sql.append(" AND (p.reversed_on IS NULL OR p.reversed_on > ?)");
      args.add(Date.valueOf(f.asOf()));
    } else {
      sql.append(" AND p.reversed_on IS NULL");
    }
    if (f.region() != null) {
      sql.append(" AND p.region = ?");
      args.add(f.region());
    }
    CountrySql.region("p.region", f.country(), sql, args);
    sql.append(" ORDER BY p.id");
    stream(sql.toString(), args, rs -> sink.accept(new ReleasedPiece(rs.getLong(1), rs.getString(2),
        PieceKind.valueOf(rs.getString(3)), rs.getDouble(4), rs.getDate(5).toLocalDate(), rs.getString(6),
        rs.getString(7), rs.getObject(8, UUID.class), EventType.valueOf(rs.getString(9)),
        Codes.landUse(rs.getString(11)), Dialect.geometry(rs, 10))));
  }

  /** Approved events with their footprints, in ledger order. */
  public void events(Filter f, RowSink<StoredEvent> sink) throws SQLException, IOException {
    StringBuilder sql = new StringBuilder("SELECT " + EventStore.EVENT_COLUMNS
        + ", (SELECT footprint FROM event_footprint f WHERE f.seq = event.seq) FROM event WHERE status = 'APPROVED'");
    List<Object> args = new ArrayList<>();
    // an event counts from counted_on, the later of its date and its approval
    where(sql, args, f, "counted_on", "partner_id", "grant_id");
    if (f.region() != null) {
      sql.append(" AND regions LIKE ?");
      args.add("%," + f.region() + ",%");
    }
    CountrySql.regions("regions", f.country(), sql, args);
    sql.append(" ORDER BY seq");
    stream(sql.toString(), args, rs -> sink.accept(EventStore.eventRow(rs, true)));
  }

  private static void where(StringBuilder sql, List<Object> args, Filter f, String date, String partner,
      String grant) {
    if (f.asOf() != null) {
      sql.append(" AND ").append(date).append(" <= ?");
      args.add(Date.valueOf(f.asOf()));
    }
    if (f.partner() != null) {
      sql.append(" AND ").append(partner).append(" = ?");
      args.add(f.partner());
    }
    if (f.grant() != null) {
      sql.append(" AND ").append(grant).append(" = ?");
      args.add(f.grant());
    }
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException, IOException;
  }

  private void stream(String sql, List<Object> args, RowReader reader) throws SQLException, IOException {
    try {
      db.read(c -> {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          LedgerStore.bind(ps, args);
          ps.setFetchSize(500);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              reader.read(rs);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return null;
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
