package org.landrelease.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.landrelease.domain.Classification;
import org.landrelease.domain.Country;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.PieceKind;
import org.landrelease.geometry.RegionIndex;
import org.landrelease.geometry.RegionShape;
import org.landrelease.service.LandReleaseReport.LedgerState;
import org.landrelease.service.LandReleaseReport.View;
import org.landrelease.store.TreatyStore;
import org.landrelease.store.TreatyStore.ConfirmedFrom;
import org.landrelease.store.TreatyStore.HazardPieces;
import org.landrelease.store.TreatyStore.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the treaty land-release report from the piece table, by the running totals' own rule: a piece counts from
 * its event_date (the day its event is counted), a reversal as pieces of negative area on its own day. So the ALL
 * view's remaining and released km² equal /api/stats/summary?asOf at the year's two ends.
 */
public final class TreatyReport {
  private static final Logger LOG = LoggerFactory.getLogger(TreatyReport.class);
  private final TreatyStore store;
  private final java.util.function.Supplier<RegionIndex> regions;
  private final ReportService reports;
  private final ZoningService zonings;
  private final Clock clock;

  public TreatyReport(TreatyStore store, java.util.function.Supplier<RegionIndex> regions, ReportService reports, ZoningService zonings,
      Clock clock) {
    this.zonings = zonings;
    this.store = store;
    this.regions = regions;
    this.reports = reports;
    this.clock = clock;
  }

  /**
   * What to report: a year, optionally one region, only hazards with one of some types, and the views. With a zoning
   * the rows are its zones instead of the regions, and {@code region} names one zone of it.
   */
  public record Request(int year, String region, Set<HazardType> hazardTypes, List<TreatyView> views, String zoning,
      String country) {
    public Request(int year, String region, Set<HazardType> hazardTypes, List<TreatyView> views) {
      this(year, region, hazardTypes, views, null, null);
    }

    public Request(int year, String region, Set<HazardType> hazardTypes, List<TreatyView> views, String zoning) {
      this(year, region, hazardTypes, views, zoning, null);
    }
  }

  public LandReleaseReport report(Request r) throws SQLException {
    TreatyStore.Grouping grouping = r.zoning() == null ? TreatyStore.Grouping.REGION
        : TreatyStore.Grouping.zoning(r.zoning());
    Map<String, String> names = r.zoning() == null ? keyNames(r.country()) : zoneNames(r.zoning());
    if (r.region() != null && !names.containsKey(r.region())) {
      throw LedgerException.notFound(r.zoning() == null
          ? "no region '" + r.region() + "'; see GET /api/regions for the codes"
          : "no zone '" + r.region() + "' in zoning '" + r.zoning() + "'; see GET /api/zonings/" + r.zoning())
          .with(r.zoning() == null ? "report.unknownRegion" : "report.unknownZone", "region", r.region(),
              "zoning", r.zoning() == null ? "" : r.zoning());
    }
    TreatyStore.State state = store.state();
    LedgerState ledger = new LedgerState(reports.dataset(), state.appliedUpTo(), state.lastEventSequence(),
        clock.instant());
    Span span = new Span(LocalDate.of(r.year() - 1, 12, 31), LocalDate.of(r.year(), 12, 31), state.appliedUpTo());
    // a country's report reads its own pieces only, so that its total is the country's (one hazard across a border
    // counts in each country's report)
    List<HazardPieces> pieces = withReclassifiedOut(store.hazardPieces(span, grouping, r.region(), r.country()),
        store.confirmedFrom(span));
    List<TreatyStore.Clearance> clearances = store.clearances(span, grouping, r.region(), r.country());
    List<View> views = new ArrayList<>();
    for (TreatyView view : r.views()) {
      TreatyTally tally = new TreatyTally(names);
      for (HazardPieces p : pieces) {
        if (counts(view, r.hazardTypes(), p.types())) {
          tally.add(p);
        }
      }
      for (TreatyStore.Clearance c : clearances) {
        if (counts(view, r.hazardTypes(), c.hazardTypes())) {
          tally.clearance(c.eventSeq(), c.key(), TreatyStore.deviceCounts(c.devicesFound()));
        }
      }
      views.add(new View(view.label(), view.title(), List.copyOf(view.types()), tally.rows(), tally.total()));
    }
    return new LandReleaseReport(r.year(), span.start(), span.end(),
        r.zoning() == null ? grouping.name() : "zone of " + r.zoning(), r.region(),
        List.copyOf(r.hazardTypes()), ledger, views, r.country(),
        r.country() == null ? reports.countries() : List.of(r.country()));
  }

