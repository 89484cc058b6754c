package org.landrelease.bench;

import java.nio.file.Path;
import java.util.List;
import org.landrelease.config.ArgumentException;
import org.landrelease.config.Arguments;
import org.landrelease.config.Command;
import org.landrelease.config.Option;

/**
 * Options of the bench command, each with its default (declared below, which is also its --help).
 *
 * @param hazards         hazard reports to generate (--hazards, 50,000 as in the reference)
 * @param events          release events to generate (--events, 100,000)
 * @param seed            generator seed (--seed, 20230101)
 * @param clients         client counts, one full run on a fresh database each (--clients 1 or --clients 1,4)
 * @param workloadDir     read the workload from here instead of generating it (--workload DIR)
 * @param writeWorkload   write the generated workload here (--write-workload DIR)
 * @param run             false with --no-run: only generate (and write) the workload
 * @param regionsFile     oblast boundaries (--regions, data/ukraine-oblasts.geojson)
 * @param serverHeap      -Xmx of the service's JVM (--server-heap, 512m: the target)
 * @param serverOptions   more options for the service's JVM (--server-opt, repeatable), e.g. to record a profile;
 *                        "{start}" in one becomes 1, 2, ... for each start of the service, so that the restart does
 *                        not overwrite the first JVM's recording:
 *                        --server-opt -XX:StartFlightRecording=filename=s{start}.jfr
 * @param window          events per reported window (--window N; 0 by default: 10,000, or a third of the events
 *                        in a smaller run, rounded up so that no window is left with a few events)
 * @param queryIterations timed iterations of each query (--queries, 200), after a tenth as many warm-ups
 * @param batchSize       hazard reports per batch request (--batch, 1000: the API's limit)
 * @param outDir          where results.md and the service logs go (--out, target/bench)
 * @param keepDb          keep the databases after the run (--keep-db); they are deleted otherwise
 * @param restartFirst    start and stop the service once on the new database before the run (--restart-first): the
 *                        run then measures a database created by an earlier start, as in production after a restart
 * @param mode            single (--mode single, the default): each event submitted and approved in turn; batch: all
 *                        events submitted first, then approved in POST /api/reviews batches of 1,000
 * @param first           replay only the first N events of the workload (--first N; 0: all), so that a short run
 *                        measures the same events as the start of a long one (event dates depend on --events)
 * @param dbUrl           run the service on this PostgreSQL database (--db-url URL; user and password from
 *                        LEDGER_DB_USER / LEDGER_DB_PASSWORD), null for H2
 * @param pgCluster       start a throwaway PostgreSQL cluster in this directory and run on it (--pg-cluster DIR)
 * @param resetDb         drop the ledger's tables in the --db-url database first (--reset-db); without it a
 *                        database that holds a ledger is refused
 * @param instances       service instances on the one PostgreSQL database (--instances N, 1)
 * @param zonings         synthetic grid zones loaded (three zonings) after the service starts and before the funding,
 *                        hazards and events (--zonings N, 0: none), to measure the write rate with zonings loaded
 * @param backfillZoning  zones of one grid zoning loaded after the replay (--backfill-zoning N, 0: none), to time
 *                        the back-fill of every existing piece
 * @param countries       load every *.geojson of this directory (one country each, named after its code) except the
 *                        boundary file's own country, through POST /api/countries, after the funding and before the
 *                        hazards and events (--countries DIR; null: the boundary file's country only), to measure
 *                        the write rate and the figures with several countries in the ledger
 */
