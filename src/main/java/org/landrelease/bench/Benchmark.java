package org.landrelease.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.landrelease.service.Json;

/**
 * {@code landrelease bench}: generates (or reads) the reference workload, runs the service in a child JVM, replays the
 * events over HTTP, times the queries, checks the accounts, and writes a results table against the PostGIS reference
 * (target/bench/results.md). Run it from the project directory, after {@code mvn package}.
 */
public final class Benchmark {
  public static final org.landrelease.config.Command COMMAND = BenchOptions.COMMAND;

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    BenchOptions o = BenchOptions.parse(args);
    ObjectMapper mapper = Json.mapper();
    long t0 = System.nanoTime();
    Workload w = o.workloadDir() != null ? WorkloadFiles.read(o.workloadDir(), mapper)
        : WorkloadGenerator.generate(o.hazards(), o.events(), o.seed(), o.regionsFile(), mapper);
    if (o.workloadDir() != null) {
      System.out.printf("Read %,d hazards and %,d events from %s%n", w.hazards().size(), w.events().size(),
          o.workloadDir());
    }
    if (o.writeWorkload() != null) {
      WorkloadFiles.write(w, o.writeWorkload(), mapper);
      System.out.println("Workload written to " + o.writeWorkload());
    }
    if (!o.run()) {
      return;
    }
    if (o.first() > 0 && o.first() < w.events().size()) {
      w = new Workload(w.funding(), w.hazards(), List.copyOf(w.events().subList(0, o.first())), w.hazardCentres());
      System.out.printf("Replaying the first %,d events only (--first)%n", o.first());
    }
    BenchOptions opts = o.window() > 0 ? o : o.withWindow(autoWindow(w.events().size()));
    List<BenchRun.Result> runs = new ArrayList<>();
    Path jar = snapshot(jar());
    BenchPgCluster cluster = o.pgCluster() == null ? null : BenchPgCluster.start(o.pgCluster());
    try {
      BenchRun bench = new BenchRun(opts, jar, mapper, databases(o, cluster));
      for (int i = 0; i < o.clients().size(); i++) {
        runs.add(bench.run(w, o.clients().get(i), i == 0));
      }
    } finally {
      BenchRun.delete(jar.getParent());
      if (cluster != null) {
        cluster.stop(o.keepDb());
      }
    }
    String command = "java -jar target/landrelease.jar bench " + String.join(" ", args);
    String serverJvm = String.join(" ", "-Xmx" + o.serverHeap(), String.join(" ", o.serverOptions())).trim();
    String report = BenchReport.markdown(command.trim(), serverJvm, w, runs, (System.nanoTime() - t0) / 1e9);
    System.out.println();
    System.out.print(report);
    Files.createDirectories(o.outDir());
    Files.writeString(o.outDir().resolve("results.md"), report, StandardCharsets.UTF_8);
    System.out.println("Written to " + o.outDir().resolve("results.md"));
  }

  /**
   * Windows of 10,000 events as in the reference, at least three so that first and last differ, all of one size (a
   * window of a third of 10,000 events is 3,334, not 3,333 and a last window of one event).
   */
  static int autoWindow(int events) {
    int windows = Math.max(3, (events + 9_999) / 10_000);
    return Math.max(1, (events + windows - 1) / windows);
  }

  /**
   * Each run's empty database: a new H2 directory; a new database in the bench's own cluster; or the --db-url
   * database, checked empty (or reset with --reset-db) before every run.
   */
  private static BenchRun.Databases databases(BenchOptions o, BenchPgCluster cluster) throws Exception {
    if (cluster != null) {
      BenchCpu.databaseServer(cluster.postmasterPid());
      return () -> new BenchDatabase.Postgres(cluster.createDatabase(), cluster.user(), null);
    }
    if (o.dbUrl() != null) {
      String user = System.getenv("LEDGER_DB_USER"), password = System.getenv("LEDGER_DB_PASSWORD");
      return () -> BenchDatabase.Postgres.given(o.dbUrl(), user, password, o.resetDb());
    }
    return BenchDatabase.H2::create;
  }

  /**
   * A private copy of the service jar and its lib folder: others may rebuild target/ while the benchmark runs, and a
   * JVM whose jar is replaced under it fails at its next class load.
   */
  static Path snapshot(Path jar) throws IOException {
    Path dir = Files.createTempDirectory("landrelease-bench-jar-");
    Path lib = Files.createDirectories(dir.resolve("lib"));
    try (Stream<Path> jars = Files.list(jar.getParent().resolve("lib"))) {
      for (Path p : jars.toList()) {
        Files.copy(p, lib.resolve(p.getFileName()));
      }
    }
    return Files.copy(jar, dir.resolve(jar.getFileName()));
  }

  /** The jar this class was loaded from; target/landrelease.jar when run from classes. */
  static Path jar() throws Exception {
    Path self = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jar = Files.isRegularFile(self) ? self : Path.of("target", "landrelease.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no service jar at " + jar.toAbsolutePath() + ": run mvn package first");
    }
    return jar.toAbsolutePath();
  }
}
