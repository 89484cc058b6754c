package org.landrelease.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.landrelease.domain.HazardType;

/**
 * The treaty land-release report of one calendar year (APMBC and CCM Article 7): per key (region) and in total, the
 * remaining contamination at the start and at the end of the year, what was added and released in between, and the
 * devices that clearance found. Every row balances: end = start + added − released. Areas are geodesic km². Of one
 * country (country), the rows are its regions and the total is its own; countries names the countries it covers.
 */
public record LandReleaseReport(int year, LocalDate start, LocalDate end, String groupedBy, String region,
    List<HazardType> hazardTypes, LedgerState ledger, List<View> views, String country, List<String> countries) {

  /**
   * The report of every country's land (country null) and the land outside them; countries names those it covers.
   */
  public LandReleaseReport(int year, LocalDate start, LocalDate end, String groupedBy, String region,
      List<HazardType> hazardTypes, LedgerState ledger, List<View> views) {
    this(year, start, end, groupedBy, region, hazardTypes, ledger, views, null, List.of());
  }

  /** The ledger state the figures were computed from, so that anyone can reproduce them. */
  public record LedgerState(String dataset, long appliedUpTo, long lastEventSequence, Instant computedAt) {}

  /** One view (all, apmbc, ccm): a row per key that had anything to report, and the total. */
  public record View(String view, String title, List<HazardType> hazardTypes, List<Row> rows, Row total) {}

  /**
   * One key's figures. In the total, a hazard that lies in several keys counts once; in each key's row it counts in
   * every key where part of it lies. Devices are by type, from the clearances counted in the year.
   */
  public record Row(String code, String name, Remaining start, Added added, Released released, Remaining end,
      Map<HazardType, Integer> devices) {
    public int devicesTotal() {
      return devices.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** A number of hazard areas and their km². */
  public record Areas(int areas, double km2) {}

  /** Remaining contamination on a day: suspected (SHA), confirmed (CHA), and both. */
  public record Remaining(Areas sha, Areas cha, Areas total) {}

  /**
   * Contamination added in the year: new hazard reports, and reclassification, which moves land from SHA to CHA (and,
   * in a treaty view, may bring land in when the confirming report adds a type of the view). km2 is the net.
   */
  public record Added(double reportedKm2, double reclassifiedInKm2, double reclassifiedOutKm2, double km2) {}

  /**
   * Released in the year by outcome. km² are the released km² by the end minus those by the start, so a reversal
   * counts, negative, on the day the ledger counts it; areas are the distinct hazards a release of that outcome
   * counted in the year touched and that were still released at the end of it.
   */
  public record Released(Areas cancelled, Areas reduced, Areas cleared, Areas total) {}
}
