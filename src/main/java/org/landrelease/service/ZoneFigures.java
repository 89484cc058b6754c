package org.landrelease.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.landrelease.domain.PieceKind;
import org.landrelease.geometry.ZoneShape;
import org.landrelease.geometry.ZoningIndex;
import org.landrelease.store.ZoningStore;
import org.landrelease.store.ZoningStore.ZoneFact;

/**
 * The ledger's figures per zone of a zoning: sums over piece_zone with the region figures' rules (pieces dated by the
 * day they count from, a reversal a piece of negative area on its own day, reported = ADDED, remaining = reported −
 * released). Their sum over the zones plus 'outside' is the national figure. A zoning's splits are read once per
 * ledger state (the approvals applied and the version of the zonings), summed per zone, kind, day, partner and
 * grant, and every question is answered from them in memory; answers are cached too, so a repeated question costs
 * a map lookup.
 */
public final class ZoneFigures {
  public record ReleasedRow(String key, String name, String zoneClass, double km2, double cancelledKm2,
      double reducedKm2, double clearedKm2) {}

  public record ZoneRow(String code, String name, String zoneClass, double areaKm2, double reportedKm2,
      double remainingKm2, double releasedKm2, double cancelledKm2, double reducedKm2, double clearedKm2) {}

  private record Key(String query, String zoning, LocalDate from, LocalDate to, String partner, String grant,
      long applied, long version) {}

