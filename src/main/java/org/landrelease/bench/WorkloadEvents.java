package org.landrelease.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.landrelease.bench.WorkloadLayout.Hazard;
import org.landrelease.bench.WorkloadShapes.Outline;
import org.landrelease.bench.WorkloadShapes.Shape;

/**
 * The release events: 85% non-technical survey, 10% technical survey, 5% clearance, dated 2023-01-01 to 2025-12-31 in
 * order. Each is placed against the hazards as first reported (the generator does not track what is already
 * released), so later events meet less and less land: per-event work falls as land runs out, as in the reference.
 */
final class WorkloadEvents {
  /** How an event lies against the hazards; the shares follow the reference workload. */
  enum Placement {
    INSIDE(0.30), EDGE(0.36), TWO_HAZARDS(0.19), ACROSS_BORDER(0.08), MISS(0.07);

    final double share;

    Placement(double share) {
      this.share = share;
    }
  }

  private static final double HA = 1e4, MIN_M2 = 1 * HA, MAX_M2 = 500 * HA;
  /** Mean squared radial factor of an outline with minFactor 0.85: area = K * pi * a * b. */
  private static final double K = 0.86;

  private final WorkloadLayout layout;
  private final WorkloadRegions regions;
  private final WorkloadBorders borders;
  private final SplittableRandom rnd;
  private final Map<Placement, Integer> counts = new EnumMap<>(Placement.class);
  private double footprintM2;

  WorkloadEvents(WorkloadLayout layout, WorkloadRegions regions, WorkloadBorders borders, SplittableRandom rnd) {
    this.layout = layout;
    this.regions = regions;
    this.borders = borders;
    this.rnd = rnd;
  }

  Map<Placement, Integer> counts() {
    return counts;
  }

  /** Sum of the events' footprints, m². */
  double footprintM2() {
    return footprintM2;
  }

