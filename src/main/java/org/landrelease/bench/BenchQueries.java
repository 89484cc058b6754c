package org.landrelease.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the read side after the run: the figures, the figures by country (one country's summary and regions, and the
 * cross-country view), and the hazard map in 50 km windows around hazards.
 */
final class BenchQueries {
  /** Latency of one query, and the mean size of its answers (features only for the map). */
  record Stats(String name, BenchStats.Latency latency, double meanBytes, double meanFeatures) {}

  static final double BBOX_KM = 50;
  private static final Pattern RETURNED = Pattern.compile("\"numberReturned\"\\s*:\\s*(\\d+)");

  private BenchQueries() {}

  /** country: the workload's country (the boundary file's), whose figures the country questions ask for. */
  static List<Stats> run(BenchHttp http, List<Workload.Point> hazardCentres, String country, int iterations,
      long seed) throws Exception {
    List<Stats> out = new ArrayList<>();
    out.add(time(http, "summary", () -> "api/stats/summary", iterations));
    for (String by : List.of("region", "partner", "grant", "month")) {
      out.add(time(http, "released by " + by, () -> "api/stats/released?by=" + by, iterations));
    }
    out.add(time(http, "summary of " + country, () -> "api/stats/summary?country=" + country, iterations));
    out.add(time(http, "released by country", () -> "api/stats/released?by=country", iterations));
    out.add(time(http, "released by region of " + country, () -> "api/stats/released?by=region&country=" + country,
        iterations));
    SplittableRandom rnd = new SplittableRandom(seed);
    out.add(time(http, "hazards 50 km bbox", () -> bbox(hazardCentres.get(rnd.nextInt(hazardCentres.size()))),
        iterations));
    return out;
  }

  /** A 50 km square window centred on the point. */
  private static String bbox(Workload.Point c) {
    double halfM = BBOX_KM * 1000 / 2;
    double dLat = halfM / WorkloadShapes.METRES_PER_DEGREE_LAT, dLon = halfM / WorkloadShapes.metresPerDegreeLon(c.lat());
    return String.format(Locale.ROOT, "api/hazards?bbox=%.6f,%.6f,%.6f,%.6f", c.lon() - dLon, c.lat() - dLat,
        c.lon() + dLon, c.lat() + dLat);
  }

  private static Stats time(BenchHttp http, String name, Supplier<String> paths, int iterations) throws Exception {
    for (int i = 0; i < Math.max(20, iterations / 10); i++) {
      check(http.get(paths.get()), name);
    }
    long[] nanos = new long[iterations];
    long bytes = 0, features = 0;
    for (int i = 0; i < iterations; i++) {
      BenchHttp.Response r = check(http.get(paths.get()), name);
      nanos[i] = r.nanos();
      bytes += r.body().length;
      features += features(r.body());
    }
    Stats s = new Stats(name, BenchStats.latency(nanos), (double) bytes / iterations, (double) features / iterations);
    System.out.printf("  %-26s p50 %7.2f ms  p99 %7.2f ms  %,10.0f bytes%n", name, s.latency().p50Ms(),
        s.latency().p99Ms(), s.meanBytes());
    return s;
  }

  private static long features(byte[] body) {
    Matcher m = RETURNED.matcher(new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8));
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static BenchHttp.Response check(BenchHttp.Response r, String name) {
    if (r.status() != 200) {
      throw new IllegalStateException(name + " answered " + r.status() + ": "
          + new String(r.body(), StandardCharsets.UTF_8));
    }
    return r;
  }
}
