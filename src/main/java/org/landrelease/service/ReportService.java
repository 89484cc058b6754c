package org.landrelease.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.landrelease.domain.EventStatus;
import org.landrelease.domain.EventType;
import org.landrelease.domain.Grant;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.StoredEvent;
import org.landrelease.geometry.RegionIndex;
import org.landrelease.geometry.RegionShape;
import org.landrelease.service.LedgerTotals.Fact;
import org.landrelease.store.EventStore;

/** The figures donors and coordinators ask for, read from the running totals. All areas are geodesic km². */
public final class ReportService {
  /** How released land is grouped. */
  public enum By { REGION, PARTNER, GRANT, DONOR, TYPE, MONTH }

  /** National figures; firstDate and lastDate are the dates of the ledger's first and last events. */
  public record Summary(String dataset, LocalDate asOf, double reportedKm2, double contaminatedKm2,
      double releasedKm2, double cancelledKm2, double reducedKm2, double clearedKm2, Double hazardAreaKm2,
      int events, LocalDate firstDate, LocalDate lastDate) {}

  public record ReleasedRow(String key, double km2, double cancelledKm2, double reducedKm2, double clearedKm2) {}

  public record RegionRow(String code, String name, String nameUk, double areaKm2, double reportedKm2,
      double contaminatedKm2, double releasedKm2, double cancelledKm2, double reducedKm2, double clearedKm2) {}

  public record GrantEvent(java.util.UUID id, EventType type, LocalDate date, String regions) {}

  public record GrantReport(Grant grant, double releasedKm2, double cancelledKm2, double reducedKm2,
      double clearedKm2, List<ReleasedRow> byRegion, List<ReleasedRow> byMonth, List<GrantEvent> events) {}

  private final LedgerTotals totals;
  private final LedgerService ledger;
  private final FundingService funding;
  private final EventStore store;
  private volatile String dataset = "empty";

  public ReportService(LedgerTotals totals, LedgerService ledger, FundingService funding, EventStore store) {
    this.totals = totals;
    this.ledger = ledger;
    this.funding = funding;
    this.store = store;
  }

  public void dataset(String label) {
    this.dataset = label;
  }

  public Summary summary(LocalDate asOf) {
    int[] events = new int[1];
    double[] hazardM2 = new double[1];
    double[] m2 = totals.kindTotals(asOf, events, hazardM2);
    double reported = m2[PieceKind.ADDED.ordinal()];
    double cancelled = m2[PieceKind.CANCELLED.ordinal()];
    double reduced = m2[PieceKind.REDUCED.ordinal()];
    double cleared = m2[PieceKind.CLEARED.ordinal()];
    double released = cancelled + reduced + cleared;
    Double hazardKm2 = asOf == null ? Km2.of(hazardM2[0]) : null;
    LocalDate[] range = totals.dateRange();
    return new Summary(dataset, asOf, Km2.of(reported), Km2.of(reported - released), Km2.of(released),
        Km2.of(cancelled), Km2.of(reduced), Km2.of(cleared), hazardKm2, events[0], range[0], range[1]);
  }

  public List<ReleasedRow> released(By by, LocalDate from, LocalDate to) {
    Map<String, double[]> sums = switch (by) {
      case REGION -> totals.sumBy(LedgerTotals.Dimension.REGION, from, to);
      case PARTNER -> totals.sumBy(LedgerTotals.Dimension.PARTNER, from, to);
      case MONTH -> totals.sumBy(LedgerTotals.Dimension.MONTH, from, to);
      case GRANT -> regroup(totals.sumBy(LedgerTotals.Dimension.GRANT, from, to), g -> g);
      case DONOR -> regroup(totals.sumBy(LedgerTotals.Dimension.GRANT, from, to), funding::donorOf);
      case TYPE -> byKind(totals.sumBy(LedgerTotals.Dimension.MONTH, from, to));
    };
    return rows(sums);
  }

  /** Merges rows under new keys; a null key (no grant, no donor) becomes "none". */
  private static Map<String, double[]> regroup(Map<String, double[]> sums, Function<String, String> newKey) {
    Map<String, double[]> out = new java.util.HashMap<>();
    sums.forEach((k, v) -> {
      String key = k == null ? null : newKey.apply(k);
      double[] row = out.computeIfAbsent(key == null ? "none" : key, x -> new double[v.length]);
      for (int i = 0; i < v.length; i++) {
        row[i] += v[i];
      }
    });
    return out;
  }

  /** One row per release outcome, keyed "cancelled", "reduced", "cleared". */
  private static Map<String, double[]> byKind(Map<String, double[]> sums) {
    Map<String, double[]> out = new java.util.HashMap<>();
    for (PieceKind kind : PieceKind.values()) {
      if (kind.isRelease()) {
        double[] row = new double[PieceKind.values().length];
        sums.values().forEach(v -> row[kind.ordinal()] += v[kind.ordinal()]);
        if (row[kind.ordinal()] != 0) {
          out.put(kind.label(), row);
        }
      }
    }
    return out;
  }

