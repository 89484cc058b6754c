package org.landrelease.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  static final String USAGE = """
      usage: landrelease bench-tiles (--db DIR | --pg-cluster DIR | --db-url jdbc:postgresql://HOST/DB)
                                     [--hazards N] [--hazard-km2 K] [--releases N] [--seed S] [--batch N]
                                     [--regions FILE] [--zooms 6,8,10,12,14] [--tiles-per-zoom N]
                                     [--layers hazards,releases,regions] [--warmup N] [--server-heap 512m]
                                     [--server-opt OPT]... [--out DIR] [--build-only] [--no-tiles] [--no-browser]""";

  static BenchTilesOptions parse(String[] args) {
    Path h2 = null, cluster = null, regions = Path.of("data/ukraine-oblasts.geojson"), out = Path.of("target/bench-tiles");
    String url = null, heap = "512m";
    int hazards = 1_000_000, releases = 20_000, batch = 1000, perZoom = 50, warmup = 30;
    double km2 = WorkloadHazards.KM2_PER_50K_HAZARDS;
    long seed = 20230101L;
    List<Integer> zooms = List.of(6, 8, 10, 12, 14);
    List<String> layers = List.of("hazards", "releases", "regions");
    List<String> serverOptions = new ArrayList<>();
    boolean buildOnly = false, tiles = true, browser = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length && !a.startsWith("--no-") && !a.equals("--build-only")) {
        throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
      }
      switch (a) {
        case "--db" -> h2 = Path.of(args[++i]);
        case "--pg-cluster" -> cluster = Path.of(args[++i]);
        case "--db-url" -> url = args[++i];
        case "--hazards" -> hazards = Integer.parseInt(args[++i]);
        case "--hazard-km2" -> km2 = Double.parseDouble(args[++i]);
        case "--releases" -> releases = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--regions" -> regions = Path.of(args[++i]);
        case "--zooms" -> zooms = List.of(args[++i].split(",")).stream().map(s -> Integer.parseInt(s.trim())).toList();
        case "--tiles-per-zoom" -> perZoom = Integer.parseInt(args[++i]);
        case "--layers" -> layers = List.of(args[++i].split(",")).stream().map(String::trim).toList();
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--server-heap" -> heap = args[++i];
        case "--server-opt" -> serverOptions.add(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--build-only" -> buildOnly = true;
        case "--no-tiles" -> tiles = false;
        case "--no-browser" -> browser = false;
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if ((h2 != null ? 1 : 0) + (cluster != null ? 1 : 0) + (url != null ? 1 : 0) != 1) {
      throw new IllegalArgumentException("give exactly one store: --db DIR, --pg-cluster DIR or --db-url URL (the"
          + " ledger is kept there for the next run)\n" + USAGE);
    }
    if (batch < 1 || batch > 1000) {
      throw new IllegalArgumentException("--batch must be 1 to 1000 (the API's batch limit)");
    }
    if (hazards < 1 || releases < 0 || km2 <= 0 || perZoom < 1 || warmup < 0) {
      throw new IllegalArgumentException("--hazards, --hazard-km2 and --tiles-per-zoom must be positive, --releases"
          + " and --warmup not negative");
    }
    return new BenchTilesOptions(h2, cluster, url, hazards, km2, releases, seed, batch, regions, zooms, perZoom,
        layers, warmup, heap, List.copyOf(serverOptions), out, buildOnly, tiles, browser);
  }

  /** The parameters that make the ledger, as written in its marker: a reused ledger must have been built with them. */
  String ledgerKey() {
    return String.format(java.util.Locale.ROOT, "hazards=%d hazardKm2=%.3f releases=%d seed=%d regions=%s", hazards,
        hazardKm2, releases, seed, regionsFile.getFileName());
  }
}
