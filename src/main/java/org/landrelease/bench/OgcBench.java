package org.landrelease.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.landrelease.config.ArgumentException;
import org.landrelease.config.Arguments;
import org.landrelease.config.Command;
import org.landrelease.config.Option;

/**
 * Latency of the OGC API over HTTP against a running service (the demo): a page of 1,000 hazards, a walk through every
 * hazard by next links, a bbox, CQL2 attribute and spatial filters, and a reprojected page. Prints a markdown table.
 * Options: {@link #COMMAND} (landrelease bench-ogc --help).
 */
public final class OgcBench {
  private record Case(String name, String path) {}

  static final Option<String> URL = Option.string("url", "the running service", "http://localhost:8080")
      .shownAs("URL");
  static final Option<Integer> RUNS = Option.integer("runs", "timed requests of each case, after 5 warm-ups", 50);
  public static final Command COMMAND = new Command("bench-ogc", """
      Latency of the OGC API over HTTP against a running service (the demo): pages, bbox, CQL2 filters, a
      reprojected page and a walk through every hazard. Prints a markdown table.""", List.of(URL, RUNS));

  private OgcBench() {}

  public static void main(String[] args) throws Exception {
    Arguments a = COMMAND.parse(args);
    int runs = a.get(RUNS);
    if (runs < 1) {
      throw new ArgumentException("--runs must be positive");
    }
    BenchHttp http = new BenchHttp(URI.create(a.get(URL)));
    ObjectMapper json = org.landrelease.service.Json.mapper();
    String items = "/ogc/collections/hazards/items";
    List<Case> cases = List.of(
        new Case("hazards, first page of 1,000", items + "?limit=1000"),
        new Case("hazards, bbox (Kharkiv area), 1,000", items + "?limit=1000&bbox=35.5,49.5,37.5,50.5"),
        new Case("hazards, CQL2 attributes, 1,000", items + "?limit=1000&filter="
            + q("classification = 'CHA' AND area_km2 > 0.5 AND hazard_types LIKE '%UXO%'")),
        new Case("hazards, CQL2 S_INTERSECTS polygon, 1,000", items + "?limit=1000&filter="
            + q("S_INTERSECTS(geometry, POLYGON((36 49, 38 49, 38 50.5, 36 50.5, 36 49)))")),
        new Case("hazards, 1,000 in UTM 37N", items + "?limit=1000&crs="
            + q("http://www.opengis.net/def/crs/EPSG/0/32637")),
        new Case("releases, first page of 1,000", "/ogc/collections/releases/items?limit=1000"),
        new Case("events, first page of 1,000", "/ogc/collections/events/items?limit=1000"));
    System.out.println("| request | runs | features | MB | p50 ms | p99 ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Case c : cases) {
      long[] nanos = new long[runs];
      int features = 0;
      int bytes = 0;
      for (int i = -5; i < runs; i++) {
        BenchHttp.Response r = http.get(c.path());
        if (r.status() != 200) {
          throw new IllegalStateException(c.path() + " answered " + r.status() + ": " + new String(r.body(),
              StandardCharsets.UTF_8));
        }
        if (i >= 0) {
          nanos[i] = r.nanos();
        }
        features = json.readTree(r.body()).get("numberReturned").asInt();
        bytes = r.body().length;
      }
      row(c.name(), runs, features, bytes, BenchStats.latency(nanos));
    }
    walk(http, json, items + "?limit=1000", Math.max(3, runs / 10));
  }

  /** Every hazard by following next links: the latency is that of the whole walk. */
  private static void walk(BenchHttp http, ObjectMapper json, String first, int runs) throws Exception {
    long[] nanos = new long[runs];
    int features = 0, bytes = 0, pages = 0;
    for (int i = -1; i < runs; i++) {
      long total = 0;
      features = 0;
      bytes = 0;
      pages = 0;
      String next = first;
      while (next != null) {
        BenchHttp.Response r = http.get(next);
        JsonNode page = json.readTree(r.body());
        total += r.nanos();
        features += page.get("numberReturned").asInt();
        bytes += r.body().length;
        pages++;
        next = null;
        for (JsonNode l : page.get("links")) {
          if (l.get("rel").asText().equals("next")) {
            next = URI.create(l.get("href").asText()).getRawPath() + "?" + URI.create(l.get("href").asText())
                .getRawQuery();
          }
        }
      }
      if (i >= 0) {
        nanos[i] = total;
      }
    }
    row("hazards, whole walk by next links (" + pages + " pages of ≤1,000)", runs, features, bytes,
        BenchStats.latency(nanos));
  }

  private static void row(String name, int runs, int features, int bytes, BenchStats.Latency l) {
    System.out.printf(java.util.Locale.ROOT, "| %s | %d | %,d | %.1f | %.1f | %.1f |%n", name, runs, features,
        bytes / 1e6, l.p50Ms(), l.p99Ms());
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
