package org.landrelease.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.landrelease.domain.EventType;
import org.landrelease.domain.Grant;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.PieceKind;
import org.landrelease.geometry.RegionIndex;
import org.landrelease.geometry.RegionShape;
import org.landrelease.service.LedgerTotals.Fact;
import org.landrelease.store.LedgerStore;
import org.landrelease.store.StoredEvent;

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
  private final LedgerStore store;
  private volatile String dataset = "empty";

  public ReportService(LedgerTotals totals, LedgerService ledger, FundingService funding, LedgerStore store) {
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
    Function<Fact, String> key = switch (by) {
      case REGION -> Fact::region;
      case PARTNER -> Fact::partner;
      case GRANT -> f -> f.grant() == null ? "none" : f.grant();
      case DONOR -> f -> {
        String donor = funding.donorOf(f.grant());
        return donor == null ? "none" : donor;
      };
      case TYPE -> f -> f.kind().label();
      case MONTH -> Fact::month;
    };
    return releasedRows(from, to, f -> true, key);
  }

  private List<ReleasedRow> releasedRows(LocalDate from, LocalDate to, java.util.function.Predicate<Fact> filter,
      Function<Fact, String> key) {
    // a hash map while scanning (strings cache their hash), sorted once at the end
    Map<String, double[]> rows = new java.util.HashMap<>();
    totals.scan(from, to, (fact, m2) -> {
      if (fact.kind().isRelease() && filter.test(fact)) {
        double[] row = rows.computeIfAbsent(key.apply(fact), k -> new double[3]);
        row[fact.kind().ordinal() - PieceKind.CANCELLED.ordinal()] += m2;
      }
    });
    List<ReleasedRow> out = new ArrayList<>();
    new TreeMap<>(rows).forEach((k, v) -> out.add(new ReleasedRow(k, Km2.of(v[0] + v[1] + v[2]), Km2.of(v[0]), Km2.of(v[1]),
        Km2.of(v[2]))));
    return out;
  }

  public List<RegionRow> regions(LocalDate asOf) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (RegionShape r : ledger.regions().regions()) {
      sums.put(r.code(), new double[PieceKind.values().length]);
    }
    totals.scan(null, asOf, (fact, m2) -> sums.computeIfAbsent(fact.region(),
        k -> new double[PieceKind.values().length])[fact.kind().ordinal()] += m2);
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

  public GrantReport grantReport(String grantId) throws SQLException {
    Grant grant = funding.grant(grantId);
    if (grant == null) {
      throw LedgerException.notFound("no grant '" + grantId + "'");
    }
    java.util.function.Predicate<Fact> ofGrant = f -> grantId.equals(f.grant());
    List<ReleasedRow> byRegion = releasedRows(null, null, ofGrant, Fact::region);
    List<ReleasedRow> byMonth = releasedRows(null, null, ofGrant, Fact::month);
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
          new LedgerStore.EventFilter(null, null, grantId, null, null, null, after, 5000));
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
