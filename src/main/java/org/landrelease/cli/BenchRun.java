package org.landrelease.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One full run on a fresh database: start the service, load funding and hazards, replay the events, check. */
final class BenchRun {
  /** The read side and the restart, measured after the first run only. */
  record Reads(List<BenchQueries.Stats> queries, double heapUsedMb, double residentMb, long restartMs,
      BenchAccounting.Check afterRestart) {}

  record Result(int clients, long freshStartMs, BenchLoad.Result funding, BenchLoad.Result hazards,
      BenchReplay.Result replay, BenchAccounting.Check accounting, double databaseMb, double seconds, Reads reads) {}

  private final BenchOptions options;
  private final Path jar;
  private final ObjectMapper mapper;

  BenchRun(BenchOptions options, Path jar, ObjectMapper mapper) {
    this.options = options;
    this.jar = jar;
    this.mapper = mapper;
  }

  Result run(Workload w, int clients, boolean measureReads) throws Exception {
    long t0 = System.nanoTime();
    Path db = Files.createTempDirectory("landrelease-bench-");
    Path log = options.outDir().resolve("server-" + clients + "-clients.log").toAbsolutePath();
    Files.deleteIfExists(log);
    System.out.printf("%n== Run with %d client(s): database %s, service log %s%n", clients, db, log);
    BenchLoad.Result funding, hazards;
    BenchReplay.Result replay;
    BenchAccounting.Check accounting;
    Reads reads = null;
    long freshStartMs;
    try (BenchServer server = BenchServer.start(jar, db, options.serverHeap(), log)) {
      freshStartMs = server.startupMs();
      System.out.printf("Service pid %d answered %d ms after its JVM started (fresh database)%n", server.pid(),
          freshStartMs);
      BenchHttp http = new BenchHttp(server.base());
      funding = BenchLoad.funding(http, w.funding(), mapper);
      hazards = BenchLoad.hazards(http, w.hazards(), options.batchSize(), mapper);
      System.out.printf("Hazards: %,d created, %,d refused in %.1f s (%,.0f hazards/s in batches of %d)%s%n",
          hazards.created(), hazards.refused(), hazards.seconds(), hazards.perSecond(), options.batchSize(),
          hazards.firstProblem() == null ? "" : "; first refusal: " + hazards.firstProblem());
      System.out.printf("Replaying %,d events with %d client(s)...%n", w.events().size(), clients);
      replay = BenchReplay.run(http, w.events(), clients, options.window(), mapper);
      for (BenchStats.Window win : replay.windows()) {
        System.out.printf("  %-26s %6.0f events/s  p50 %6.2f ms  p99 %6.2f ms%n", win.label(),
            win.eventsPerSecond(), win.p50Ms(), win.p99Ms());
      }
      System.out.printf("  overall: %.0f events/s; statuses %s%s%n", replay.overall().eventsPerSecond(),
          replay.statuses(), replay.firstProblem() == null ? "" : "; first problem: " + replay.firstProblem());
      accounting = BenchAccounting.check(http, mapper);
      if (measureReads) {
        System.out.println("Queries:");
        List<BenchQueries.Stats> queries = BenchQueries.run(http, w.hazardCentres(), options.queryIterations(),
            options.seed());
        double heap = server.heapUsedAfterGcMb();
        double rss = server.residentMb();
        reads = new Reads(queries, heap, rss, 0, null);
      }
    }
    if (reads != null) {
      reads = restart(db, log, reads);
    }
    double dbMb = sizeMb(db);
    if (!options.keepDb()) {
      delete(db);
    }
    return new Result(clients, freshStartMs, funding, hazards, replay, accounting, dbMb,
        (System.nanoTime() - t0) / 1e9, reads);
  }

  /** Restarts the stopped service on its database: how long until it answers, and does it still balance? */
  private Reads restart(Path db, Path log, Reads reads) throws Exception {
    try (BenchServer again = BenchServer.start(jar, db, options.serverHeap(), log)) {
      BenchAccounting.Check after = BenchAccounting.check(new BenchHttp(again.base()), mapper);
      System.out.printf("Restarted on the existing database: answered after %d ms%n", again.startupMs());
      return new Reads(reads.queries(), reads.heapUsedMb(), reads.residentMb(), again.startupMs(), after);
    }
  }

  private static double sizeMb(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
