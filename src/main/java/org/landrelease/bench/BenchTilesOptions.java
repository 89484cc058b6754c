package org.landrelease.bench;

import java.nio.file.Path;
import java.util.List;
import org.landrelease.config.ArgumentException;
import org.landrelease.config.Arguments;
import org.landrelease.config.Command;
import org.landrelease.config.Option;

/**
 * Options of the bench-tiles command, each with its default. Exactly one store: --db DIR (H2), --pg-cluster DIR or
 * --db-url URL. The ledger stays there after the run, for the next run to reuse.
 *
 * @param h2Dir         H2 database directory of the ledger (--db DIR), built there or reused
 * @param pgCluster     PostgreSQL cluster directory (--pg-cluster DIR): created when empty, started again when it
 *                      holds the cluster of an earlier run; never deleted
 * @param dbUrl         a PostgreSQL database (--db-url URL; user and password from LEDGER_DB_USER /
 *                      LEDGER_DB_PASSWORD); it must be empty or hold this command's ledger
 * @param hazards       hazard reports in the ledger (--hazards, 1,000,000)
 * @param hazardKm2     their total area (--hazard-km2, 24,387: the reference's land, so a million hazards are about
 *                      20 times smaller than the reference's 50,000)
 * @param releases      release events after the hazards (--releases, 20,000), so the releases layer has content
 * @param seed          generator seed (--seed, 20230101)
 * @param batchSize     events per /api/events/batch request and per /api/reviews approval (--batch, 1000)
 * @param regionsFile   oblast boundaries (--regions, data/ukraine-oblasts.geojson)
 * @param zooms         zooms of the timed tiles (--zooms 6,8,10,12,14)
 * @param tilesPerZoom  distinct tiles per zoom, fewer where the hazards cover fewer (--tiles-per-zoom, 50)
 * @param layers        tile layers timed (--layers hazards,releases,regions)
 * @param warmupTiles   tiles per layer requested at zooms 9, 11 and 13 before the cold pass, so that the cold tiles
 *                      meet a compiled service rather than the interpreter; never the timed tiles (--warmup, 30)
 * @param serverHeap    -Xmx of the service's JVM (--server-heap, 512m: the target)
 * @param serverOptions more options for the service's JVM (--server-opt, repeatable)
 * @param outDir        where tiles-results.md, the tile list, the GC and service logs go (--out, target/bench-tiles)
 * @param buildOnly     build (or check) the ledger and stop (--build-only)
 * @param tiles         time the tiles (false with --no-tiles)
 * @param browser       drive headless chromium over the path (false with --no-browser)
 */
