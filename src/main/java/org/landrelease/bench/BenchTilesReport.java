package org.landrelease.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results of bench-tiles as markdown, against issue 14's targets, printed and written to tiles-results.md. */
final class BenchTilesReport {
  static final double WARM_P50_MS = 10, COLD_P50_MS = 50, COLD_P99_MS = 200, SETTLED_MS = 1000, HEAP_MB = 512;
  static final int COLD_FROM_ZOOM = 10;

  private BenchTilesReport() {}

  static void write(BenchTilesOptions o, String command, BenchDatabase db, BenchTilesLedger.Build build,
      BenchTilesRun.Result r, double seconds) throws Exception {
    StringBuilder md = new StringBuilder();
    line(md, "# bench-tiles, %s", LocalDate.now());
    line(md, "");
    line(md, "`%s` on %d cores, %.1f min; store %s. Ledger: %,d hazard reports of the reference workload's form"
        + " (%,.0f km² in all), %,d releases, seed %d.", command, Runtime.getRuntime().availableProcessors(),
        seconds / 60, db.describe(), o.hazards(), o.hazardKm2(), o.releases(), o.seed());
    if (build == null) {
      line(md, "The ledger was there already: reused, not built.");
    } else {
      line(md, "Built in this run through the service: %,d hazard reports in %.1f min (%,.0f/s), %,d releases in"
          + " %.1f min (%,.0f/s)%s.", build.hazardsSent(), build.hazardSeconds() / 60, build.hazardsPerSecond(),
          build.releasesSent(), build.releaseSeconds() / 60, build.releasesPerSecond(),
          build.firstProblem() == null ? "" : "; first refusal: " + build.firstProblem());
    }
    line(md, "");
    List<String[]> targets = new ArrayList<>();
    tiles(md, o, r, targets);
    browser(md, r, targets);
    heap(md, o, r, targets);
    line(md, "## Targets (issue 14)");
    line(md, "");
    line(md, "| target | measured | |");
    line(md, "|---|---|---|");
    targets.forEach(t -> line(md, "| %s | %s | %s |", t[0], t[1], t[2]));
    String text = md.toString();
    System.out.println();
    System.out.print(text);
    Files.createDirectories(o.outDir());
    Files.writeString(o.outDir().resolve("tiles-results.md"), text, StandardCharsets.UTF_8);
    System.out.println("Written to " + o.outDir().resolve("tiles-results.md"));
  }

  private static void tiles(StringBuilder md, BenchTilesOptions o, BenchTilesRun.Result r, List<String[]> targets) {
    line(md, "## Tiles");
    line(md, "");
    if (r.timing() == null) {
      line(md, "Not timed: %s.", r.timingSkipped());
      line(md, "");
      targets.add(new String[] {"warm tile p50 < 10 ms", "not measured", "–"});
      targets.add(new String[] {"cold tile p50 < 50 ms, p99 < 200 ms at zoom ≥ 10", "not measured", "–"});
      return;
    }
    BenchTilesTiming.Result t = r.timing();
    line(md, "One request at a time with `Accept-Encoding: gzip`; each pass in the same seeded shuffle of all"
        + " layers' tiles. Cold: the first request of the tile since the service started (after %d warm-up tiles at"
        + " zooms 9, 11, 13). Warm: the same again. 304: again with `If-None-Match`. Bytes: tiles with content (200),"
        + " on the wire and decoded. Service answered %.1f s after its JVM started; other processes used %.2f cores."
        + " Errors (neither 200 nor 204, nor 304 on revalidation): %d%s.", t.warmups(),
        r.tilesService().startupMs() / 1e3, r.tilesService().otherCores(), t.errors(),
        t.firstError() == null ? "" : " (first: " + t.firstError() + ")");
    line(md, "");
    line(md, "| layer | zoom | tiles | empty (204) | failed | cold p50 / p99 ms | warm p50 / p99 ms | 304 p50 ms |"
        + " wire kB mean / max | decoded kB mean / max |");
    line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    List<String> layers = o.layers();
    List<Integer> zooms = t.samples().stream().map(s -> s.tile().z()).distinct().sorted().toList();
    List<String> pooled = new ArrayList<>(layers);
    pooled.add("all");
    for (String layer : pooled) {
      for (int z : layer.equals("all") ? List.<Integer>of() : zooms) {
        row(md, BenchTilesTiming.row(t.samples(), layer, String.valueOf(z), zoom -> zoom == z));
      }
      row(md, BenchTilesTiming.row(t.samples(), layer, "≥ " + COLD_FROM_ZOOM, z -> z >= COLD_FROM_ZOOM));
      row(md, BenchTilesTiming.row(t.samples(), layer, "all", z -> true));
    }
    line(md, "");
    // each layer on its own: pooled, the regions' small tiles would hide the hazards' large ones
    for (String layer : pooled) {
      String name = layer.equals("all") ? "all layers pooled" : layer;
      BenchTilesTiming.Row all = BenchTilesTiming.row(t.samples(), layer, "all", z -> true);
      targets.add(target("warm tile p50 < 10 ms, " + name, all.warm().p50Ms(), WARM_P50_MS, "ms"));
      BenchTilesTiming.Row high = BenchTilesTiming.row(t.samples(), layer, "≥ 10", z -> z >= COLD_FROM_ZOOM);
      if (high != null) {
        targets.add(target("cold tile p50 < 50 ms at zoom ≥ 10, " + name, high.cold().p50Ms(), COLD_P50_MS, "ms"));
        targets.add(target("cold tile p99 < 200 ms at zoom ≥ 10, " + name, high.cold().p99Ms(), COLD_P99_MS, "ms"));
      }
    }
  }

