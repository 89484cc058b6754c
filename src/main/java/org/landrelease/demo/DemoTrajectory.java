package org.landrelease.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * The national trajectory the demo scenario follows: the km² reported per oblast in January 2023, and the
 * contaminated area (reported − released) each year ends at.
 */
final class DemoTrajectory {
  /** m² per km². */
  static final double KM2 = 1e6;
  /** Reported at the start of 2023. */
  static final double REPORTED_KM2 = 174_000;

  enum Zone { FRONT, NORTH, SOUTH }

  /**
   * An oblast's contamination: the km² reported in January 2023, the direction (east, north) in which it
   * concentrates (the front line or the border), how strongly releases are drawn to it per km² remaining, and the
   * share of its hazards reported as confirmed (CHA).
   */
  record OblastPlan(String code, double km2, double dirEast, double dirNorth, double releaseWeight, double chaShare,
      Zone zone) {}

  /** In processing order: an oblast's shortfall carries over to the next; the last ones have room to spare. */
  static final List<OblastPlan> OBLASTS = List.of(
      new OblastPlan("UA-14", 21_000, 0.8, -0.6, 0.45, 0.35, Zone.FRONT),   // Donetsk
      new OblastPlan("UA-09", 20_500, -0.4, -0.9, 0.05, 0.35, Zone.FRONT),  // Luhansk
      new OblastPlan("UA-63", 22_500, 0.7, -0.7, 2.4, 0.25, Zone.FRONT),    // Kharkiv
      new OblastPlan("UA-23", 19_500, 0.6, -0.8, 0.4, 0.35, Zone.FRONT),    // Zaporizhzhia
      new OblastPlan("UA-65", 20_500, 0.4, -0.9, 1.1, 0.3, Zone.FRONT),     // Kherson
      new OblastPlan("UA-48", 12_500, 1.0, -0.2, 2.8, 0.2, Zone.SOUTH),     // Mykolaiv
      new OblastPlan("UA-59", 11_500, 0.6, 0.8, 1.8, 0.2, Zone.NORTH),      // Sumy
      new OblastPlan("UA-32", 13_000, -0.4, 0.9, 3.8, 0.15, Zone.NORTH),    // Kyiv Oblast (Kyiv City excluded)
      new OblastPlan("UA-18", 3_000, 0.7, 0.7, 3.8, 0.1, Zone.NORTH),       // Zhytomyr
      new OblastPlan("UA-51", 2_000, 1.0, -0.3, 3.0, 0.1, Zone.SOUTH),      // Odesa
      new OblastPlan("UA-53", 2_000, 0.7, 0.7, 3.0, 0.1, Zone.SOUTH),       // Poltava
      new OblastPlan("UA-74", 16_000, 0.2, 1.0, 3.3, 0.15, Zone.NORTH),     // Chernihiv
      new OblastPlan("UA-12", 10_000, 0.7, -0.7, 1.9, 0.2, Zone.SOUTH));    // Dnipropetrovsk

  /** A year of releases: its dates and the contaminated area (reported − released) it ends at. */
  record YearPlan(int year, LocalDate first, LocalDate last, double contaminatedKm2) {}

  static final List<YearPlan> YEARS = List.of(
      new YearPlan(2023, LocalDate.of(2023, 2, 1), LocalDate.of(2023, 12, 31), 156_000),
      new YearPlan(2024, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 12, 31), 139_000),
      new YearPlan(2025, LocalDate.of(2025, 1, 3), LocalDate.of(2025, 11, 14), 125_600));

  private DemoTrajectory() {}
}