record BenchTilesOptions(Path h2Dir, Path pgCluster, String dbUrl, int hazards, double hazardKm2, int releases,
    long seed, int batchSize, Path regionsFile, List<Integer> zooms, int tilesPerZoom, List<String> layers,
    int warmupTiles, String serverHeap, List<String> serverOptions, Path outDir, boolean buildOnly, boolean tiles,
    boolean browser) {

  static final Option<Path> DB = Option.path("db", "H2 database directory of the ledger, built there or reused",
      null).shownAs("DIR");
  static final Option<Path> PG_CLUSTER = Option.path("pg-cluster",
      "PostgreSQL cluster directory: created when empty, started again when it holds an earlier run's", null)
      .shownAs("DIR");
  static final Option<String> DB_URL = Option.string("db-url", "a PostgreSQL database, empty or holding this"
      + " command's ledger (user and password from LEDGER_DB_USER / LEDGER_DB_PASSWORD)", null).shownAs("URL");
  static final Option<Integer> HAZARDS = Option.integer("hazards", "hazard reports in the ledger", 1_000_000);
  static final Option<Double> HAZARD_KM2 = Option.decimal("hazard-km2", "their total area, km²",
      WorkloadHazards.KM2_PER_50K_HAZARDS);
  static final Option<Integer> RELEASES = Option.integer("releases", "release events after the hazards", 20_000);
  static final Option<Long> SEED = Option.longInteger("seed", "generator seed", 20230101L);
  static final Option<Integer> BATCH = Option.integer("batch", "events per batch request and approval, 1 to 1000",
      1000);
  static final Option<Path> REGIONS = Option.path("regions", "oblast boundaries",
      Path.of("data/ukraine-oblasts.geojson")).shownAs("FILE");
  static final Option<List<Integer>> ZOOMS = Option.integers("zooms", "zooms of the timed tiles",
      List.of(6, 8, 10, 12, 14));
  static final Option<Integer> TILES_PER_ZOOM = Option.integer("tiles-per-zoom", "distinct tiles per zoom", 50);
  static final Option<List<String>> LAYERS = Option.strings("layers", "tile layers timed",
      List.of("hazards", "releases", "regions"));
  static final Option<Integer> WARMUP = Option.integer("warmup",
      "tiles per layer requested at zooms 9, 11 and 13 before the cold pass", 30);
  static final Option<String> SERVER_HEAP = Option.string("server-heap", "-Xmx of the service's JVM", "512m")
      .shownAs("SIZE");
  static final Option<String> SERVER_OPT = Option.string("server-opt", "another option for the service's JVM"
      + " (--server-opt=--x for one that starts with --)", null).repeatable().shownAs("OPT");
  static final Option<Path> OUT = Option.path("out", "where tiles-results.md, the tile list and the logs go",
      Path.of("target/bench-tiles")).shownAs("DIR");
  static final Option<Boolean> BUILD_ONLY = Option.flag("build-only", "build (or check) the ledger and stop");
  static final Option<Boolean> NO_TILES = Option.flag("no-tiles", "do not time the tiles");
  static final Option<Boolean> NO_BROWSER = Option.flag("no-browser", "do not drive headless chromium over the path");

  static final Command COMMAND = new Command("bench-tiles", """
      Builds (or reuses) a ledger of a million hazards in exactly one store (--db, --pg-cluster or --db-url), then
      times vector tiles cold, warm and revalidated, and a browser's path over the map. The ledger stays for the
      next run.""", List.of(DB, PG_CLUSTER, DB_URL, HAZARDS, HAZARD_KM2, RELEASES, SEED, BATCH, REGIONS, ZOOMS,
      TILES_PER_ZOOM, LAYERS, WARMUP, SERVER_HEAP, SERVER_OPT, OUT, BUILD_ONLY, NO_TILES, NO_BROWSER));

  static BenchTilesOptions parse(String[] args) {
    Arguments a = COMMAND.parse(args);
    Path h2 = a.get(DB), cluster = a.get(PG_CLUSTER);
    String url = a.get(DB_URL);
    int hazards = a.get(HAZARDS), releases = a.get(RELEASES), batch = a.get(BATCH), perZoom = a.get(TILES_PER_ZOOM);
    int warmup = a.get(WARMUP);
    double km2 = a.get(HAZARD_KM2);
    if ((h2 != null ? 1 : 0) + (cluster != null ? 1 : 0) + (url != null ? 1 : 0) != 1) {
      throw new ArgumentException("give exactly one store: --db DIR, --pg-cluster DIR or --db-url URL (the"
          + " ledger is kept there for the next run)");
    }
    if (batch < 1 || batch > 1000) {
      throw new ArgumentException("--batch must be 1 to 1000 (the API's batch limit)");
    }
    if (hazards < 1 || releases < 0 || km2 <= 0 || perZoom < 1 || warmup < 0) {
      throw new ArgumentException("--hazards, --hazard-km2 and --tiles-per-zoom must be positive, --releases"
          + " and --warmup not negative");
    }
    return new BenchTilesOptions(h2, cluster, url, hazards, km2, releases, a.get(SEED), batch, a.get(REGIONS),
        a.get(ZOOMS), perZoom, a.get(LAYERS), warmup, a.get(SERVER_HEAP), a.all(SERVER_OPT), a.get(OUT),
        a.get(BUILD_ONLY), !a.get(NO_TILES), !a.get(NO_BROWSER));
  }

  /** The parameters that make the ledger, as written in its marker: a reused ledger must have been built with them. */
  String ledgerKey() {
    return String.format(java.util.Locale.ROOT, "hazards=%d hazardKm2=%.3f releases=%d seed=%d regions=%s", hazards,
        hazardKm2, releases, seed, regionsFile.getFileName());
  }
}
