package org.landrelease.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.landrelease.domain.Country;
import org.landrelease.domain.LandUse;
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.PieceRow;
import org.landrelease.store.LedgerStore.DayCount;
import org.landrelease.store.LedgerStore.PieceTotal;

/**
 * Running totals of the ledger per day, region, partner, grant, kind and land use, kept up to date as events are
 * applied so that figures are read, not computed by scanning pieces. Rebuilt from the piece table at start-up.
 */
public final class LedgerTotals {
  /** One cell of the totals: the m² of one kind, for one day, region, partner and grant. */
  public static final class Fact {
    private final LocalDate date;
    private final String region;
    private final String partner;
    private final String grant;
    private final PieceKind kind;
    private final LandUse landUse;
    private final String month;
    private double m2;

    private Fact(LocalDate date, Key key) {
      this.date = date;
      this.region = key.region();
      this.partner = key.partner();
      this.grant = key.grant();
      this.kind = key.kind();
      this.landUse = key.landUse();
      this.month = date.toString().substring(0, 7);
    }

    /** "2024-03". */
    public String month() {
      return month;
    }

    public LocalDate date() {
      return date;
    }

    public String region() {
      return region;
    }

    public String partner() {
      return partner;
    }

    public String grant() {
      return grant;
    }

    public PieceKind kind() {
      return kind;
    }

    /** The land use the releasing event recorded; null when unknown (and for hazard reports). */
    public LandUse landUse() {
      return landUse;
    }
  }

  private record Key(String region, String partner, String grant, PieceKind kind, LandUse landUse) {}

  /** The dimensions the figures are read by, each kept summed per day so that a report adds up days, not cells. */
  public enum Dimension { REGION, PARTNER, GRANT, MONTH, LAND_USE, COUNTRY }

  /**
   * A day's cells (a map to merge into, and a list to scan without allocating) and the same m² summed per region,
   * partner and grant, per kind (PieceKind ordinal).
   */
  private static final class Day {
    final LocalDate date;
    final String month;
    final double[] kindM2 = new double[PieceKind.values().length];
    int events;
    /** The day's events per country their footprints touch (an event across a border counts in each). */
    final Map<String, Integer> eventsByCountry = new HashMap<>(4);
    final Map<Key, Fact> index = new HashMap<>();
    final List<Fact> facts = new ArrayList<>();
    final Map<String, double[]> byRegion = new HashMap<>();
    final Map<String, double[]> byPartner = new HashMap<>();
    final Map<String, double[]> byGrant = new HashMap<>();
    final Map<String, double[]> byLandUse = new HashMap<>();
    final Map<String, double[]> byCountry = new HashMap<>();

    void count(String eventRegions, int n) {
      events += n;
      for (String c : Country.ofRegions(eventRegions)) {
        eventsByCountry.merge(c, n, Integer::sum);
      }
    }

    Day(LocalDate date) {
      this.date = date;
      month = date.toString().substring(0, 7);
    }
  }

  /** Receives each cell of a scan with its m². */
  @FunctionalInterface
  public interface Visitor {
    void visit(Fact fact, double m2);
  }

  private final TreeMap<LocalDate, Day> days = new TreeMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  /** Geodesic area of the current hazards: kept here so that a reader sees it and the totals of the same moment. */
  private double hazardM2;

  /** The approval order the totals hold everything up to (event.applied_seq). */
  private long applied;

