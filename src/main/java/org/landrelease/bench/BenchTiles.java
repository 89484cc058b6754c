package org.landrelease.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.landrelease.service.Json;

/**
 * {@code landrelease bench-tiles}: builds (or reuses) a ledger of a million hazard polygons of the reference
 * workload's form on H2 or PostgreSQL, then times vector tiles cold and warm in a service of its own with -Xmx512m,
 * drives headless chromium over a fixed path of the east of Ukraine, and writes the results against issue 14's
 * targets (target/bench-tiles/tiles-results.md). Run it from the project directory, after {@code mvn package}.
 */
public final class BenchTiles {
  public static final org.landrelease.config.Command COMMAND = BenchTilesOptions.COMMAND;

  private BenchTiles() {}

  public static void main(String[] args) throws Exception {
    BenchTilesOptions o = BenchTilesOptions.parse(args);
    ObjectMapper mapper = Json.mapper();
    long t0 = System.nanoTime();
    Path jar = Benchmark.snapshot(Benchmark.jar());
    BenchPgCluster cluster = o.pgCluster() == null ? null : BenchPgCluster.startOrReuse(o.pgCluster());
    try {
      BenchDatabase db = database(o, cluster);
      BenchTilesLedger.Build build = new BenchTilesLedger(o, jar, db, marker(o), mapper).ensure();
      if (o.buildOnly()) {
        System.out.printf("Ledger ready in %.1f min (--build-only)%n", (System.nanoTime() - t0) / 60e9);
        return;
      }
      BenchTilesRun.Result result = new BenchTilesRun(o, jar, db, mapper).run();
      String command = ("java -jar target/landrelease.jar bench-tiles " + String.join(" ", args)).trim();
      BenchTilesReport.write(o, command, db, build, result, (System.nanoTime() - t0) / 1e9);
    } finally {
      BenchRun.delete(jar.getParent());
      if (cluster != null) {
        cluster.stop(true);
      }
    }
  }

  /** The ledger's database: kept after the run on every store, for the next run to reuse. */
  private static BenchDatabase database(BenchTilesOptions o, BenchPgCluster cluster) throws Exception {
    if (cluster != null) {
      BenchCpu.databaseServer(cluster.postmasterPid());
      return new BenchDatabase.Postgres(cluster.database("ledger_tiles"), cluster.user(), null);
    }
    if (o.dbUrl() != null) {
      return new BenchDatabase.Postgres(o.dbUrl(), System.getenv("LEDGER_DB_USER"),
          System.getenv("LEDGER_DB_PASSWORD"));
    }
    return new BenchDatabase.H2(o.h2Dir().toAbsolutePath());
  }

  /** The file naming the ledger's parameters: in the H2 directory or the cluster's; none for --db-url. */
  private static Path marker(BenchTilesOptions o) {
    Path dir = o.h2Dir() != null ? o.h2Dir() : o.pgCluster();
    return dir == null ? null : dir.toAbsolutePath().resolve("bench-tiles.ledger");
  }
}