record BenchOptions(int hazards, int events, long seed, List<Integer> clients, Path workloadDir, Path writeWorkload,
    boolean run, Path regionsFile, String serverHeap, List<String> serverOptions, int window, int queryIterations,
    int batchSize, Path outDir, boolean keepDb, boolean restartFirst, Mode mode, int first, String dbUrl,
    Path pgCluster, boolean resetDb, int instances, int zonings, int backfillZoning, Path countries) {

  enum Mode { SINGLE, BATCH }

  static final Option<Integer> HAZARDS = Option.integer("hazards", "hazard reports to generate", 50_000);
  static final Option<Integer> EVENTS = Option.integer("events", "release events to generate", 100_000);
  static final Option<Long> SEED = Option.longInteger("seed", "generator seed", 20230101L);
  static final Option<List<Integer>> CLIENTS = Option.integers("clients",
      "client counts, one full run on a fresh database each", List.of(1));
  static final Option<Mode> MODE = Option.choice("mode",
      "single: each event submitted and approved in turn; batch: all submitted, then approved in batches", Mode.class,
      Mode.SINGLE);
  static final Option<Integer> FIRST = Option.integer("first", "replay only the first N events (0: all)", 0);
  static final Option<Path> WORKLOAD = Option.path("workload", "read the workload from here instead of generating it",
      null).shownAs("DIR");
  static final Option<Path> WRITE_WORKLOAD = Option.path("write-workload", "write the generated workload here", null)
      .shownAs("DIR");
  static final Option<Boolean> NO_RUN = Option.flag("no-run", "only generate (and write) the workload");
  static final Option<Path> REGIONS = Option.path("regions", "oblast boundaries",
      Path.of("data/ukraine-oblasts.geojson")).shownAs("FILE");
  static final Option<String> SERVER_HEAP = Option.string("server-heap", "-Xmx of the service's JVM", "512m")
      .shownAs("SIZE");
  static final Option<String> SERVER_OPT = Option.string("server-opt", "another option for the service's JVM;"
      + " {start} becomes 1, 2, ... per start (--server-opt=--x for one that starts with --)", null).repeatable()
      .shownAs("OPT");
  static final Option<Integer> WINDOW = Option.integer("window", "events per reported window (0: 10,000, or a third"
      + " of a smaller run)", 0);
  static final Option<Integer> QUERIES = Option.integer("queries", "timed iterations of each query", 200);
  static final Option<Integer> BATCH = Option.integer("batch", "hazard reports per batch request, 1 to 1000", 1000);
  static final Option<Path> OUT = Option.path("out", "where results.md and the service logs go",
      Path.of("target/bench")).shownAs("DIR");
  static final Option<Boolean> KEEP_DB = Option.flag("keep-db", "keep the databases after the run");
  static final Option<Boolean> RESTART_FIRST = Option.flag("restart-first",
      "start and stop the service once on the new database before the run");
  static final Option<String> DB_URL = Option.string("db-url", "run on this PostgreSQL database (user and password"
      + " from LEDGER_DB_USER / LEDGER_DB_PASSWORD)", null).shownAs("URL");
  static final Option<Path> PG_CLUSTER = Option.path("pg-cluster",
      "start a throwaway PostgreSQL cluster in this directory and run on it", null).shownAs("DIR");
  static final Option<Boolean> RESET_DB = Option.flag("reset-db",
      "drop the ledger's tables in the --db-url database first");
  static final Option<Integer> INSTANCES = Option.integer("instances",
      "service instances on the one PostgreSQL database", 1);
  static final Option<Integer> ZONINGS = Option.integer("zonings", "load N synthetic grid zones (three zonings of"
      + " different cell sizes) before the hazards and events, to measure the write rate with zonings (0: none)", 0);
  static final Option<Integer> BACKFILL_ZONING = Option.integer("backfill-zoning", "after the replay, load one grid"
      + " zoning of about N zones and time its back-fill of every existing piece (0: none)", 0);
  static final Option<Path> COUNTRIES = Option.path("countries", "load every *.geojson of DIR (DIR/LB.geojson is"
      + " country LB) but the --regions file's own country through POST /api/countries before the hazards and"
      + " events, to measure with several countries loaded", null).shownAs("DIR");

  static final Command COMMAND = new Command("bench", """
      Generates (or reads) the reference workload, runs the service in a child JVM, replays the events over HTTP,
      times the queries, checks the accounts and writes a results table (target/bench/results.md). Run it from the
      project directory, after mvn package.""", List.of(HAZARDS, EVENTS, SEED, CLIENTS, MODE, FIRST, WORKLOAD,
      WRITE_WORKLOAD, NO_RUN, REGIONS, SERVER_HEAP, SERVER_OPT, WINDOW, QUERIES, BATCH, OUT, KEEP_DB, RESTART_FIRST,
      DB_URL, PG_CLUSTER, RESET_DB, INSTANCES, ZONINGS, BACKFILL_ZONING, COUNTRIES));

  static BenchOptions parse(String[] args) {
    Arguments a = COMMAND.parse(args);
    int batch = a.get(BATCH), instances = a.get(INSTANCES);
    String dbUrl = a.get(DB_URL);
    Path pgCluster = a.get(PG_CLUSTER);
    List<Integer> clients = a.get(CLIENTS);
    if (clients.stream().anyMatch(n -> n < 1)) {
      throw new ArgumentException("--clients must be positive, got " + a.get(CLIENTS));
    }
    if (batch < 1 || batch > 1000) {
      throw new ArgumentException("--batch must be 1 to 1000 (the API's batch limit)");
    }
    if (dbUrl != null && pgCluster != null) {
      throw new ArgumentException("--db-url and --pg-cluster exclude each other");
    }
    if (instances < 1 || instances > 1 && dbUrl == null && pgCluster == null) {
      throw new ArgumentException("--instances above 1 needs PostgreSQL (--db-url or --pg-cluster): an H2"
          + " file is open in one process only");
    }
    if (dbUrl != null && !a.get(RESET_DB) && clients.size() > 1) {
      throw new ArgumentException("several --clients runs on one --db-url need --reset-db: each run starts on"
          + " an empty ledger");
    }
    if (a.get(ZONINGS) < 0 || a.get(BACKFILL_ZONING) < 0) {
      throw new ArgumentException("--zonings and --backfill-zoning must be 0 (none) or positive");
    }
    Path countries = a.get(COUNTRIES);
    if (countries != null && !java.nio.file.Files.isDirectory(countries)) {
      throw new ArgumentException("--countries must be a directory of GeoJSON files, one per country: " + countries);
    }
    return new BenchOptions(a.get(HAZARDS), a.get(EVENTS), a.get(SEED), clients, a.get(WORKLOAD),
        a.get(WRITE_WORKLOAD), !a.get(NO_RUN), a.get(REGIONS), a.get(SERVER_HEAP), a.all(SERVER_OPT), a.get(WINDOW),
        a.get(QUERIES), batch, a.get(OUT), a.get(KEEP_DB), a.get(RESTART_FIRST), a.get(MODE), a.get(FIRST), dbUrl,
        pgCluster, a.get(RESET_DB), instances, a.get(ZONINGS), a.get(BACKFILL_ZONING), countries);
  }

  BenchOptions withWindow(int size) {
    return new BenchOptions(hazards, events, seed, clients, workloadDir, writeWorkload, run, regionsFile, serverHeap,
        serverOptions, size, queryIterations, batchSize, outDir, keepDb, restartFirst, mode, first, dbUrl, pgCluster,
        resetDb, instances, zonings, backfillZoning, countries);
  }

  boolean postgres() {
    return dbUrl != null || pgCluster != null;
  }
}
