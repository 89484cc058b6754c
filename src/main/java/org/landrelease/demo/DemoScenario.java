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
 * Generates the synthetic demonstration scenario in data/demo: funding.json (partners and grants) and
 * events.ndjson.gz (one GeoJSON Feature per event, in date order).
 *
 * <p>The scenario is made up, but it follows Ukraine's published national trajectory ({@link DemoTrajectory}): about
 * 174,000 km² of potentially contaminated land reported at the start of 2023, concentrated in the oblasts that were
 * occupied or on the front line, about 156,000 km² remaining at the end of 2023 and 139,000 km² at the end of 2024,
 * with releases continuing in 2025. Most released land is cancelled by non-technical survey. Partners and grants
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

  static final Option<Path> OUT = Option.path("out", "where funding.json and events.ndjson.gz are written",
      Path.of("data/demo")).shownAs("DIR");
  static final Option<Path> REGIONS = Option.path("regions", "oblast boundaries",
      Path.of("data/ukraine-oblasts.geojson")).shownAs("FILE");
  public static final Command COMMAND = new Command("generate-demo", """
      Generates the synthetic demonstration scenario (deterministic: the same files every time), following Ukraine's
      national land-release trajectory 2023-2025 with Dutch-funded and other partners.""", List.of(OUT, REGIONS));

  private final ObjectMapper mapper = Json.mapper();
  /** Draws of shapes and places; attributes (dates, partners, methods, notes) draw from their own stream. */
  private final SplittableRandom geo = new SplittableRandom(SEED);
  private final SplittableRandom attr = new SplittableRandom(SEED ^ 0x5DEECE66DL);
  private final DemoLedger ledger;
  private List<DemoEvent> reports;
  private final Map<Integer, List<DemoEvent>> releases = new LinkedHashMap<>();

  private DemoScenario(DemoLedger ledger) {
    this.ledger = ledger;
  }

  public static void main(String[] args) throws Exception {
    Arguments a = COMMAND.parse(args);
    Path out = a.get(OUT);
    Path regionsFile = a.get(REGIONS);
    long t0 = System.nanoTime();
    DemoScenario scenario = new DemoScenario(new DemoLedger(RegionBoundaries.read(regionsFile, Json.mapper())));
    scenario.generate();
    scenario.write(out);
    System.out.printf("Generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  /** Hazards first, then each year's releases, then dates, partners and grants for all of them. */
  private void generate() {
    reports = new DemoHazards(ledger, geo, mapper).generate();
    DemoReleases yearly = new DemoReleases(ledger, geo, attr, mapper);
    for (YearPlan year : DemoTrajectory.YEARS) {
      releases.put(year.year(), yearly.generate(year));
    }
    assignDatesAndPartners();
  }

  /** Hazard reports in January 2023; each year's releases spread over its dates, in the order they were drawn. */
  private void assignDatesAndPartners() {
    List<LocalDate> reportDates = DemoCalendar.dates(reports.size(), LocalDate.of(2023, 1, 2),
        LocalDate.of(2023, 1, 31), false, attr);
    for (int k = 0; k < reports.size(); k++) {
      reports.get(k).date = reportDates.get(k);
      DemoFunding.assignPartner(reports.get(k), 0.5, attr);
    }
    for (YearPlan year : DemoTrajectory.YEARS) {
      List<DemoEvent> drafts = releases.get(year.year());
      List<LocalDate> ds = DemoCalendar.dates(drafts.size(), year.first(), year.last(), true, attr);
      for (int k = 0; k < drafts.size(); k++) {
        drafts.get(k).date = ds.get(k);
        DemoFunding.assignPartner(drafts.get(k), 0.95, attr);
      }
    }
  }

  private void write(Path dir) throws Exception {
    List<DemoEvent> all = new ArrayList<>(reports);
    releases.values().forEach(all::addAll);
    Path events = DemoFiles.write(dir, all, mapper);
    DemoSummary.print(reports, releases, all, ledger, events);
  }
}