  /** Loads the totals of every approval applied up to and including the given order. */
  public void load(List<PieceTotal> pieces, List<DayCount> counts, double hazardAreaM2, long appliedUpTo) {
    lock.writeLock().lock();
    try {
      days.clear();
      hazardM2 = hazardAreaM2;
      applied = appliedUpTo;
      for (PieceTotal p : pieces) {
        add(p.date(), new Key(p.region(), p.partner(), p.grant(), p.kind(), p.landUse()), p.m2());
      }
      for (DayCount c : counts) {
        days.computeIfAbsent(c.date(), Day::new).count(c.regions(), c.events());
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  public long applied() {
    lock.readLock().lock();
    try {
      return applied;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Adds one applied event, its pieces and the change it made to the area of the current hazards. Only the next
   * approval in order is added; one the totals already hold is ignored, and one beyond a gap (another instance
   * applied events in between) is left to {@link #addApplied}, which reads the gap from the database.
   */
  public void addEvent(long appliedSeq, LocalDate date, String partner, String grant, List<PieceRow> pieces,
      double hazardDeltaM2) {
    addEvent(appliedSeq, date, partner, grant, pieces, hazardDeltaM2, null);
  }

  /** As above, with the regions the event's footprint touches (",UA-05,"), which count it in their countries. */
  public void addEvent(long appliedSeq, LocalDate date, String partner, String grant, List<PieceRow> pieces,
      double hazardDeltaM2, String eventRegions) {
    lock.writeLock().lock();
    try {
      if (appliedSeq != applied + 1) {
        return;
      }
      applied = appliedSeq;
      hazardM2 += hazardDeltaM2;
      days.computeIfAbsent(date, Day::new).count(eventRegions, 1);
      for (PieceRow p : pieces) {
        add(date, new Key(p.region(), partner, grant, p.kind(), p.landUse()), p.m2());
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Adds the approvals applied after {@code after} up to {@code upTo}, as another instance applied them: their days,
   * pieces and hazard-area changes. Ignored unless the totals hold exactly everything up to {@code after}.
   */
  public boolean addApplied(long after, long upTo, List<LocalDate> countedOn, double hazardDeltaM2,
      List<PieceTotal> pieces) {
    return addApplied(after, upTo, countedOn, null, hazardDeltaM2, pieces);
  }

  /** As above, with the regions each event's footprint touches (parallel to countedOn; null: not known). */
  public boolean addApplied(long after, long upTo, List<LocalDate> countedOn, List<String> eventRegions,
      double hazardDeltaM2, List<PieceTotal> pieces) {
    lock.writeLock().lock();
    try {
      if (applied != after) {
        return false;
      }
      applied = upTo;
      hazardM2 += hazardDeltaM2;
      for (int i = 0; i < countedOn.size(); i++) {
        days.computeIfAbsent(countedOn.get(i), Day::new).count(eventRegions == null ? null : eventRegions.get(i), 1);
      }
      for (PieceTotal p : pieces) {
        add(p.date(), new Key(p.region(), p.partner(), p.grant(), p.kind(), p.landUse()), p.m2());
      }
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void addTo(Map<String, double[]> sums, String key, PieceKind kind, double m2) {
    sums.computeIfAbsent(key, k -> new double[PieceKind.values().length])[kind.ordinal()] += m2;
  }

  private void add(LocalDate date, Key key, double m2) {
    Day day = days.computeIfAbsent(date, Day::new);
    day.kindM2[key.kind().ordinal()] += m2;
    addTo(day.byRegion, key.region(), key.kind(), m2);
    addTo(day.byPartner, key.partner(), key.kind(), m2);
    addTo(day.byGrant, key.grant(), key.kind(), m2);
    addTo(day.byLandUse, LandUse.key(key.landUse()), key.kind(), m2);
    String country = Country.ofRegion(key.region());
    addTo(day.byCountry, country == null ? key.region() : country, key.kind(), m2);
    Fact fact = day.index.get(key);
    if (fact == null) {
      fact = new Fact(date, key);
      day.index.put(key, fact);
      day.facts.add(fact);
    }
    fact.m2 += m2;
  }

  /** Geodesic area of the current hazards, in m². */
  public double hazardAreaM2() {
    lock.readLock().lock();
    try {
      return hazardM2;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Sums per kind (indexed by PieceKind ordinal) over events dated on or before asOf, with the event count in
   * counts[0] and, in hazardM2[0], the area of the current hazards read at the same moment.
   */
  public double[] kindTotals(LocalDate asOf, int[] eventCount, double[] hazardAreaM2) {
    lock.readLock().lock();
    try {
      double[] out = new double[PieceKind.values().length];
      int events = 0;
      Map<LocalDate, Day> range = asOf == null ? days : days.headMap(asOf, true);
      for (Day day : range.values()) {
        for (int i = 0; i < out.length; i++) {
          out[i] += day.kindM2[i];
        }
        events += day.events;
      }
      eventCount[0] = events;
      hazardAreaM2[0] = hazardM2;
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The events dated on or before asOf (null: all) whose footprints touch a country. */
  public int events(String country, LocalDate asOf) {
    lock.readLock().lock();
    try {
      int n = 0;
      for (Day day : (asOf == null ? days : days.headMap(asOf, true)).values()) {
        n += day.eventsByCountry.getOrDefault(country, 0);
      }
      return n;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The dates of the first and last events that touch a country, or nulls when none does. */
  public LocalDate[] dateRange(String country) {
    lock.readLock().lock();
    try {
      LocalDate[] out = new LocalDate[2];
      for (Day day : days.values()) {
        if (day.eventsByCountry.getOrDefault(country, 0) > 0) {
          out[0] = out[0] == null ? day.date : out[0];
          out[1] = day.date;
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The dates of the first and last events, or nulls for an empty ledger. */
  public LocalDate[] dateRange() {
    lock.readLock().lock();
    try {
      return days.isEmpty() ? new LocalDate[2] : new LocalDate[] {days.firstKey(), days.lastKey()};
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Sums per key of one dimension (a grant key is null for work without a grant), per kind, over the days in
   * [from, to] (either may be null).
   */
  public Map<String, double[]> sumBy(Dimension dimension, LocalDate from, LocalDate to) {
    lock.readLock().lock();
    try {
      Map<String, double[]> out = new HashMap<>();
      for (Day day : range(from, to).values()) {
        if (dimension == Dimension.MONTH) {
          double[] sum = out.computeIfAbsent(day.month, k -> new double[PieceKind.values().length]);
          for (int i = 0; i < sum.length; i++) {
            sum[i] += day.kindM2[i];
          }
          continue;
        }
        Map<String, double[]> sums = switch (dimension) {
          case REGION -> day.byRegion;
          case PARTNER -> day.byPartner;
          case LAND_USE -> day.byLandUse;
          case COUNTRY -> day.byCountry;
          default -> day.byGrant;
        };
        for (var e : sums.entrySet()) {
          double[] sum = out.computeIfAbsent(e.getKey(), k -> new double[PieceKind.values().length]);
          double[] add = e.getValue();
          for (int i = 0; i < sum.length; i++) {
            sum[i] += add[i];
          }
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  private Map<LocalDate, Day> range(LocalDate from, LocalDate to) {
    if (from != null && to != null) {
      return from.isAfter(to) ? Map.of() : days.subMap(from, true, to, true);
    } else if (from != null) {
      return days.tailMap(from, true);
    } else if (to != null) {
      return days.headMap(to, true);
    }
    return days;
  }

  /** Visits every cell dated within [from, to] (either may be null). */
  public void scan(LocalDate from, LocalDate to, Visitor visitor) {
    lock.readLock().lock();
    try {
      for (Day day : range(from, to).values()) {
        for (Fact fact : day.facts) {
          visitor.visit(fact, fact.m2);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
  }
}
