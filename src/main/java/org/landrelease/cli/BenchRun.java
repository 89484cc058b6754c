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
  record Reads(List<BenchQueries.Stats> queries, double otherCores, double heapUsedMb, double residentMb,
      long restartMs, BenchAccounting.Check afterRestart) {}

  /** otherCores: cores used on average by processes other than the benchmark and the service during the replay. */
  record Result(int clients, long freshStartMs, BenchLoad.Result funding, BenchLoad.Result hazards,
      BenchReplay.Result replay, double otherCores, BenchAccounting.Check accounting, double writtenKbPerEvent,
      double databaseMb, double seconds, Reads reads) {}

  private record Replayed(BenchReplay.Result result, double otherCores, double writtenKbPerEvent) {}

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
    String[] tokens = accounts(db);
    long firstStartMs = options.restartFirst() ? startAndStop(db, log) : -1;
    BenchLoad.Result funding, hazards;
    Replayed replayed;
    BenchAccounting.Check accounting;
    Reads reads = null;
    try (BenchServer server = start(db, log)) {
      firstStartMs = firstStartMs < 0 ? server.startupMs() : firstStartMs;
      System.out.printf("Service pid %d answered %d ms after its JVM started%n", server.pid(), server.startupMs());
      BenchHttp http = new BenchHttp(server.base()).as(tokens[0]);
      BenchHttp reviewer = http.as(tokens[1]);
      funding = BenchLoad.funding(http, w.funding(), mapper);
      hazards = BenchLoad.hazards(http, reviewer, w.hazards(), options.batchSize(), mapper);
      System.out.printf("Hazards: %,d created, %,d refused in %.1f s (%,.0f hazards/s in batches of %d)%s%n",
          hazards.created(), hazards.refused(), hazards.seconds(), hazards.perSecond(), options.batchSize(),
          hazards.firstProblem() == null ? "" : "; first refusal: " + hazards.firstProblem());
      replayed = replay(server, http, reviewer, w, clients);
      accounting = BenchAccounting.check(http, mapper);
      if (measureReads) {
        reads = reads(server, http, w);
      }
    }
    if (reads != null) {
      reads = restart(db, log, reads);
    }
    double dbMb = sizeMb(db);
    if (!options.keepDb()) {
      delete(db);
    }
    return new Result(clients, firstStartMs, funding, hazards, replayed.result(), replayed.otherCores(), accounting,
        replayed.writtenKbPerEvent(), dbMb, (System.nanoTime() - t0) / 1e9, reads);
  }

  /**
   * An administrator (who loads the funding and submits the events, for any partner) and a reviewer (who approves
   * them), created in the new database before the service opens it; returns their tokens.
   */
  private static String[] accounts(Path db) throws Exception {
    return BenchAccounts.create(db, java.util.List.of(
        new org.landrelease.domain.Account("bench-admin", org.landrelease.domain.Role.ADMIN, null, null),
        new org.landrelease.domain.Account("bench-reviewer", org.landrelease.domain.Role.REVIEWER, null, null)))
        .toArray(String[]::new);
  }

  private BenchServer start(Path db, Path log) throws Exception {
    return BenchServer.start(jar, db, options.serverHeap(), options.serverOptions(), log);
  }

  /** Creates the database with a first start, as a service restarted since then would have it. */
  private long startAndStop(Path db, Path log) throws Exception {
    try (BenchServer first = start(db, log)) {
      System.out.printf("Started and stopped the service once on the new database (%d ms to answer)%n",
          first.startupMs());
      return first.startupMs();
    }
  }

  private Replayed replay(BenchServer server, BenchHttp http, BenchHttp reviewer, Workload w, int clients)
      throws Exception {
    System.out.printf("Replaying %,d events with %d client(s)...%n", w.events().size(), clients);
    long writtenBefore = server.storageWrittenBytes();
    BenchCpu.Sample cpu = BenchCpu.sample(server.pid());
    BenchReplay.Result r = BenchReplay.run(http, reviewer, w.events(), clients, options.window(), mapper);
    double otherCores = BenchCpu.otherCores(cpu, BenchCpu.sample(server.pid()));
    double writtenKb = (server.storageWrittenBytes() - writtenBefore) / 1024.0 / w.events().size();
    for (BenchStats.Window win : r.windows()) {
      System.out.printf("  %-26s %6.0f events/s  p50 %6.2f ms  p99 %6.2f ms%n", win.label(), win.eventsPerSecond(),
          win.p50Ms(), win.p99Ms());
    }
    System.out.printf("  overall: %.0f events/s; %.0f KB written to storage per event; other processes used %.2f"
        + " cores meanwhile; statuses %s%s%n", r.overall().eventsPerSecond(), writtenKb, otherCores, r.statuses(),
        r.firstProblem() == null ? "" : "; first problem: " + r.firstProblem());
    return new Replayed(r, otherCores, writtenKb);
  }

  private Reads reads(BenchServer server, BenchHttp http, Workload w) throws Exception {
    System.out.println("Queries:");
    BenchCpu.Sample cpu = BenchCpu.sample(server.pid());
    List<BenchQueries.Stats> queries = BenchQueries.run(http, w.hazardCentres(), options.queryIterations(),
        options.seed());
    double otherCores = BenchCpu.otherCores(cpu, BenchCpu.sample(server.pid()));
    return new Reads(queries, otherCores, server.heapUsedAfterGcMb(), server.residentMb(), 0, null);
  }

  /** Restarts the stopped service on its database: how long until it answers, and does it still balance? */
  private Reads restart(Path db, Path log, Reads reads) throws Exception {
    try (BenchServer again = start(db, log)) {
      BenchAccounting.Check after = BenchAccounting.check(new BenchHttp(again.base()), mapper);
      System.out.printf("Restarted on the existing database: answered after %d ms%n", again.startupMs());
      return new Reads(reads.queries(), reads.otherCores(), reads.heapUsedMb(), reads.residentMb(),
          again.startupMs(), after);
    }
  }

  private static double sizeMb(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
    }
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