  /** Release rows sorted by key, leaving out keys that released nothing (a month of hazard reports only). */
  private static List<ReleasedRow> rows(Map<String, double[]> sums) {
    List<ReleasedRow> out = new ArrayList<>();
    new TreeMap<>(sums).forEach((k, v) -> {
      double c = v[PieceKind.CANCELLED.ordinal()], r = v[PieceKind.REDUCED.ordinal()];
      double cl = v[PieceKind.CLEARED.ordinal()];
      if (c + r + cl != 0) {
        out.add(new ReleasedRow(k, Km2.of(c + r + cl), Km2.of(c), Km2.of(r), Km2.of(cl)));
      }
    });
    return out;
  }

  /** Released rows of the cells that pass a filter: for one grant's report, which no running sum keeps. */
  private List<ReleasedRow> releasedRows(java.util.function.Predicate<Fact> filter, Function<Fact, String> key) {
    return releasedRows(null, null, filter, key);
  }

  private List<ReleasedRow> releasedRows(LocalDate from, LocalDate to, java.util.function.Predicate<Fact> filter,
      Function<Fact, String> key) {
    Map<String, double[]> sums = new java.util.HashMap<>();
    totals.scan(from, to, (fact, m2) -> {
      if (fact.kind().isRelease() && filter.test(fact)) {
        sums.computeIfAbsent(key.apply(fact), k -> new double[PieceKind.values().length])[fact.kind().ordinal()] += m2;
      }
    });
    return rows(sums);
  }

  public List<RegionRow> regions(LocalDate asOf) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (RegionShape r : ledger.regions().regions()) {
      sums.put(r.code(), new double[PieceKind.values().length]);
    }
    totals.sumBy(LedgerTotals.Dimension.REGION, null, asOf).forEach((code, m2) -> {
      double[] sum = sums.computeIfAbsent(code, k -> new double[PieceKind.values().length]);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += m2[i];
      }
    });
    List<RegionRow> out = new ArrayList<>();
    for (var e : sums.entrySet()) {
      RegionShape shape = ledger.regions().regions().stream().filter(r -> r.code().equals(e.getKey())).findFirst()
          .orElse(null);
      double[] m2 = e.getValue();
      double released = m2[PieceKind.CANCELLED.ordinal()] + m2[PieceKind.REDUCED.ordinal()]
          + m2[PieceKind.CLEARED.ordinal()];
      double reported = m2[PieceKind.ADDED.ordinal()];
      out.add(new RegionRow(e.getKey(), shape == null ? "Outside every region" : shape.name(),
          shape == null ? "" : shape.nameUk(), shape == null ? 0 : Km2.of(shape.areaM2()), Km2.of(reported),
          Km2.of(reported - released), Km2.of(released), Km2.of(m2[PieceKind.CANCELLED.ordinal()]),
          Km2.of(m2[PieceKind.REDUCED.ordinal()]), Km2.of(m2[PieceKind.CLEARED.ordinal()])));
    }
    return out;
  }

  /**
   * What one grant released between two dates (either may be null), per key of a cell (Fact::region, a quarter of
   * Fact::date): the rows of the grant report, for a period and grouped as a caller needs.
   */
  public List<ReleasedRow> grantReleased(String grantId, LocalDate from, LocalDate to, Function<Fact, String> key) {
    return releasedRows(from, to, f -> grantId.equals(f.grant()), key);
  }

  /** The number of approvals the figures hold (event.applied_seq of the last one), to name a state of the ledger. */
  public long appliedUpTo() {
    return totals.applied();
  }

  /** The last approval of a state of the ledger: its event's sequence and time; empty for an empty ledger. */
  public java.util.Optional<EventStore.AppliedMark> appliedMark(long applied) throws SQLException {
    return store.appliedMark(applied);
  }

  /** Per region, a piece of land a grant released in [from, to] and kept released: see EventStore. */
  public Map<String, org.locationtech.jts.geom.Geometry> releasedPlaces(String grantId, LocalDate from,
      LocalDate to) throws SQLException {
    return store.largestReleasedPieces(grantId, from, to);
  }

  public GrantReport grantReport(String grantId) throws SQLException {
    Grant grant = funding.grant(grantId);
    if (grant == null) {
      throw LedgerException.notFound("no grant '" + grantId + "'");
    }
    java.util.function.Predicate<Fact> ofGrant = f -> grantId.equals(f.grant());
    List<ReleasedRow> byRegion = releasedRows(ofGrant, Fact::region);
    List<ReleasedRow> byMonth = releasedRows(ofGrant, Fact::month);
    double c = 0, r = 0, cl = 0;
    for (ReleasedRow row : byRegion) {
      c += row.cancelledKm2();
      r += row.reducedKm2();
      cl += row.clearedKm2();
    }
    List<GrantEvent> events = new ArrayList<>();
    long after = 0;
    while (true) {
      List<StoredEvent> page = store.events(
          new EventStore.EventFilter(null, null, grantId, null, null, null, EventStatus.APPROVED,
              EventStore.Visibility.APPROVED, after, 5000));
      for (StoredEvent e : page) {
        events.add(new GrantEvent(e.command().id(), e.command().type(), e.command().date(),
            e.regions().substring(1, Math.max(1, e.regions().length() - 1))));
      }
      if (page.size() < 5000) {
        break;
      }
      after = page.get(page.size() - 1).sequence();
    }
    return new GrantReport(grant, round6(c + r + cl), round6(c), round6(r), round6(cl), byRegion, byMonth, events);
  }

  private static double round6(double km2) {
    return Math.round(km2 * 1e6) / 1e6;
  }
}