  private static final int CACHED = 512;
  private final ZoningStore store;
  private final ZoningService zonings;
  private final LongSupplier applied;
  private final Map<Key, Object> cache = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
      return size() > CACHED;
    }
  };

  /** applied: the approvals the figures must include (LedgerTotals.applied, level with other instances). */
  public ZoneFigures(ZoningStore store, ZoningService zonings, LongSupplier applied) {
    this.store = store;
    this.zonings = zonings;
    this.applied = applied;
  }

  /** The earlier of two optional dates: released up to 'to' as the ledger stood on 'asOf'. */
  static LocalDate earlier(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  /** Released per zone, by outcome, over [from, min(to, asOf)], of one partner and grant (null for all). */
  public List<ReleasedRow> released(String zoning, LocalDate from, LocalDate to, LocalDate asOf, String partner,
      String grant) throws SQLException {
    return released(zoning, from, to, asOf, partner, grant, false);
  }

  /**
   * Released per class of zone (cropland, forest...: the zoning's classes; 'none' for zones without one, 'outside' for
   * land outside every zone), summed in m² before rounding, so the classes add up to the national figure as the
   * zones do. The rows' key and zoneClass are the class, name is null.
   */
  public List<ReleasedRow> releasedByClass(String zoning, LocalDate from, LocalDate to, LocalDate asOf,
      String partner, String grant) throws SQLException {
    return released(zoning, from, to, asOf, partner, grant, true);
  }

  @SuppressWarnings("unchecked")
  private List<ReleasedRow> released(String zoning, LocalDate from, LocalDate to, LocalDate asOf, String partner,
      String grant, boolean byClass) throws SQLException {
    zonings.catchUp();
    ZoningIndex index = zonings.index(zoning);
    Key key = new Key(byClass ? "released-by-class" : "released", zoning, from, earlier(to, asOf), partner, grant,
        applied.getAsLong(), zonings.version());
    Object hit = cached(key);
    if (hit != null) {
      return (List<ReleasedRow>) hit;
    }
    Map<String, double[]> sums = sums(facts(zoning, key), key.from(), key.to(), partner, grant);
    List<ReleasedRow> out = new ArrayList<>();
    if (byClass) {
      Map<String, double[]> classes = new java.util.TreeMap<>();
      sums.forEach((code, m2) -> {
        ZoneShape z = zone(index, code);
        String zoneClass = z == null ? code : z.zoneClass() == null ? "none" : z.zoneClass();
        double[] sum = classes.computeIfAbsent(zoneClass, k -> new double[m2.length]);
        for (int i = 0; i < m2.length; i++) {
          sum[i] += m2[i];
        }
      });
      classes.forEach((zoneClass, m2) -> {
        double c = m2[PieceKind.CANCELLED.ordinal()], r = m2[PieceKind.REDUCED.ordinal()];
        double cl = m2[PieceKind.CLEARED.ordinal()];
        if (c + r + cl != 0) {
          out.add(new ReleasedRow(zoneClass, null, zoneClass, Km2.of(c + r + cl), Km2.of(c), Km2.of(r), Km2.of(cl)));
        }
      });
      return remember(key, List.copyOf(out));
    }
    sums.forEach((code, m2) -> {
      double c = m2[PieceKind.CANCELLED.ordinal()], r = m2[PieceKind.REDUCED.ordinal()];
      double cl = m2[PieceKind.CLEARED.ordinal()];
      if (c + r + cl != 0) {
        ZoneShape z = zone(index, code);
        out.add(new ReleasedRow(code, name(z), z == null ? null : z.zoneClass(), Km2.of(c + r + cl), Km2.of(c),
            Km2.of(r), Km2.of(cl)));
      }
    });
    return remember(key, List.copyOf(out));
  }

  /** Reported, released and remaining per zone (every zone, and 'outside') as the ledger stood on asOf. */
  @SuppressWarnings("unchecked")
  public List<ZoneRow> zones(String zoning, LocalDate asOf) throws SQLException {
    zonings.catchUp();
    ZoningIndex index = zonings.index(zoning);
    Key key = new Key("zones", zoning, null, asOf, null, null, applied.getAsLong(), zonings.version());
    Object hit = cached(key);
    if (hit != null) {
      return (List<ZoneRow>) hit;
    }
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (ZoneShape z : index.zones()) {
      sums.put(z.code(), new double[PieceKind.values().length]);
    }
    sums.put(ZoningIndex.OUTSIDE, new double[PieceKind.values().length]);
    sums(facts(zoning, key), null, asOf, null, null).forEach((code, m2) -> {
      double[] sum = sums.computeIfAbsent(code, k -> new double[m2.length]);
      for (int i = 0; i < m2.length; i++) {
        sum[i] += m2[i];
      }
    });
    List<ZoneRow> out = new ArrayList<>();
    sums.forEach((code, m2) -> {
      ZoneShape z = zone(index, code);
      double c = m2[PieceKind.CANCELLED.ordinal()], r = m2[PieceKind.REDUCED.ordinal()];
      double cl = m2[PieceKind.CLEARED.ordinal()];
      double reported = m2[PieceKind.ADDED.ordinal()];
      out.add(new ZoneRow(code, name(z), z == null ? null : z.zoneClass(), z == null ? 0 : Km2.of(z.areaM2()),
          Km2.of(reported), Km2.of(reported - c - r - cl), Km2.of(c + r + cl), Km2.of(c), Km2.of(r), Km2.of(cl)));
    });
    return remember(key, List.copyOf(out));
  }

  private static String name(ZoneShape z) {
    return z == null ? "Outside every zone" : z.name();
  }

  private static ZoneShape zone(ZoningIndex index, String code) {
    return index.zone(code);
  }

  /**
   * Sums per zone, per kind (PieceKind ordinal), in code order, of the facts dated within [from, to] of one partner
   * and grant (nulls: all).
   */
  private static Map<String, double[]> sums(List<ZoneFact> facts, LocalDate from, LocalDate to, String partner,
      String grant) {
    Map<String, double[]> out = new TreeMap<>();
    for (ZoneFact f : facts) {
      if ((from == null || !f.date().isBefore(from)) && (to == null || !f.date().isAfter(to))
          && (partner == null || partner.equals(f.partner())) && (grant == null || grant.equals(f.grant()))) {
        out.computeIfAbsent(f.zone(), k -> new double[PieceKind.values().length])[f.kind().ordinal()] += f.m2();
      }
    }
    return out;
  }

  /** A zoning's facts as of one ledger state, read once per state and then held for every question. */
  private record Facts(long applied, long version, List<ZoneFact> facts) {}

  private final Map<String, Facts> facts = new java.util.concurrent.ConcurrentHashMap<>();

  private List<ZoneFact> facts(String zoning, Key key) throws SQLException {
    Facts held = facts.get(zoning);
    if (held != null && held.applied() == key.applied() && held.version() == key.version()) {
      return held.facts();
    }
    synchronized (facts) {
      held = facts.get(zoning);
      if (held == null || held.applied() != key.applied() || held.version() != key.version()) {
        // read after the state was taken: it may hold later approvals too, never fewer
        held = new Facts(key.applied(), key.version(), List.copyOf(store.facts(zoning)));
        facts.put(zoning, held);
      }
      return held.facts();
    }
  }

  private Object cached(Key key) {
    synchronized (cache) {
      return cache.get(key);
    }
  }

  private <T> T remember(Key key, T value) {
    synchronized (cache) {
      cache.put(key, value);
    }
    return value;
  }
}
