package org.landrelease.demo;

import static org.landrelease.domain.EventType.CLEARANCE;
import static org.landrelease.domain.EventType.NON_TECHNICAL_SURVEY;
import static org.landrelease.domain.EventType.TECHNICAL_SURVEY;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.landrelease.demo.DemoFunding.PartnerPlan;
import org.landrelease.demo.DemoTrajectory.OblastPlan;
import org.landrelease.demo.DemoTrajectory.YearPlan;
import org.landrelease.demo.DemoTrajectory.Zone;
import org.landrelease.domain.EventType;
import org.landrelease.domain.Grant;

/**
 * The demo's second country: Lebanon, SYNTHETIC. The six governorates are Natural Earth's real admin-1 boundaries;
 * every hazard and event is made up. It exists to show one donor (the Netherlands) funding work in two countries: a
 * few hundred events, hazards mostly in the south (Nabatieh and South Lebanon, near the Blue Line), released by MAG on
 * a Dutch grant, by NPA on a Norwegian one and by the Lebanese army's engineers without a grant. The figures follow no
 * published trajectory; their sizes are Ukraine's scenario scaled down (hazards of about 1 km², clearance tasks of a
 * few hectares).
 */
final class DemoLebanon {
  static final String SOURCE = "synthetic scenario on Natural Earth admin-1 boundaries; the events are made up";
  static final String DATASET = "synthetic scenario (not real data): Lebanon land release 2023-2025 on Natural Earth "
      + "admin-1 boundaries, the events made up; MAG on a Dutch grant, NPA on a Norwegian one, the army's engineers";

  /** The last governorate takes what the others leave of the total, so it comes last. */
  static final List<OblastPlan> GOVERNORATES = List.of(
      new OblastPlan("LB-JL", 2.5, 0.0, -1.0, 1.5, 0.3, Zone.SOUTH),   // Mount Lebanon: the Chouf, in its south
      new OblastPlan("LB-BI", 4.5, 0.3, -1.0, 1.2, 0.3, Zone.SOUTH),   // Beqaa: West Beqaa, in its south
      new OblastPlan("LB-NA", 19, 0.3, -1.0, 1.0, 0.4, Zone.FRONT),    // Nabatieh
      new OblastPlan("LB-JA", 24, 0.4, -0.9, 1.0, 0.4, Zone.FRONT));   // South Lebanon

  static final List<YearPlan> YEARS = List.of(
      new YearPlan(2023, LocalDate.of(2023, 3, 1), LocalDate.of(2023, 12, 22), 41),
      new YearPlan(2024, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 12, 20), 32),
      new YearPlan(2025, LocalDate.of(2025, 1, 6), LocalDate.of(2025, 11, 14), 22));

  private static final Set<EventType> ALL = EnumSet.allOf(EventType.class);
  private static final Set<String> SOUTH = Set.of("LB-JA", "LB-NA");

  static final List<PartnerPlan> PARTNERS = List.of(
      new PartnerPlan("MAG", "Mines Advisory Group (MAG)", 2.5, Set.of("LB-JA", "LB-NA", "LB-BI"), ALL),
      new PartnerPlan("NPA", "Norwegian People's Aid (NPA)", 1.2, SOUTH,
          EnumSet.of(NON_TECHNICAL_SURVEY, TECHNICAL_SURVEY, CLEARANCE)),
      new PartnerPlan("LAF", "Lebanese Armed Forces, Engineering Regiment", 1.0, Set.of(), ALL));

  static final List<Grant> GRANTS = List.of(
      new Grant("NL-MAG-LB", "Netherlands", "MAG", "Humanitarian mine action in southern Lebanon (synthetic scenario)",
          BigDecimal.valueOf(4_500_000), "EUR", LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31)),
      new Grant("NO-NPA-LB", "Norway", "NPA", "Cluster munition survey and clearance in South Lebanon (synthetic "
          + "scenario)", BigDecimal.valueOf(3_000_000), "EUR", LocalDate.of(2023, 4, 1), LocalDate.of(2025, 12, 31)));

  static final DemoPlan PLAN = new DemoPlan("LB", Path.of("data/countries/LB.geojson"), DATASET, SOURCE,
      0x1B_2023_0050L, "landrelease-demo-LB-event-", 0.12, 50, GOVERNORATES, YEARS, LocalDate.of(2023, 1, 3),
      LocalDate.of(2023, 2, 28), PARTNERS, GRANTS, "LAF");

  private DemoLebanon() {}
}