  private static void row(StringBuilder md, BenchTilesTiming.Row w) {
    if (w == null) {
      return;
    }
    line(md, "| %s | %s | %d | %d | %d | %.1f / %.1f | %.2f / %.2f | %.2f | %.1f / %.1f | %.1f / %.1f |", w.layer(),
        w.zooms(), w.tiles(), w.empty(), w.failed(), w.cold().p50Ms(), w.cold().p99Ms(), w.warm().p50Ms(), w.warm().p99Ms(),
        w.revalidate().p50Ms(), w.meanWireBytes() / 1e3, w.maxWireBytes() / 1e3, w.meanRawBytes() / 1e3,
        w.maxRawBytes() / 1e3);
  }

  private static void browser(StringBuilder md, BenchTilesRun.Result r, List<String[]> targets) {
    line(md, "## Browser path");
    line(md, "");
    if (r.browser() == null) {
      line(md, "Not run: %s.", r.browserSkipped());
      line(md, "");
      targets.add(new String[] {"settled map < 1 s per step", "not measured", "–"});
      return;
    }
    BenchTilesPath.Result b = r.browser();
    line(md, "Headless chromium (1280×800), the %s client, opened in %.1f s. Each step moves the map (animated) and"
        + " waits until nothing loads for 600 ms; the time is to the end of the last load. Pass 1 on a service just"
        + " started and a new browser profile, pass 2 the same path again. Long frames: requestAnimationFrame gaps over"
        + " 50 ms; dropped: frames of 1/60 s missed in all gaps. Errors in the page: %s.", b.client(),
        b.openMs() / 1e3, b.pageErrors().isEmpty() ? "none" : b.pageErrors().size() + ", the first: "
            + b.pageErrors().get(0));
    line(md, "");
    line(md, "| step | zoom | settled ms, pass 1 / 2 | requests (tiles, failed) | kB | long frames | dropped frames |"
        + " longest frame ms |");
    line(md, "|---|---:|---:|---:|---:|---:|---:|---:|");
    double worst = 0;
    int missed = 0, failedSteps = 0;
    List<JsonNode> first = b.passes().get(0);
    for (int i = 0; i < first.size(); i++) {
      JsonNode s = first.get(i);
      JsonNode again = b.passes().size() > 1 ? b.passes().get(1).get(i) : null;
      double ms = s.path("settleMs").asDouble();
      worst = Math.max(worst, ms);
      // a step whose requests failed settled on errors, not on a map
      failedSteps += s.path("failedRequests").asInt() > 0 ? 1 : 0;
      missed += ms >= SETTLED_MS || s.path("timedOut").asBoolean() || s.path("failedRequests").asInt() > 0 ? 1 : 0;
      line(md, "| %s | %d | %.0f%s / %s | %d (%d, %d) | %.0f | %d | %d | %.0f |", s.path("name").asText(),
          s.path("zoom").asInt(), ms, s.path("timedOut").asBoolean() ? " (timed out)" : "",
          again == null ? "–" : String.format(Locale.ROOT, "%.0f", again.path("settleMs").asDouble()),
          s.path("requests").asInt(), s.path("tileRequests").asInt(), s.path("failedRequests").asInt(),
          s.path("kilobytes").asDouble(),
          s.path("longFrames").asInt(), s.path("droppedFrames").asInt(), s.path("maxFrameGapMs").asDouble());
    }
    line(md, "");
    String measured = String.format(Locale.ROOT, "slowest step %.0f ms (pass 1); %d of %d steps at 1 s or more"
        + " or with failed requests (%d)", worst, missed, first.size(), failedSteps);
    targets.add(new String[] {"settled map < 1 s per step", measured, missed == 0 ? "met"
        : String.format(Locale.ROOT, "**missed** by %.0f ms at worst", worst - SETTLED_MS)});
  }

  private static void heap(StringBuilder md, BenchTilesOptions o, BenchTilesRun.Result r, List<String[]> targets) {
    line(md, "## Service heap");
    line(md, "");
    double peak = 0;
    boolean full = false;
    int oom = 0;
    for (var s : new Object[][] {{"tiles", r.tilesService()}, {"browser", r.browserService()}}) {
      if (s[1] instanceof BenchTilesRun.Served served) {
        line(md, "- %s run: %s; %.0f MB after a final full GC; the service answered %d requests with 5xx and"
            + " logged %d OutOfMemoryError.", s[0], served.heap(), served.heapAfterGcMb(), served.serverErrors(),
            served.outOfMemoryErrors());
        peak = Math.max(peak, served.heap().peakUsedMb());
        full |= served.heap().outOfMemory() || served.outOfMemoryErrors() > 0;
        oom += served.outOfMemoryErrors();
      }
    }
    line(md, "");
    String measured = String.format(Locale.ROOT, "peak %.0f MB in use (GC logs)%s%s", peak,
        full ? ", and the heap ran full" : "", oom > 0 ? "; " + oom + " OutOfMemoryError" : "");
    targets.add(new String[] {"service heap ≤ 512 MB (run with -Xmx" + o.serverHeap() + ")",
        peak == 0 ? "not measured" : measured,
        peak == 0 ? "–" : !full && peak <= HEAP_MB ? "met" : "**missed**"});
  }

  private static String[] target(String name, double value, double limit, String unit) {
    return new String[] {name, String.format(Locale.ROOT, "%.1f %s", value, unit), value < limit ? "met"
        : String.format(Locale.ROOT, "**missed** by %.1f %s (%.1f×)", value - limit, unit, value / limit)};
  }

  private static void line(StringBuilder md, String format, Object... args) {
    md.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
