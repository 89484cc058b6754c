package org.landrelease.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.landrelease.config.Arguments;
import org.landrelease.config.Command;
import org.landrelease.config.Option;
import org.landrelease.demo.DemoTrajectory.YearPlan;
import org.landrelease.geometry.RegionBoundaries;
import org.landrelease.service.Json;

/**
 * Generates the synthetic demonstration scenarios in data/demo: per country funding.json (partners and grants) and
 * events.ndjson.gz (one GeoJSON Feature per event, in date order); the main one, Ukraine, in data/demo itself, a
 * second country (Lebanon, {@link DemoLebanon}) in data/demo/countries/LB. Each scenario is one {@link DemoPlan} and
 * goes through the same code.
 *
 * <p>Ukraine's scenario is made up, but it follows Ukraine's published national trajectory ({@link DemoTrajectory}):
 * about 174,000 km² of potentially contaminated land reported at the start of 2023, concentrated in the oblasts that
 * were occupied or on the front line, about 156,000 km² remaining at the end of 2023 and 139,000 km² at the end of
 * 2024, with releases continuing in 2025. Most released land is cancelled by non-technical survey. Partners and grants
 * follow the Dutch funding of mine action in Ukraine ({@link DemoFunding}).
 *
 * <p>Everything is deterministic (fixed seeds). To land on the yearly figures, the generator runs the ledger's own
 * arithmetic while it writes ({@link DemoLedger}): it keeps every hazard's current geometry, counts a release as the
 * geodesic area of hazard ∩ footprint and replaces the hazard by hazard − footprint, with the same overlay and area
 * classes as the service. Each event body is parsed with the service's own parser before it is written, so a refused
 * event is an error here, not at load time.
 *
 * <p>Options: {@link #COMMAND} (landrelease generate-demo --help).
 */
public final class DemoScenario {
  static final long SEED = 0x1A7D_2023_0174L;
  static final String DATASET = "synthetic demonstration scenario (not real data): "
      + "Ukraine land release 2023-2025 following the national trajectory, Dutch-funded and other partners";

  static final Option<Path> OUT = Option.path("out", "the demo directory: the main scenario (Ukraine) is written "
      + "there, a second country's under countries/CODE", Path.of("data/demo")).shownAs("DIR");
  static final Option<List<String>> COUNTRY = Option.strings("country", "the scenarios to generate",
      List.of("UA", "LB")).shownAs("CODE,...");
  static final Option<Path> REGIONS = Option.path("regions", "the country's boundaries (default: its file in data/; "
      + "with one --country only)", null).shownAs("FILE");
  public static final Command COMMAND = new Command("generate-demo", """
      Generates the synthetic demonstration scenarios (deterministic: the same files every time): Ukraine, following
      its national land-release trajectory 2023-2025 with Dutch-funded and other partners, and a smaller synthetic
      Lebanon on Natural Earth's governorates, with a Dutch-funded partner too.""", List.of(OUT, COUNTRY, REGIONS));

  private final ObjectMapper mapper = Json.mapper();
  private final DemoPlan plan;
  /** Draws of shapes and places; attributes (dates, partners, methods, notes) draw from their own stream. */
  private final SplittableRandom geo;
  private final SplittableRandom attr;
  private final DemoLedger ledger;
  private List<DemoEvent> reports;
  private final Map<Integer, List<DemoEvent>> releases = new LinkedHashMap<>();

  private DemoScenario(DemoPlan plan, DemoLedger ledger) {
    this.plan = plan;
    this.ledger = ledger;
    this.geo = new SplittableRandom(plan.seed());
    this.attr = new SplittableRandom(plan.seed() ^ 0x5DEECE66DL);
  }

  public static void main(String[] args) throws Exception {
    Arguments a = COMMAND.parse(args);
    List<DemoPlan> plans = a.get(COUNTRY).stream().map(DemoPlan::of).toList();
    if (a.get(REGIONS) != null && plans.size() != 1) {
      throw new IllegalArgumentException("--regions needs one --country: whose boundaries are they?");
    }
    for (DemoPlan plan : plans) {
      long t0 = System.nanoTime();
      Path regionsFile = a.get(REGIONS) != null ? a.get(REGIONS) : plan.regionsFile();
      DemoScenario scenario = new DemoScenario(plan, new DemoLedger(
          RegionBoundaries.read(regionsFile, Json.mapper()), DemoLedger.MIN_SELECTABLE_M2 * plan.areaScale()));
      scenario.generate();
      scenario.write(plan.dir(a.get(OUT)), regionsFile);
      System.out.printf("%s generated in %.1f s%n", plan.country(), (System.nanoTime() - t0) / 1e9);
    }
  }

  /** Hazards first, then each year's releases, then dates, partners and grants for all of them. */
  private void generate() {
    reports = new DemoHazards(plan, ledger, geo, mapper).generate();
    DemoReleases yearly = new DemoReleases(plan, ledger, geo, attr, mapper);
    for (YearPlan year : plan.years()) {
      releases.put(year.year(), yearly.generate(year));
    }
    assignDatesAndPartners();
  }

  /** Hazard reports first; each year's releases spread over its dates, in the order they were drawn. */
  private void assignDatesAndPartners() {
    List<LocalDate> reportDates = DemoCalendar.dates(reports.size(), plan.reportsFrom(), plan.reportsTo(), false,
        attr);
    for (int k = 0; k < reports.size(); k++) {
      reports.get(k).date = reportDates.get(k);
      DemoFunding.assignPartner(plan, reports.get(k), 0.5, attr);
    }
    for (YearPlan year : plan.years()) {
      List<DemoEvent> drafts = releases.get(year.year());
      List<LocalDate> ds = DemoCalendar.dates(drafts.size(), year.first(), year.last(), true, attr);
      for (int k = 0; k < drafts.size(); k++) {
        drafts.get(k).date = ds.get(k);
        DemoFunding.assignPartner(plan, drafts.get(k), 0.95, attr);
      }
    }
  }

  private void write(Path dir, Path regionsFile) throws Exception {
    List<DemoEvent> all = new ArrayList<>(reports);
    releases.values().forEach(all::addAll);
    Path events = DemoFiles.write(plan, dir, regionsFile, all, mapper);
    DemoSummary.print(plan, reports, releases, all, ledger, events);
  }
}
