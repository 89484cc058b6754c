package org.landrelease.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.landrelease.domain.Country;
import org.landrelease.domain.Grant;
import org.landrelease.domain.LandUse;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.PieceKind;
import org.landrelease.geometry.RegionShape;
import org.landrelease.service.LedgerTotals.Fact;
import org.landrelease.store.EventStore;
import org.landrelease.store.GrantReportStore;

/** The figures donors and coordinators ask for, read from the running totals. All areas are geodesic km². */
public final class ReportService {
  /** How released land is grouped. */
  public enum By {
    REGION, PARTNER, GRANT, DONOR, TYPE, MONTH, LAND_USE, COUNTRY;

    /** The API's name of a grouping: "region", ..., "landUse". */
    public String param() {
      return this == LAND_USE ? "landUse" : name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * National figures of one country, or the cross-country totals when country is null; countries says which
   * countries the figures cover. firstDate and lastDate are the dates of the ledger's first and last events.
   * hazardAreaKm2, the current hazards' own area (a check of contaminatedKm2), is given for the whole ledger today.
   */
  public record Summary(String dataset, LocalDate asOf, double reportedKm2, double contaminatedKm2,
      double releasedKm2, double cancelledKm2, double reducedKm2, double clearedKm2, Double hazardAreaKm2,
      int events, LocalDate firstDate, LocalDate lastDate, String country, List<String> countries) {}

  public record ReleasedRow(String key, double km2, double cancelledKm2, double reducedKm2, double clearedKm2) {}

  public record RegionRow(String code, String name, String nameUk, double areaKm2, double reportedKm2,
      double contaminatedKm2, double releasedKm2, double cancelledKm2, double reducedKm2, double clearedKm2) {}

  private final LedgerTotals totals;
  private final LedgerService ledger;
  private final FundingService funding;
  private final GrantReportStore grants;
  private final EventStore events;
  private final Clock clock;
  private volatile String dataset = "empty";

  public ReportService(LedgerTotals totals, LedgerService ledger, FundingService funding, GrantReportStore grants,
      EventStore events, Clock clock) {
    this.events = events;
    this.totals = totals;
    this.ledger = ledger;
    this.funding = funding;
    this.grants = grants;
    this.clock = clock;
  }

  public void dataset(String label) {
    this.dataset = label;
  }

  /** The label of the data set the ledger holds (the demo's, or "user"). */
  public String dataset() {
    return dataset;
  }

  /** The countries of the ledger (those with regions), in code order. */
  public List<String> countries() {
    return Country.codesOf(ledger.regions().regions().stream().map(RegionShape::code).toList());
  }

  /** The country a figure is asked for: null (every country), or a loaded one (404 otherwise). */
  public String country(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String c = Country.parseCode(code);
    if (!countries().contains(c)) {
      throw LedgerException.notFound("no country '" + c + "' in the ledger; it has " + countries())
          .with("country.unknown", "code", c, "known", String.join(", ", countries()));
    }
    return c;
  }

  public Summary summary(LocalDate asOf) {
    return summary(asOf, null);
  }

  /** The figures of one country (its regions' pieces), or of every country and the land outside them (null). */
  public Summary summary(LocalDate asOf, String country) {
    int[] events = new int[1];
    double[] hazardM2 = new double[1];
    double[] m2 = totals.kindTotals(asOf, events, hazardM2);
    if (country != null) {
      m2 = totals.sumBy(LedgerTotals.Dimension.COUNTRY, null, asOf).getOrDefault(country,
          new double[PieceKind.values().length]);
      events[0] = totals.events(country, asOf);
    }
    double reported = m2[PieceKind.ADDED.ordinal()];
    double cancelled = m2[PieceKind.CANCELLED.ordinal()];
    double reduced = m2[PieceKind.REDUCED.ordinal()];
    double cleared = m2[PieceKind.CLEARED.ordinal()];
    double released = cancelled + reduced + cleared;
    Double hazardKm2 = asOf == null && country == null ? Km2.of(hazardM2[0]) : null;
    LocalDate[] range = country == null ? totals.dateRange() : totals.dateRange(country);
    return new Summary(dataset, asOf, Km2.of(reported), Km2.of(reported - released), Km2.of(released),
        Km2.of(cancelled), Km2.of(reduced), Km2.of(cleared), hazardKm2, events[0], range[0], range[1], country,
        country == null ? countries() : List.of(country));
  }

  /**
   * Released land per key of a grouping, of only the releases whose field record says one land use ("AGRICULTURE",
   * or "unknown" for none): how much farmland was released per oblast, as the field teams recorded it.
   */
  public List<ReleasedRow> released(By by, LocalDate from, LocalDate to, String landUse) {
    return released(by, from, to, landUse, null);
  }

  /**
   * Released land per key of a grouping, of one country's regions only (country null: every country, and the land
   * outside them under region "unassigned"), and optionally of one land use.
   */
  public List<ReleasedRow> released(By by, LocalDate from, LocalDate to, String landUse, String country) {
    if (country != null && by == By.REGION && landUse == null) {
      // the region sums are kept per day: take the country's rows of them
      return released(by, from, to).stream().filter(r -> country.equals(Country.ofRegion(r.key()))).toList();
    }
    if (landUse == null && country == null) {
      return released(by, from, to);
    }
    Predicate<Fact> inCountry = country == null ? f -> true : f -> country.equals(Country.ofRegion(f.region()));
    Predicate<Fact> ofUse = landUse == null ? f -> true : f -> landUse.equals(LandUse.key(f.landUse()));
    Function<Fact, String> key = switch (by) {
      case REGION -> Fact::region;
      case PARTNER -> Fact::partner;
      case MONTH -> Fact::month;
      case LAND_USE -> f -> LandUse.key(f.landUse());
      case GRANT -> f -> f.grant() == null ? "none" : f.grant();
      case DONOR -> f -> f.grant() == null || funding.donorOf(f.grant()) == null ? "none" : funding.donorOf(f.grant());
      case TYPE -> f -> f.kind().label();
      case COUNTRY -> ReportService::countryKey;
    };
    return releasedRows(from, to, inCountry.and(ofUse), key);
  }

  public List<ReleasedRow> released(By by, LocalDate from, LocalDate to) {
    Map<String, double[]> sums = switch (by) {
      case REGION -> totals.sumBy(LedgerTotals.Dimension.REGION, from, to);
      case PARTNER -> totals.sumBy(LedgerTotals.Dimension.PARTNER, from, to);
      case MONTH -> totals.sumBy(LedgerTotals.Dimension.MONTH, from, to);
      // the field teams' record, keyed by LandUse name or "unknown": never the land-cover zoning
      case LAND_USE -> totals.sumBy(LedgerTotals.Dimension.LAND_USE, from, to);
      case GRANT -> regroup(totals.sumBy(LedgerTotals.Dimension.GRANT, from, to), g -> g);
      case DONOR -> regroup(totals.sumBy(LedgerTotals.Dimension.GRANT, from, to), funding::donorOf);
      case TYPE -> byKind(totals.sumBy(LedgerTotals.Dimension.MONTH, from, to));
      case COUNTRY -> totals.sumBy(LedgerTotals.Dimension.COUNTRY, from, to);
    };
    return rows(sums);
  }

  /** A cell's country, or "unassigned" for land outside every region. */
  private static String countryKey(Fact f) {
    String c = Country.ofRegion(f.region());
    return c == null ? f.region() : c;
  }

  /**
   * Released land per key of a grouping, of one donor's grants only: how much the Netherlands' money released in each
   * country, region or month, across all its grants.
   */
  public List<ReleasedRow> releasedForDonor(By by, LocalDate from, LocalDate to, String donor) {
    Function<Fact, String> key = switch (by) {
      case REGION -> Fact::region;
      case PARTNER -> Fact::partner;
      case MONTH -> Fact::month;
      case LAND_USE -> f -> LandUse.key(f.landUse());
      case GRANT, DONOR -> Fact::grant;
      case TYPE -> f -> f.kind().label();
      case COUNTRY -> ReportService::countryKey;
    };
    return releasedRows(from, to, f -> f.grant() != null && donor.equals(funding.donorOf(f.grant())),
        by == By.DONOR ? f -> donor : key);
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
  private List<ReleasedRow> releasedRows(Predicate<Fact> filter, Function<Fact, String> key) {
    return releasedRows(null, null, filter, key);
  }

  private List<ReleasedRow> releasedRows(LocalDate from, LocalDate to, Predicate<Fact> filter,
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
    return regions(asOf, null);
  }

  /**
   * The region table of one country (null: every country, and the land outside every region): per region its
   * area, reported, remaining and released km² as of a date.
   */
  public List<RegionRow> regions(LocalDate asOf, String country) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (RegionShape r : ledger.regions().regions()) {
      if (country == null || country.equals(Country.ofRegion(r.code()))) {
        sums.put(r.code(), new double[PieceKind.values().length]);
      }
    }
    totals.sumBy(LedgerTotals.Dimension.REGION, null, asOf).forEach((code, m2) -> {
      if (country != null && !country.equals(Country.ofRegion(code))) {
        return;
      }
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
    return events.appliedMark(applied);
  }

  /** Per region, a piece of land a grant released in [from, to] and kept released: see EventStore. */
  public Map<String, org.locationtech.jts.geom.Geometry> releasedPlaces(String grantId, LocalDate from,
      LocalDate to) throws SQLException {
    return events.largestReleasedPieces(grantId, from, to);
  }

  /**
   * One grant's report over [from, to] (null: the grant's start; its end, or today once it has ended). The figures
   * by outcome, region and month are the running totals' (as /api/stats/released); the events and the map's shapes
   * are read up to the approval the totals held when the report began, which is the ledger state it states (an
   * approval landing during the few milliseconds of the scans may show in the figures and not in the list).
   */
  public GrantReport grantReport(String grantId, LocalDate from, LocalDate to) throws SQLException {
    return grantReport(grantId, from, to, null);
  }

  /**
   * The grant's report in one country (null: every country the grant worked in): its released land in that country's
   * regions, so its tables by region are that country's, and the events that touched them.
   */
  public GrantReport grantReport(String grantId, LocalDate from, LocalDate to, String country) throws SQLException {
    Grant grant = funding.grant(grantId);
    if (grant == null) {
      throw LedgerException.notFound("no grant '" + grantId + "'").with("grant.unknown", "grant", grantId);
    }
    LocalDate start = from == null ? grant.start() : from;
    // land counts from its approval: work of the grant approved after its end still belongs to it, so a grant that
    // has ended is reported up to today unless the reader asks for less
    LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
    LocalDate end = to != null ? to : grant.end().isAfter(today) ? grant.end() : today;
    if (start.isAfter(end)) {
      throw LedgerException.badRequest("invalid-period",
          "the period starts (" + start + ") after it ends (" + end + ")")
              .with("request.periodReversed", "start", start, "end", end);
    }
    long applied = totals.applied();
    java.time.Instant at = clock.instant();
    Predicate<Fact> ofGrant = f -> grantId.equals(f.grant())
        && (country == null || country.equals(Country.ofRegion(f.region())));
    List<ReleasedRow> byRegion = releasedRows(start, end, ofGrant, Fact::region);
    List<ReleasedRow> byMonth = releasedRows(start, end, ofGrant, Fact::month);
    List<ReleasedRow> byLandUse = releasedRows(start, end, ofGrant, f -> LandUse.key(f.landUse()));
    // the grant's totals from the m² as they are summed, rounded once: as /api/stats/released?by=grant rounds them
    double[] m2 = new double[PieceKind.values().length];
    totals.scan(start, end, (fact, v) -> {
      if (fact.kind().isRelease() && ofGrant.test(fact)) {
        m2[fact.kind().ordinal()] += v;
      }
    });
    double c = m2[PieceKind.CANCELLED.ordinal()], r = m2[PieceKind.REDUCED.ordinal()];
    double cl = m2[PieceKind.CLEARED.ordinal()];
    List<GrantReport.Event> events = new ArrayList<>();
    int[] counts = new int[3];
    for (GrantReportStore.EventRow e : grants.events(grantId, start, end, applied, country)) {
      double ec = e.cancelledM2(), er = e.reducedM2(), ecl = e.clearedM2();
      counts[0] += ec != 0 ? 1 : 0;
      counts[1] += er != 0 ? 1 : 0;
      counts[2] += ecl != 0 ? 1 : 0;
      events.add(new GrantReport.Event(e.id(), e.type(), e.date(), e.countedOn(), e.regions(),
          Km2.of(ec + er + ecl), Km2.of(ec), Km2.of(er), Km2.of(ecl)));
    }
    List<GrantReport.OutcomeRow> byOutcome = List.of(
        new GrantReport.OutcomeRow(PieceKind.CANCELLED.label(), Km2.of(c), counts[0]),
        new GrantReport.OutcomeRow(PieceKind.REDUCED.label(), Km2.of(r), counts[1]),
        new GrantReport.OutcomeRow(PieceKind.CLEARED.label(), Km2.of(cl), counts[2]),
        new GrantReport.OutcomeRow("total", Km2.of(c + r + cl), events.size()));
    var state = new GrantReport.LedgerState(grants.lastEventSequence(applied), applied, at, dataset);
    return new GrantReport(grant, start, end, Km2.of(c + r + cl), Km2.of(c), Km2.of(r), Km2.of(cl), byOutcome,
        byRegion, byMonth, byLandUse, events, state, country);
  }

  /** The grant's report over its default period (the grant's own, up to today once it has ended). */
  public GrantReport grantReport(String grantId) throws SQLException {
    return grantReport(grantId, null, null);
  }

  /** The shapes of the land a report's grant released in its period, up to the ledger state it states. */
  public List<GrantReportStore.Shape> releasedShapes(GrantReport report) throws SQLException {
    return grants.releasedShapes(report.grant().id(), report.from(), report.to(),
        report.ledgerState().appliedSequence(), report.country());
  }

  /** The region boundaries the ledger splits by. */
  public List<RegionShape> regionShapes() {
    return ledger.regions().regions();
  }
}
