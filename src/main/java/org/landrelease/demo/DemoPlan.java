package org.landrelease.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.landrelease.demo.DemoFunding.PartnerPlan;
import org.landrelease.demo.DemoTrajectory.OblastPlan;
import org.landrelease.demo.DemoTrajectory.YearPlan;
import org.landrelease.domain.Grant;

/**
 * One country's synthetic scenario: what the generator needs to draw it and the loader to load it. Every scenario goes
 * through the same code (DemoHazards, DemoReleases, DemoFunding); only these parameters differ.
 *
 * @param country         ISO 3166-1 code; the regions' codes carry it as their prefix
 * @param regionsFile     the country's first-level regions (Natural Earth admin-1), relative to the project
 * @param dataset         the label the demo's figures carry, saying the data are synthetic
 * @param source          the note the country is loaded with (null for the main country, seeded from its file)
 * @param seed            every draw of the scenario comes from generators seeded with it
 * @param eventIdKey      event ids are name-based UUIDs of this key and the event's position in the file
 * @param scale           linear size of hazards and footprints relative to Ukraine's (1); areas scale by its square
 * @param reportedKm2     land reported at the start, spread over the regions in their order (the last takes the rest)
 * @param regions         where the hazards lie, how many km² each, in processing order
 * @param years           each year's dates and the contaminated land it ends at
 * @param reportsFrom     the hazard reports are dated between reportsFrom and reportsTo
 * @param partners        who does the work, where and which event types
 * @param grants          who pays for it
 * @param nationalPartner the partner that also works without a grant (a national authority or army), null if none
 */
record DemoPlan(String country, Path regionsFile, String dataset, String source, long seed, String eventIdKey,
    double scale, double reportedKm2, List<OblastPlan> regions, List<YearPlan> years, LocalDate reportsFrom,
    LocalDate reportsTo, List<PartnerPlan> partners, List<Grant> grants, String nationalPartner) {

  /** The main scenario, Ukraine, as it always was: its numbers live in DemoTrajectory and DemoFunding. */
  static final DemoPlan UKRAINE = new DemoPlan("UA", Path.of("data/ukraine-oblasts.geojson"), DemoScenario.DATASET,
      null, DemoScenario.SEED, "landrelease-demo-event-", 1, DemoTrajectory.REPORTED_KM2, DemoTrajectory.OBLASTS,
      DemoTrajectory.YEARS, LocalDate.of(2023, 1, 2), LocalDate.of(2023, 1, 31), DemoFunding.PARTNERS,
      DemoFunding.GRANTS, "SESU");

  /** Every scenario of the demo, the main one first. */
  static final List<DemoPlan> ALL = List.of(UKRAINE, DemoLebanon.PLAN);

  /** Where a scenario's files are: the main one in the demo directory, a second country under countries/CODE. */
  Path dir(Path demoDir) {
    return this == UKRAINE ? demoDir : demoDir.resolve(DemoLoader.COUNTRIES_DIR).resolve(country);
  }

  /** m² of Ukraine's scenario are this many m² here. */
  double areaScale() {
    return scale * scale;
  }

  static DemoPlan of(String country) {
    return ALL.stream().filter(p -> p.country.equalsIgnoreCase(country)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo scenario for '" + country + "'; there are "
            + ALL.stream().map(DemoPlan::country).toList()));
  }
}