  /** A hazard counts in a view whose types it includes, and, when types are asked for, if it has one of them. */
  private static boolean counts(TreatyView view, Set<HazardType> asked, Set<HazardType> types) {
    if (!view.includes(types)) {
      return false;
    }
    if (asked.isEmpty()) {
      return true;
    }
    Set<HazardType> both = EnumSet.noneOf(HazardType.class);
    both.addAll(types);
    both.retainAll(asked);
    return !both.isEmpty();
  }

  /**
   * Adds, for each reclassified piece, the land its suspected hazard lost: the ledger records only the confirmed
   * side. Without it a suspected hazard would keep confirmed land, and a view would count it twice.
   */
  private static List<HazardPieces> withReclassifiedOut(List<HazardPieces> pieces, List<ConfirmedFrom> sources) {
    Map<Long, ConfirmedFrom> from = new HashMap<>();
    sources.forEach(s -> from.put(s.confirmedHazardId(), s));
    List<HazardPieces> out = new ArrayList<>(pieces);
    for (HazardPieces p : pieces) {
      if (p.kind() != PieceKind.RECLASSIFIED) {
        continue;
      }
      ConfirmedFrom source = from.get(p.hazardId());
      if (source == null) {
        // not found by place (should not happen): the land still moves from SHA to CHA in every figure but the counts
        LOG.warn("no suspected hazard found for confirmed hazard {}", p.hazardId());
        source = new ConfirmedFrom(p.hazardId(), -p.hazardId(), p.types());
      }
      out.add(new HazardPieces(source.suspectedHazardId(), p.key(), Classification.SHA, source.suspectedTypes(),
          PieceKind.RECLASSIFIED, -p.startM2(), -p.endM2(), 0));
    }
    return out;
  }

  /** The regions of the boundary file, whose name_uk a Ukrainian document shows. */
  public List<RegionShape> regionShapes() {
    return regions.get().regions();
  }

  /**
   * Region codes and names, in the boundary file's order, with the land outside every region last; of one country
   * (null: all), its regions only, since the land outside every region is in no country.
   */
  private Map<String, String> keyNames(String country) {
    Map<String, String> names = new LinkedHashMap<>();
    for (RegionShape shape : regions.get().regions()) {
      if (country == null || country.equals(Country.ofRegion(shape.code()))) {
        names.put(shape.code(), shape.name());
      }
    }
    if (country == null) {
      names.put(RegionIndex.UNASSIGNED, "Outside every region");
    }
    return names;
  }

  /** A zoning's zone codes and names, in code order, with the land outside every zone last. */
  private Map<String, String> zoneNames(String zoning) throws SQLException {
    Map<String, String> names = new LinkedHashMap<>();
    for (ZoningService.ZoneRow z : zonings.detail(zoning).zones()) {
      names.put(z.code(), z.name() + (z.zoneClass() == null ? "" : " (" + z.zoneClass() + ")"));
    }
    names.put(org.landrelease.geometry.ZoningIndex.OUTSIDE, "Outside every zone");
    return names;
  }

  /** The device counts of several clearances, summed by type. */
  static Map<HazardType, Integer> sum(Iterable<Map<HazardType, Integer>> counts) {
    Map<HazardType, Integer> out = new EnumMap<>(HazardType.class);
    for (Map<HazardType, Integer> c : counts) {
      c.forEach((t, n) -> out.merge(t, n, Integer::sum));
    }
    return out;
  }
}