  List<byte[]> bodies(int count, WorkloadFunding funding, ObjectMapper mapper) throws Exception {
    long days = ChronoUnit.DAYS.between(WorkloadFunding.FIRST_DAY, WorkloadFunding.LAST_DAY) + 1;
    List<byte[]> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      LocalDate date = WorkloadFunding.FIRST_DAY.plusDays(days * i / count);
      out.add(mapper.writeValueAsBytes(body(date, funding, mapper)));
    }
    return out;
  }

  private ObjectNode body(LocalDate date, WorkloadFunding funding, ObjectMapper mapper) {
    String partner = funding.pickPartner(rnd).id();
    ObjectNode body = mapper.createObjectNode();
    body.put("id", WorkloadBodies.uuid(rnd));
    double u = rnd.nextDouble();
    String type = u < 0.85 ? "NON_TECHNICAL_SURVEY" : u < 0.95 ? "TECHNICAL_SURVEY" : "CLEARANCE";
    body.put("type", type);
    body.put("date", date.toString());
    body.put("partner", partner);
    body.put("grant", funding.pickGrant(rnd, partner, date).id());
    if (type.equals("CLEARANCE")) {
      double m = rnd.nextDouble();
      body.put("method", m < 0.4 ? "MANUAL" : m < 0.7 ? "MECHANICAL" : m < 0.8 ? "MDD" : "COMBINED");
      if (rnd.nextDouble() < 0.5) {
        body.putObject("devicesFound").put("AP_MINE", rnd.nextInt(6)).put("UXO", rnd.nextInt(20));
      }
    }
    Placement placement = WorkloadHazards.pick(rnd, shares());
    Shape shape = place(placement);
    counts.merge(placement, 1, Integer::sum);
    footprintM2 += shape.areaM2();
    body.set("geometry", WorkloadBodies.geometry(mapper, shape.polygon()));
    return body;
  }

  private static Map<Placement, Double> shares() {
    Map<Placement, Double> m = new EnumMap<>(Placement.class);
    for (Placement p : Placement.values()) {
      m.put(p, p.share);
    }
    return m;
  }

  private Shape place(Placement placement) {
    Hazard h = layout.get(rnd.nextInt(layout.size()));
    Shape s = switch (placement) {
      case INSIDE -> inside(h);
      case EDGE -> edge(h);
      case TWO_HAZARDS -> twoHazards(h);
      case ACROSS_BORDER -> acrossBorder();
      case MISS -> miss();
    };
    // every event must meet some oblast, or the service rightly refuses it (422)
    return s != null && !regions.meeting(s.polygon()).isEmpty() ? s : edge(h);
  }

  /** Within the hazard's inner disc: 5-30% of its area, at least 1 ha. */
  private Shape inside(Hazard h) {
    double offsetM = rnd.nextDouble() * 0.1 * h.minRadiusM();
    double[] c = WorkloadShapes.offset(h.lon(), h.lat(), offsetM, rnd.nextDouble() * 2 * Math.PI);
    double areaM2 = Math.max(MIN_M2, (0.05 + 0.25 * rnd.nextDouble()) * h.areaM2());
    for (int tries = 0; tries < 8 && areaM2 >= MIN_M2; tries++, areaM2 *= 0.7) {
      Shape s = WorkloadShapes.star(rnd, c[0], c[1], Outline.round(vertices(), 0.85), areaM2);
      if (offsetM + s.maxRadiusM() < 0.95 * h.minRadiusM()) {
        return s;
      }
    }
    return edge(h);
  }

  /** Centred on the hazard's outline, 1-500 ha: part inside, part outside, or swallowing a small hazard whole. */
  private Shape edge(Hazard h) {
    double[] c = WorkloadShapes.offset(h.lon(), h.lat(), (h.minRadiusM() + h.maxRadiusM()) / 2,
        rnd.nextDouble() * 2 * Math.PI);
    return WorkloadShapes.star(rnd, c[0], c[1], anyOutline(), anyAreaM2());
  }

  /** An ellipse across the gap between a hazard and its nearest neighbour, reaching into both. */
  private Shape twoHazards(Hazard h) {
    Hazard o = layout.nearestNeighbour(h, 1500);
    if (o == null) {
      return edge(h);
    }
    double dx = (o.lon() - h.lon()) * WorkloadShapes.metresPerDegreeLon(h.lat());
    double dy = (o.lat() - h.lat()) * WorkloadShapes.METRES_PER_DEGREE_LAT;
    double distanceM = Math.hypot(dx, dy), angle = Math.atan2(dy, dx);
    double gapM = distanceM - h.maxRadiusM() - o.maxRadiusM();
    double[] c = WorkloadShapes.offset(h.lon(), h.lat(), h.maxRadiusM() + gapM / 2, angle);
    // from the centre to each hazard's inner disc, and some way in
    double reachM = gapM / 2 + Math.max(h.maxRadiusM() - h.minRadiusM(), o.maxRadiusM() - o.minRadiusM())
        + (0.2 + 0.4 * rnd.nextDouble()) * Math.min(h.minRadiusM(), o.minRadiusM());
    double minorM = reachM * (0.3 + 0.4 * rnd.nextDouble());
    double areaM2 = clamp(K * Math.PI * reachM * minorM);
    return WorkloadShapes.star(rnd, c[0], c[1], new Outline(reachM, minorM, angle, vertices(), 0.85), areaM2);
  }

  /** Centred on a border between two oblasts, reaching for the nearest hazard if one is close. */
  private Shape acrossBorder() {
    Workload.Point p = borders.pick(rnd);
    Hazard nearest = null;
    double bestM = Double.MAX_VALUE;
    for (Hazard h : layout.near(p.lon(), p.lat(), 1000)) {
      double d = WorkloadShapes.distanceM(p.lon(), p.lat(), h.lon(), h.lat()) - h.minRadiusM();
      if (d < bestM) {
        nearest = h;
        bestM = d;
      }
    }
    if (nearest == null) {
      return WorkloadShapes.star(rnd, p.lon(), p.lat(), anyOutline(), anyAreaM2());
    }
    double reachM = Math.min(1300, Math.max(150, bestM + (0.2 + 0.4 * rnd.nextDouble()) * nearest.minRadiusM()));
    double minorM = reachM * (0.6 + 0.4 * rnd.nextDouble());
    double angle = Math.atan2((nearest.lat() - p.lat()) * WorkloadShapes.METRES_PER_DEGREE_LAT,
        (nearest.lon() - p.lon()) * WorkloadShapes.metresPerDegreeLon(p.lat()));
    return WorkloadShapes.star(rnd, p.lon(), p.lat(), new Outline(reachM, minorM, angle, vertices(), 0.85),
        clamp(K * Math.PI * reachM * minorM));
  }

  /** In a hazard oblast but clear of every hazard: the survey finds nothing to release. */
  private Shape miss() {
    for (int tries = 0; tries < 500; tries++) {
      WorkloadRegions.Region region = regions.get(WorkloadHazards.pick(rnd, WorkloadHazards.REGION_WEIGHTS));
      var env = region.geometry().getEnvelopeInternal();
      double lon = env.getMinX() + rnd.nextDouble() * env.getWidth();
      double lat = env.getMinY() + rnd.nextDouble() * env.getHeight();
      if (!regions.inUkraine(lon, lat)) {
        continue;
      }
      Shape s = WorkloadShapes.star(rnd, lon, lat, anyOutline(), anyAreaM2());
      if (layout.isFree(lon, lat, s.maxRadiusM())) {
        return s;
      }
    }
    return null;
  }

  private Outline anyOutline() {
    return new Outline(1000, 1000 * (0.5 + 0.5 * rnd.nextDouble()), rnd.nextDouble() * Math.PI, vertices(), 0.8);
  }

  /**
   * 1-500 ha, large ones more often (mean 278 ha): with the small inside and two-hazard events, the footprints then
   * cover about 6x the hazard area over the full run, as in the reference.
   */
  private double anyAreaM2() {
    return MIN_M2 + Math.pow(rnd.nextDouble(), 0.8) * (MAX_M2 - MIN_M2);
  }

  private int vertices() {
    return 20 + rnd.nextInt(181);
  }

  private static double clamp(double m2) {
    return Math.max(MIN_M2, Math.min(MAX_M2, m2));
  }
}
