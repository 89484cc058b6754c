package org.landrelease.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of the bench command, each with its default.
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
 *                        not overwrite the first JVM's recording: --server-opt -XX:StartFlightRecording=filename=s{start}.jfr
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
 */
record BenchOptions(int hazards, int events, long seed, List<Integer> clients, Path workloadDir, Path writeWorkload,
    boolean run, Path regionsFile, String serverHeap, List<String> serverOptions, int window, int queryIterations,
    int batchSize, Path outDir, boolean keepDb, boolean restartFirst, Mode mode, int first, String dbUrl,
    Path pgCluster, boolean resetDb, int instances) {

  enum Mode { SINGLE, BATCH }

  static final String USAGE = """
      usage: landrelease bench [--hazards N] [--events N] [--seed S] [--clients 1|4|1,4] [--mode single|batch]
                               [--first N] [--workload DIR | --write-workload DIR] [--no-run] [--regions FILE]
                               [--server-heap 512m] [--server-opt OPT]... [--window N] [--queries N] [--batch N]
                               [--out DIR] [--keep-db] [--restart-first]
                               [--db-url jdbc:postgresql://HOST/DB [--reset-db] | --pg-cluster DIR] [--instances N]""";

  static BenchOptions parse(String[] args) {
    int hazards = 50_000, events = 100_000, window = 0, queries = 200, batch = 1000, first = 0, instances = 1;
    long seed = 20230101L;
    List<Integer> clients = List.of(1);
    Path workload = null, write = null, regions = Path.of("data/ukraine-oblasts.geojson"), out = Path.of("target/bench");
    Path pgCluster = null;
    String heap = "512m", dbUrl = null;
    List<String> serverOptions = new ArrayList<>();
    boolean run = true, keepDb = false, restartFirst = false, resetDb = false;
    Mode mode = Mode.SINGLE;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--hazards" -> hazards = Integer.parseInt(args[++i]);
        case "--events" -> events = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--clients" -> clients = counts(args[++i]);
        case "--workload" -> workload = Path.of(args[++i]);
        case "--write-workload" -> write = Path.of(args[++i]);
        case "--no-run" -> run = false;
        case "--regions" -> regions = Path.of(args[++i]);
        case "--server-heap" -> heap = args[++i];
        case "--server-opt" -> serverOptions.add(args[++i]);
        case "--window" -> window = Integer.parseInt(args[++i]);
        case "--queries" -> queries = Integer.parseInt(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--keep-db" -> keepDb = true;
        case "--restart-first" -> restartFirst = true;
        case "--mode" -> mode = Mode.valueOf(args[++i].toUpperCase(java.util.Locale.ROOT));
        case "--first" -> first = Integer.parseInt(args[++i]);
        case "--db-url" -> dbUrl = args[++i];
        case "--pg-cluster" -> pgCluster = Path.of(args[++i]);
        case "--reset-db" -> resetDb = true;
        case "--instances" -> instances = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (batch < 1 || batch > 1000) {
      throw new IllegalArgumentException("--batch must be 1 to 1000 (the API's batch limit)");
    }
    if (dbUrl != null && pgCluster != null) {
      throw new IllegalArgumentException("--db-url and --pg-cluster exclude each other");
    }
    if (instances < 1 || instances > 1 && dbUrl == null && pgCluster == null) {
      throw new IllegalArgumentException("--instances above 1 needs PostgreSQL (--db-url or --pg-cluster): an H2"
          + " file is open in one process only");
    }
    if (dbUrl != null && !resetDb && clients.size() > 1) {
      throw new IllegalArgumentException("several --clients runs on one --db-url need --reset-db: each run starts on"
          + " an empty ledger");
    }
    return new BenchOptions(hazards, events, seed, clients, workload, write, run, regions, heap,
        List.copyOf(serverOptions), window, queries, batch, out, keepDb, restartFirst, mode, first, dbUrl, pgCluster,
        resetDb, instances);
  }

  BenchOptions withWindow(int size) {
    return new BenchOptions(hazards, events, seed, clients, workloadDir, writeWorkload, run, regionsFile, serverHeap,
        serverOptions, size, queryIterations, batchSize, outDir, keepDb, restartFirst, mode, first, dbUrl, pgCluster,
        resetDb, instances);
  }

  boolean postgres() {
    return dbUrl != null || pgCluster != null;
  }

  private static List<Integer> counts(String v) {
    List<Integer> out = new ArrayList<>();
    for (String s : v.split(",")) {
      int n = Integer.parseInt(s.trim());
      if (n < 1) {
        throw new IllegalArgumentException("--clients must be positive, got " + n);
      }
      out.add(n);
    }
    return List.copyOf(out);
  }
}
