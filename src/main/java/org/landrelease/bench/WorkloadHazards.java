package org.landrelease.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.landrelease.bench.WorkloadLayout.Hazard;
import org.landrelease.bench.WorkloadShapes.Outline;
import org.landrelease.bench.WorkloadShapes.Shape;
import org.landrelease.geometry.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * Places the suspected hazardous areas: non-overlapping star-shaped polygons of about 111 vertices, each inside one
 * oblast of the east and south, sized log-uniformly and scaled so that 50,000 of them make 24,387 km² (the
 * reference's total). Largest first, which lets random placement pack them without jamming.
 */
final class WorkloadHazards {
  static final double KM2_PER_50K_HAZARDS = 24_387;
  /** Share of the hazard land per oblast: front-line and formerly occupied oblasts first. */
  static final Map<String, Double> REGION_WEIGHTS = new LinkedHashMap<>();

  static {
    REGION_WEIGHTS.put("UA-63", 0.20); // Kharkiv
    REGION_WEIGHTS.put("UA-14", 0.18); // Donetsk
    REGION_WEIGHTS.put("UA-65", 0.15); // Kherson
    REGION_WEIGHTS.put("UA-23", 0.13); // Zaporizhzhia
    REGION_WEIGHTS.put("UA-09", 0.10); // Luhansk
    REGION_WEIGHTS.put("UA-48", 0.08); // Mykolaiv
    REGION_WEIGHTS.put("UA-12", 0.06); // Dnipropetrovsk
    REGION_WEIGHTS.put("UA-59", 0.05); // Sumy
    REGION_WEIGHTS.put("UA-74", 0.03); // Chernihiv
    REGION_WEIGHTS.put("UA-32", 0.02); // Kyiv Oblast
  }

  private static final double MIN_HA = 5, MAX_HA = 200;
  private static final int MAX_ATTEMPTS = 100_000;

  private final WorkloadRegions regions;
  private final SplittableRandom rnd;

  WorkloadHazards(WorkloadRegions regions, SplittableRandom rnd) {
    this.regions = regions;
    this.rnd = rnd;
  }

  /** The placed hazards, and their API bodies in file order. */
  record Placed(WorkloadLayout layout, List<byte[]> bodies) {}

  /** Receives each hazard report as it is placed (largest first), with its position in the workload's file. */
  interface Sink {
    void accept(int position, byte[] body) throws Exception;
  }

  /**
   * Places count hazards, largest first, and writes each one's hazard report at a shuffled position of the file, so
   * that sizes are mixed there; reports are dated 2023-01-01 to 2023-01-09 by position. They make 24,387 km² per
   * 50,000, the reference's density.
   */
  Placed place(int count, WorkloadFunding funding, ObjectMapper mapper) throws Exception {
    byte[][] bodies = new byte[count][];
    WorkloadLayout layout = place(count, KM2_PER_50K_HAZARDS * 1e6 * count / 50_000, funding, mapper,
        (at, body) -> bodies[at] = body);
    return new Placed(layout, Arrays.asList(bodies));
  }

  /**
   * The same hazards handed to the sink one by one instead of kept (a million reports are about 5 GB of JSON), with
   * totalM2 in all: at more than about 100,000 hazards the reference's density no longer fits in the oblasts, so
   * bench-tiles keeps the reference's land and makes the hazards smaller. The same seed, count and area give the same
   * reports in the same order.
   */
  WorkloadLayout place(int count, double totalM2, WorkloadFunding funding, ObjectMapper mapper, Sink sink)
      throws Exception {
    double[] areasM2 = sizes(count, totalM2);
    int[] position = shuffledPositions(count);
    WorkloadLayout layout = new WorkloadLayout();
    for (int i = 0; i < count; i++) {
      Shape s = placeOne(layout, areasM2[i]);
      int at = position[i];
      sink.accept(at, body(s.polygon(), WorkloadFunding.FIRST_DAY.plusDays(9L * at / count), funding, mapper));
    }
    return layout;
  }

  private int[] shuffledPositions(int count) {
    int[] p = new int[count];
    for (int i = 0; i < count; i++) {
      p[i] = i;
    }
    for (int i = count - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private double[] sizes(int count, double totalM2) {
    double[] ha = new double[count];
    double sum = 0;
    for (int i = 0; i < count; i++) {
      ha[i] = Math.exp(Math.log(MIN_HA) + rnd.nextDouble() * Math.log(MAX_HA / MIN_HA));
      sum += ha[i];
    }
    double scale = totalM2 / (sum * 1e4);
    double[] m2 = new double[count];
    for (int i = 0; i < count; i++) {
      m2[i] = ha[i] * 1e4 * scale;
    }
    Arrays.sort(m2);
    for (int i = 0; i < count / 2; i++) {
      double t = m2[i];
      m2[i] = m2[count - 1 - i];
      m2[count - 1 - i] = t;
    }
    return m2;
  }

  private Shape placeOne(WorkloadLayout layout, double areaM2) {
    // a first guess of the outer radius rejects most crowded spots before a polygon is drawn
    double guessM = Math.sqrt(areaM2 / (0.75 * Math.PI));
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      String code = pick(rnd, REGION_WEIGHTS);
      WorkloadRegions.Region region = regions.get(code);
      Envelope env = region.geometry().getEnvelopeInternal();
      double lon = env.getMinX() + rnd.nextDouble() * env.getWidth();
      double lat = env.getMinY() + rnd.nextDouble() * env.getHeight();
      if (!layout.isFree(lon, lat, guessM * 0.9)
          || !region.prepared().covers(Geometries.FACTORY.createPoint(new Coordinate(lon, lat)))) {
        continue;
      }
      Outline outline = new Outline(1000, 1000 * (0.6 + 0.4 * rnd.nextDouble()), rnd.nextDouble() * Math.PI,
          100 + rnd.nextInt(23), 0.75);
      Shape s = WorkloadShapes.star(rnd, lon, lat, outline, areaM2);
      if (layout.isFree(lon, lat, s.maxRadiusM()) && regions.inOnly(code, s.polygon())) {
        layout.add(new Hazard(layout.size(), code, lon, lat, s.minRadiusM(), s.maxRadiusM(), areaM2));
        return s;
      }
    }
    throw new IllegalStateException("could not place hazard " + layout.size() + " of " + areaM2 / 1e4
        + " ha: the oblasts are too full; ask for fewer hazards");
  }

  private byte[] body(Polygon polygon, LocalDate date, WorkloadFunding funding, ObjectMapper mapper)
      throws Exception {
    String partner = funding.pickPartner(rnd).id();
    ObjectNode body = mapper.createObjectNode();
    body.put("id", WorkloadBodies.uuid(rnd));
    body.put("type", "HAZARD_REPORT");
    body.put("date", date.toString());
    body.put("partner", partner);
    body.put("grant", funding.pickGrant(rnd, partner, date).id());
    body.put("classification", "SHA");
    var types = body.putArray("hazardTypes");
    types.add(rnd.nextDouble() < 0.6 ? "AP_MINE" : "UXO");
    if (rnd.nextDouble() < 0.4) {
      types.add(rnd.nextBoolean() ? "AT_MINE" : "CLUSTER_MUNITION");
    }
    body.set("geometry", WorkloadBodies.geometry(mapper, polygon));
    return mapper.writeValueAsBytes(body);
  }

  static <K> K pick(SplittableRandom rnd, Map<K, Double> weights) {
    double u = rnd.nextDouble() * weights.values().stream().mapToDouble(Double::doubleValue).sum();
    K last = null;
    for (var e : weights.entrySet()) {
      u -= e.getValue();
      last = e.getKey();
      if (u < 0) {
        return last;
      }
    }
    return last;
  }
}
