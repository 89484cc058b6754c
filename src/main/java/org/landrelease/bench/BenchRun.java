package org.landrelease.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.landrelease.domain.Account;
import org.landrelease.domain.Role;

/**
 * One full run on a fresh database: start the service (one or more instances), load funding and hazards, replay the
 * events (one at a time, or submitted all and approved in batches), check, time the figures on each instance.
 */
final class BenchRun {
  /** Where each run's empty database comes from. */
  interface Databases {
    BenchDatabase next() throws Exception;
  }

  /**
   * The read side and the restart, measured after the first run only. queries: per instance; restart and the check
   * after it: of the first instance.
   */
  record Reads(List<List<BenchQueries.Stats>> queries, double otherCores, double heapUsedMb, double residentMb,
      long restartMs, BenchAccounting.Check afterRestart) {}

  /**
   * otherCores: cores used on average by processes other than the benchmark and the service (and the bench's own
   * PostgreSQL) during the replay. replay (single mode) or batch (batch mode) is null. accounting: per instance.
   * writtenKbPerEvent: NaN on PostgreSQL (the database server writes, not the service).
   */
  record Result(int clients, int instances, String database, long freshStartMs, BenchLoad.Result funding,
      BenchLoad.Result hazards, BenchReplay.Result replay, BenchBatch.Result batch, double otherCores,
      List<BenchAccounting.Check> accounting, double writtenKbPerEvent, double databaseMb, double seconds,
      Reads reads, List<BenchZonings.Loaded> zonings, BenchZonings.Loaded backfill,
      BenchCountries.Loaded countries) {}

  private final BenchOptions options;
  private final Path jar;
  private final ObjectMapper mapper;
  private final Databases databases;

  BenchRun(BenchOptions options, Path jar, ObjectMapper mapper, Databases databases) {
    this.options = options;
    this.jar = jar;
    this.mapper = mapper;
    this.databases = databases;
  }

