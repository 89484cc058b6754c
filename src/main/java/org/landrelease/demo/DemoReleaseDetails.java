package org.landrelease.demo;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.landrelease.domain.EventType;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.LandUse;

/** What a release records besides its footprint: the clearance method, the devices found, notes and land use. */
final class DemoReleaseDetails {
  private DemoReleaseDetails() {}

  /** Fills in a release that took releasedKm2 from a hazard of these types. */
  static void describe(DemoEvent d, Set<HazardType> hazardTypes, double releasedKm2, SplittableRandom attr) {
    if (d.type == EventType.CLEARANCE) {
      d.method = DemoRandom.pick(attr, new String[] {"MANUAL", "MECHANICAL", "MDD", "COMBINED"},
          new double[] {0.35, 0.3, 0.1, 0.25});
      d.devices = devices(hazardTypes, releasedKm2, attr);
    }
    d.notes = notes(d.type, attr);
  }

  /**
   * The land's use after release as a completion report would record it. Synthetic, but plausible: in the south and
   * east (the front-line and southern oblasts, Ukraine's grain belt) most released land is farmland; in the forested
   * north (Chernihiv, Kyiv, Zhytomyr, Sumy) forest takes a large share. About one report in ten records none.
   */
  static String landUse(DemoTrajectory.Zone zone, SplittableRandom r) {
    if (r.nextDouble() < 0.1) {
      return null;
    }
    double[] weights = zone == DemoTrajectory.Zone.NORTH
        ? new double[] {0.40, 0.14, 0.10, 0.28, 0.03, 0.05}
        : new double[] {0.68, 0.09, 0.09, 0.07, 0.03, 0.04};
    return DemoRandom.pick(r, LAND_USES, weights);
  }

  private static final String[] LAND_USES = Arrays.stream(LandUse.values()).map(Enum::name).toArray(String[]::new);

  /** Devices found by a clearance, more where more land was cleared; null when nothing was found. */
  private static Map<HazardType, Integer> devices(Set<HazardType> types, double km2, SplittableRandom attr) {
    if (attr.nextDouble() < 0.2) {
      return null; // nothing found
    }
    Map<HazardType, Integer> out = new EnumMap<>(HazardType.class);
    for (HazardType t : types) {
      double lambda = switch (t) {
        case AP_MINE -> 1 + 12 * km2;
        case AT_MINE -> 0.5 + 4 * km2;
        case CLUSTER_MUNITION -> 1 + 8 * km2;
        case UXO -> 2 + 15 * km2;
        case IED -> 0.2 + km2;
        case OTHER -> 0.3;
      };
      int count = DemoRandom.poisson(attr, Math.min(lambda, 80));
      if (count > 0) {
        out.put(t, count);
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static String notes(EventType type, SplittableRandom r) {
    if (r.nextDouble() > 0.3) {
      return null;
    }
    String[] options = switch (type) {
      case NON_TECHNICAL_SURVEY -> new String[] {
          "Synthetic: no evidence of explosive ordnance after community liaison; area cancelled.",
          "Synthetic: land in use by farmers since 2022 without accidents; cancelled.",
          "Synthetic: SHA boundary redrawn after NTS; outer part cancelled."};
      case TECHNICAL_SURVEY -> new String[] {
          "Synthetic: technical survey with mechanical assets; no contamination in reduced part.",
          "Synthetic: TS lanes negative; area reduced, confirmed part remains."};
      default -> new String[] {
          "Synthetic: cleared to 30 cm and handed over to the community.",
          "Synthetic: agricultural field cleared and released for sowing.",
          "Synthetic: roadside verge cleared."};
    };
    return options[r.nextInt(options.length)];
  }
}
