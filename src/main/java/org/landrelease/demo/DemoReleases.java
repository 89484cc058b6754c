package org.landrelease.demo;

import static org.landrelease.demo.DemoTrajectory.KM2;
import static org.landrelease.domain.EventType.CLEARANCE;
import static org.landrelease.domain.EventType.NON_TECHNICAL_SURVEY;
import static org.landrelease.domain.EventType.TECHNICAL_SURVEY;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.landrelease.demo.DemoLedger.Hazard;
import org.landrelease.demo.DemoShapes.Star;
import org.landrelease.demo.DemoTrajectory.OblastPlan;
import org.landrelease.demo.DemoTrajectory.YearPlan;
import org.landrelease.domain.EventType;
import org.landrelease.geometry.GeodesicArea;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A year's releases: drawn one by one, mostly NTS, on hazards of the oblasts that release most, until the land
 * still contaminated reaches the year's figure.
 */
final class DemoReleases {
  /** Clearance footprints are field-sized: 500 ha at most. */
  private static final double MAX_CLEARANCE_M2 = 5 * KM2;
  /** The last release of a year is sized to land within this of the year's target. */
  private static final double TARGET_TOLERANCE_M2 = 0.05 * KM2;
  /** Target shares of the land released in a year: NTS, TS, CLEARANCE. */
  private static final double[] SHARE = {0.81, 0.155, 0.035};
  /** Prior mean km² released per event of each type, before the year has its own figures. */
  private static final double[] PRIOR_KM2 = {20, 4, 0.9};

  /** A footprint sized to a target, and the m² it releases. */
  private record Sized(Polygon polygon, double releasedM2) {}

  private final DemoPlan plan;
  /** The plan's area scale: Ukraine's sizes (the constants above) times this. */
  private final double areaScale;
  private final DemoLedger ledger;
  private final DemoFootprints footprints;
  private final SplittableRandom geo;
  private final SplittableRandom attr;
  /** Land use draws from a stream of its own, so that adding it left every other draw of the scenario as it was. */
  private final SplittableRandom landUse;
  private final ObjectMapper mapper;

  DemoReleases(DemoPlan plan, DemoLedger ledger, SplittableRandom geo, SplittableRandom attr, ObjectMapper mapper) {
    this.plan = plan;
    this.areaScale = plan.areaScale();
    this.ledger = ledger;
    this.footprints = new DemoFootprints(plan, ledger, geo, mapper);
    this.geo = geo;
    this.attr = attr;
    this.landUse = new SplittableRandom(plan.seed() ^ 0x1A4D_05EL);
    this.mapper = mapper;
  }

  /** Draws and applies the year's releases, in the order they were drawn. */
  List<DemoEvent> generate(YearPlan year) {
    List<DemoEvent> drafts = new ArrayList<>();
    double[] byType = new double[3];
    int[] counts = new int[3];
    double target = year.contaminatedKm2() * KM2;
    int failures = 0;
    while (true) {
      double need = ledger.reportedM2() - ledger.releasedM2() - target;
      if (need < TARGET_TOLERANCE_M2 * areaScale) {
        break;
      }
      if (failures > 10_000) {
        throw new IllegalStateException("cannot place more releases in " + year.year());
      }
      Hazard h = pickHazard();
      if (h == null) {
        throw new IllegalStateException("no hazard left to release in " + year.year());
      }
      EventType type = pickType(byType, counts);
      Star star = footprints.draw(type, h);
      Polygon raw = star == null ? null : star.build(1);
      if (raw != null && type == CLEARANCE) {
        double m2 = GeodesicArea.m2(raw);
        if (m2 > MAX_CLEARANCE_M2 * areaScale) { // field-sized: at most 500 ha (in Ukraine)
          star = star.scaled(Math.sqrt(MAX_CLEARANCE_M2 * areaScale / m2) * 0.99);
          raw = star.build(1);
        }
      }
      Geometry footprint = footprints.serviceView(raw);
      if (footprint == null) {
        failures++;
        continue;
      }
      double released = ledger.releaseOf(footprint);
      if (Double.isNaN(released) || released <= 0) {
        failures++;
        continue;
      }
      if (released > need) {
        Sized last = shrinkTo(star, need);
        if (last == null || GeodesicArea.m2(last.polygon()) < 100) {
          break; // within tolerance already, or nothing left to shrink
        }
        raw = last.polygon();
        released = last.releasedM2();
      }
      DemoEvent d = new DemoEvent(type, h.oblast.code(), DemoShapes.geoJson(raw, mapper), null);
      DemoReleaseDetails.describe(d, h.types, released / KM2, attr);
      d.landUse = DemoReleaseDetails.landUse(h.oblast.zone(), landUse);
      d.releasedM2 = ledger.applyRelease(d.parse(mapper).footprint());
      byType[type.ordinal() - 1] += d.releasedM2;
      counts[type.ordinal() - 1]++;
      drafts.add(d);
    }
    return drafts;
  }

  /** The year's last release: shrinks it about its centre until it lands on the target; null if nothing fits. */
  private Sized shrinkTo(Star star, double need) {
    double lo = 0;
    double hi = 1;
    Polygon best = null;
    double bestReleased = 0;
    for (int it = 0; it < 40; it++) {
      double mid = (lo + hi) / 2;
      Polygon p = star.build(mid);
      Geometry view = footprints.serviceView(p);
      double r = view == null ? Double.NaN : ledger.releaseOf(view);
      if (Double.isNaN(r) || r > need) {
        hi = mid;
      } else {
        lo = mid;
        best = p;
        bestReleased = r;
        if (need - r < TARGET_TOLERANCE_M2 * areaScale / 2) {
          break;
        }
      }
    }
    return best == null ? null : new Sized(best, bestReleased);
  }

  /** An oblast by its release weight × land remaining there, then one of its hazards. */
  private Hazard pickHazard() {
    List<OblastPlan> oblasts = plan.regions();
    double total = 0;
    double[] w = new double[oblasts.size()];
    for (int k = 0; k < w.length; k++) {
      OblastPlan o = oblasts.get(k);
      List<Hazard> list = ledger.selectable(o.code());
      if (list != null && !list.isEmpty()) {
        w[k] = o.releaseWeight() * ledger.remainingM2(o.code());
        total += w[k];
      }
    }
    if (total <= 0) {
      return null;
    }
    int k = DemoRandom.weightedIndex(geo, w);
    while (w[k] == 0) {
      k--;
    }
    List<Hazard> list = ledger.selectable(oblasts.get(k).code());
    return list.get(geo.nextInt(list.size()));
  }

  /** A type in proportion to its target share over its mean release, steered to keep the year on its shares. */
  private EventType pickType(double[] byType, int[] counts) {
    double total = byType[0] + byType[1] + byType[2];
    double[] w = new double[3];
    double sum = 0;
    for (int k = 0; k < 3; k++) {
      double mean = (byType[k] + PRIOR_KM2[k] * KM2 * areaScale * 5) / (counts[k] + 5);
      double oneKm2 = KM2 * areaScale;
      double steer = DemoRandom.clamp((SHARE[k] * total + oneKm2) / (byType[k] + oneKm2), 0.5, 2);
      w[k] = SHARE[k] / mean * steer;
      sum += w[k];
    }
    double x = geo.nextDouble(sum);
    return x < w[0] ? NON_TECHNICAL_SURVEY : x < w[0] + w[1] ? TECHNICAL_SURVEY : CLEARANCE;
  }
}