  Result run(Workload w, int clients, boolean measureReads) throws Exception {
    long t0 = System.nanoTime();
    BenchDatabase db = databases.next();
    int instances = options.instances();
    List<Path> logs = new ArrayList<>();
    for (int k = 1; k <= instances; k++) {
      Path log = options.outDir().resolve("server-" + clients + "-clients" + (instances > 1 ? "-instance-" + k : "")
          + ".log").toAbsolutePath();
      Files.deleteIfExists(log);
      logs.add(log);
    }
    System.out.printf("%n== Run with %d client(s), %s mode, %d instance(s): database %s, service log %s%n", clients,
        options.mode().name().toLowerCase(java.util.Locale.ROOT), instances, db.describe(), logs.get(0));
    String[] tokens = accounts(db);
    long firstStartMs = options.restartFirst() ? startAndStop(db, logs.get(0)) : -1;
    BenchLoad.Result funding, hazards;
    BenchReplay.Result replay = null;
    BenchBatch.Result batch = null;
    List<BenchAccounting.Check> accounting = new ArrayList<>();
    List<BenchZonings.Loaded> zonings = List.of();
    BenchZonings.Loaded backfill = null;
    BenchCountries.Loaded countries = null;
    Reads reads = null;
    double otherCores, writtenKb;
    List<BenchServer> servers = new ArrayList<>();
    try {
      for (Path log : logs) {
        BenchServer s = BenchServer.start(jar, db, options.serverHeap(), options.serverOptions(), log);
        System.out.printf("Service pid %d on %s answered %d ms after its JVM started%n", s.pid(), s.base(),
            s.startupMs());
        servers.add(s);
      }
      firstStartMs = firstStartMs < 0 ? servers.get(0).startupMs() : firstStartMs;
      List<BenchHttp> admin = new ArrayList<>(), reviewer = new ArrayList<>();
      for (BenchServer s : servers) {
        BenchHttp http = new BenchHttp(s.base());
        admin.add(http.as(tokens[0]));
        reviewer.add(http.as(tokens[1]));
      }
      if (options.zonings() > 0) {
        zonings = zonings(admin.get(0));
      }
      funding = BenchLoad.funding(admin.get(0), w.funding(), mapper);
      if (options.countries() != null) {
        // After the funding: its grants then cover the one country the ledger had, as the workload's releases need.
        countries = countries(admin.get(0));
      }
      hazards = BenchLoad.hazards(admin.get(0), reviewer.get(0), w.hazards(), options.batchSize(), mapper);
      System.out.printf("Hazards: %,d created, %,d refused in %.1f s (%,.0f hazards/s in batches of %d)%s%n",
          hazards.created(), hazards.refused(), hazards.seconds(), hazards.perSecond(), options.batchSize(),
          hazards.firstProblem() == null ? "" : "; first refusal: " + hazards.firstProblem());
      long[] pids = servers.stream().mapToLong(BenchServer::pid).toArray();
      long writtenBefore = written(servers);
      BenchCpu.Sample cpu = BenchCpu.sample(pids);
      if (options.mode() == BenchOptions.Mode.BATCH) {
        batch = BenchBatch.run(admin, reviewer, w.events(), clients, options.window(), mapper);
        System.out.printf("  overall: %.0f submissions/s, %.0f approvals/s; submissions %s; %,d approved, %,d"
            + " refused%s%n", batch.overall().submissionsPerSecond(), batch.overall().approvalsPerSecond(),
            batch.submitStatuses(), batch.approved(), batch.refusedDecisions(),
            batch.firstProblem() == null ? "" : "; first problem: " + batch.firstProblem());
      } else {
        replay = replay(admin, reviewer, w, clients);
      }
      otherCores = BenchCpu.otherCores(cpu, BenchCpu.sample(pids));
      writtenKb = db instanceof BenchDatabase.Postgres ? Double.NaN
          : (written(servers) - writtenBefore) / 1024.0 / w.events().size();
      System.out.printf("  other processes used %.2f cores meanwhile%s%n", otherCores,
          Double.isNaN(writtenKb) ? "" : String.format("; %.0f KB written to storage per event", writtenKb));
      for (int k = 0; k < servers.size(); k++) {
        BenchAccounting.Check a = BenchAccounting.check(admin.get(k), mapper);
        System.out.printf("  instance %d: %s%n", k + 1, a);
        accounting.add(a);
      }
      if (options.backfillZoning() > 0) {
        backfill = backfill(admin.get(0));
      }
      if (measureReads) {
        reads = reads(servers, admin, w);
      }
    } finally {
      for (BenchServer s : servers) {
        s.close();
      }
    }
    if (reads != null) {
      reads = restart(db, logs.get(0), reads);
    }
    double dbMb = db.sizeMb();
    if (!options.keepDb()) {
      db.delete();
    }
    return new Result(clients, instances, db.describe(), firstStartMs, funding, hazards, replay, batch, otherCores,
        accounting, writtenKb, dbMb, (System.nanoTime() - t0) / 1e9, reads, zonings, backfill, countries);
  }

  /** The three grid zonings over the regions' bounding box, loaded on the empty ledger: every write then splits. */
  private List<BenchZonings.Loaded> zonings(BenchHttp admin) throws Exception {
    var area = WorkloadRegions.read(options.regionsFile(), mapper).envelope();
    List<BenchZonings.Loaded> loaded = new ArrayList<>();
    for (BenchZonings.Grid g : BenchZonings.layers(area, options.zonings())) {
      BenchZonings.Loaded l = BenchZonings.upload(admin, g, mapper);
      if (l.problem() != null) {
        throw new IllegalStateException("zoning " + g.name() + " was refused: " + l.problem());
      }
      loaded.add(l);
    }
    System.out.printf("Zonings: %,d zones in %d zonings (%s) loaded in %.1f s%n",
        loaded.stream().mapToInt(BenchZonings.Loaded::zones).sum(), loaded.size(),
        String.join(", ", loaded.stream().map(l -> l.name() + " " + l.zones()).toList()),
        loaded.stream().mapToLong(BenchZonings.Loaded::millis).sum() / 1e3);
    return loaded;
  }

  /** The other countries of --countries, loaded as an administrator adds one: the region index then holds them all. */
  private BenchCountries.Loaded countries(BenchHttp admin) throws Exception {
    BenchCountries.Loaded l = BenchCountries.load(admin, options.countries(), boundaryCountry(), mapper);
    System.out.printf("Countries: %d more (%s), %,d regions, loaded in %.1f s%n", l.codes().size(),
        String.join(", ", l.codes()), l.regions(), l.millis() / 1e3);
    return l;
  }

  /** The country of --regions (UA), whose figures the country questions ask for. */
  private String boundaryCountry() throws Exception {
    String code = BenchCountries.boundaryCountry(options.regionsFile(), mapper);
    return code == null ? "UA" : code;
  }

