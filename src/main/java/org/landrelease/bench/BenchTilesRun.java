package org.landrelease.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.landrelease.bench.BenchTilesSet.Tile;

/**
 * The measurements of bench-tiles on a built ledger, each on a service started for it (so that nothing is cached):
 * the tiles cold, warm and revalidated; then the browser path. Each service logs its collections, for the heap.
 */
final class BenchTilesRun {
  /**
   * One service start: until it answered, its heap over the run, after a final full GC, others' CPU meanwhile, and
   * from its log the requests it answered 5xx and the OutOfMemoryErrors it logged (H2 closes its database after one,
   * and every later request fails).
   */
  record Served(long startupMs, BenchGcLog heap, double heapAfterGcMb, double otherCores, int serverErrors,
      int outOfMemoryErrors) {}

  /** "INFO http - GET /tiles/hazards/8/154/86.mvt 500 19948 ms": the service's line per request. */
  private static final java.util.regex.Pattern SERVER_ERROR = java.util.regex.Pattern.compile(
      "INFO http - \\S+ \\S+ 5\\d\\d ");

  /** timing and browser are null when skipped, with the reason in timingSkipped / browserSkipped. */
  record Result(List<Tile> tiles, BenchTilesTiming.Result timing, String timingSkipped, Served tilesService,
      BenchTilesPath.Result browser, String browserSkipped, Served browserService) {}

  private final BenchTilesOptions options;
  private final Path jar;
  private final BenchDatabase db;
  private final ObjectMapper mapper;

  BenchTilesRun(BenchTilesOptions options, Path jar, BenchDatabase db, ObjectMapper mapper) {
    this.options = options;
    this.jar = jar;
    this.db = db;
    this.mapper = mapper;
  }

  Result run() throws Exception {
    Files.createDirectories(options.outDir());
    List<Tile> tiles = BenchTilesSet.pick(db, options.zooms(), options.tilesPerZoom(), options.seed());
    int perWarmupZoom = (options.warmupTiles() + 2) / 3;
    List<Tile> warmups = options.warmupTiles() == 0 ? List.of()
        : BenchTilesSet.pick(db, List.of(9, 11, 13), perWarmupZoom, options.seed() + 1);
    BenchTilesSet.write(tiles, options.outDir().resolve("tiles.txt"));
    for (int z : options.zooms()) {
      System.out.printf("  zoom %2d: %d tiles%n", z, tiles.stream().filter(t -> t.z() == z).count());
    }
    System.out.printf("Timed tiles listed in %s%n", options.outDir().resolve("tiles.txt"));
    BenchTilesTiming.Result timing = null;
    String timingSkipped = options.tiles() ? null : "--no-tiles";
    Served tilesService = null;
    if (options.tiles()) {
      Object[] out = new Object[1];
      tilesService = serve("tiles", (base, http) -> {
        BenchHttp.Response tileJson = http.get("tiles/hazards.json");
        if (tileJson.status() != 200) {
          out[0] = "GET /tiles/hazards.json answered " + tileJson.status() + ": this service has no tile API yet";
          return;
        }
        out[0] = BenchTilesTiming.run(http, options.layers(), tiles, warmups, options.seed());
      });
      if (out[0] instanceof BenchTilesTiming.Result r) {
        timing = r;
      } else {
        timingSkipped = (String) out[0];
        System.out.println("Tiles not timed: " + timingSkipped);
      }
    }
    BenchTilesPath.Result browser = null;
    String browserSkipped = options.browser() ? BenchTilesPath.unavailable() : "--no-browser";
    Served browserService = null;
    if (browserSkipped == null) {
      System.out.printf("Browser path: %d steps, %d passes%n", BenchTilesPath.STEPS.size(), BenchTilesPath.PASSES);
      BenchTilesPath.Result[] out = new BenchTilesPath.Result[1];
      browserService = serve("browser", (base, http) -> out[0] = BenchTilesPath.run(base, jar,
          options.outDir().resolve("browser.log"), options.outDir().resolve("browser.json"), mapper));
      browser = out[0];
    } else {
      System.out.println("Browser path not run: " + browserSkipped);
    }
    return new Result(tiles, timing, timingSkipped, tilesService, browser, browserSkipped, browserService);
  }

  /** Work against the service. */
  private interface Work {
    void run(java.net.URI base, BenchHttp http) throws Exception;
  }

  /** Starts the service (-Xmx from the options, a GC log), runs the work, measures the heap, stops it. */
  private Served serve(String name, Work work) throws Exception {
    Path log = options.outDir().resolve("server-" + name + ".log").toAbsolutePath();
    Path gc = options.outDir().resolve("gc-" + name + ".log").toAbsolutePath();
    Files.deleteIfExists(log);
    Files.deleteIfExists(gc);
    List<String> jvm = new ArrayList<>(options.serverOptions());
    // the log file for the heap figures; the service's own log too, where each collection stands among the requests
    jvm.add("-Xlog:gc:file=" + gc);
    jvm.add("-Xlog:gc:stdout");
    long startupMs;
    double afterGc, otherCores;
    try (BenchServer server = BenchServer.start(jar, db, options.serverHeap(), jvm, log)) {
      startupMs = server.startupMs();
      System.out.printf("Service pid %d (-Xmx%s) on %s answered %d ms after its JVM started; log %s%n", server.pid(),
          options.serverHeap(), db.describe(), startupMs, log);
      BenchCpu.Sample before = BenchCpu.sample(server.pid());
      work.run(server.base(), new BenchHttp(server.base()));
      otherCores = BenchCpu.otherCores(before, BenchCpu.sample(server.pid()));
      afterGc = server.heapUsedAfterGcMb();
    }
    BenchGcLog heap = BenchGcLog.read(gc);
    List<String> lines = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    int errors = (int) lines.stream().filter(l -> SERVER_ERROR.matcher(l).find()).count();
    int oom = (int) lines.stream().filter(l -> l.contains("java.lang.OutOfMemoryError")).count();
    System.out.printf("Heap of the %s service: %s; %.0f MB after a final full GC; %d answers 5xx, %d"
        + " OutOfMemoryError in its log%n", name, heap, afterGc, errors, oom);
    return new Served(startupMs, heap, afterGc, otherCores, errors, oom);
  }
}