  /** One more grid zoning loaded on the full ledger: the request's time is the back-fill of every existing piece. */
  private BenchZonings.Loaded backfill(BenchHttp admin) throws Exception {
    var area = WorkloadRegions.read(options.regionsFile(), mapper).envelope();
    System.out.printf("Back-fill: loading a zoning of about %,d zones on the full ledger...%n",
        options.backfillZoning());
    BenchZonings.Loaded l = BenchZonings.upload(admin, BenchZonings.grid("bench-backfill", area,
        options.backfillZoning()), mapper);
    System.out.printf("  back-fill: %,d zones, %,d pieces split in %.1f s%s%n", l.zones(), l.piecesSplit(),
        l.millis() / 1e3, l.problem() == null ? "" : "; refused: " + l.problem());
    return l;
  }

  private static long written(List<BenchServer> servers) {
    return servers.stream().mapToLong(BenchServer::storageWrittenBytes).sum();
  }

  /**
   * An administrator (who loads the funding and submits the events, for any partner) and a reviewer (who approves
   * them), created in the new database before the service opens it; returns their tokens.
   */
  private static String[] accounts(BenchDatabase db) throws Exception {
    return BenchAccounts.create(db, List.of(new Account("bench-admin", Role.ADMIN, null, null),
        new Account("bench-reviewer", Role.REVIEWER, null, null))).toArray(String[]::new);
  }

  private BenchServer start(BenchDatabase db, Path log) throws Exception {
    return BenchServer.start(jar, db, options.serverHeap(), options.serverOptions(), log);
  }

  /** Creates the database with a first start, as a service restarted since then would have it. */
  private long startAndStop(BenchDatabase db, Path log) throws Exception {
    try (BenchServer first = start(db, log)) {
      System.out.printf("Started and stopped the service once on the new database (%d ms to answer)%n",
          first.startupMs());
      return first.startupMs();
    }
  }

  private BenchReplay.Result replay(List<BenchHttp> http, List<BenchHttp> reviewer, Workload w, int clients)
      throws Exception {
    System.out.printf("Replaying %,d events with %d client(s)...%n", w.events().size(), clients);
    BenchReplay.Result r = BenchReplay.run(http, reviewer, w.events(), clients, options.window(), mapper);
    for (BenchStats.Window win : r.windows()) {
      System.out.printf("  %-26s %6.0f events/s  p50 %6.2f ms  p99 %6.2f ms%n", win.label(), win.eventsPerSecond(),
          win.p50Ms(), win.p99Ms());
    }
    System.out.printf("  overall: %.0f events/s; statuses %s%s%n", r.overall().eventsPerSecond(), r.statuses(),
        r.firstProblem() == null ? "" : "; first problem: " + r.firstProblem());
    return r;
  }

  /** The figures on each instance in turn (each answers from its own in-memory totals), then memory of the first. */
  private Reads reads(List<BenchServer> servers, List<BenchHttp> http, Workload w) throws Exception {
    long[] pids = servers.stream().mapToLong(BenchServer::pid).toArray();
    BenchCpu.Sample cpu = BenchCpu.sample(pids);
    List<List<BenchQueries.Stats>> queries = new ArrayList<>();
    for (int k = 0; k < servers.size(); k++) {
      System.out.println(servers.size() > 1 ? "Queries on instance " + (k + 1) + ":" : "Queries:");
      queries.add(BenchQueries.run(http.get(k), w.hazardCentres(), boundaryCountry(), options.queryIterations(),
          options.seed()));
    }
    double otherCores = BenchCpu.otherCores(cpu, BenchCpu.sample(pids));
    BenchServer first = servers.get(0);
    return new Reads(queries, otherCores, first.heapUsedAfterGcMb(), first.residentMb(), 0, null);
  }

  /** Restarts the stopped service on its database: how long until it answers, and does it still balance? */
  private Reads restart(BenchDatabase db, Path log, Reads reads) throws Exception {
    try (BenchServer again = start(db, log)) {
      BenchAccounting.Check after = BenchAccounting.check(new BenchHttp(again.base()), mapper);
      System.out.printf("Restarted on the existing database: answered after %d ms%n", again.startupMs());
      return new Reads(reads.queries(), reads.otherCores(), reads.heapUsedMb(), reads.residentMb(),
          again.startupMs(), after);
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
