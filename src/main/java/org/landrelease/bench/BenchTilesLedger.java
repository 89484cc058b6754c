package org.landrelease.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.landrelease.domain.Account;
import org.landrelease.domain.Role;
import org.landrelease.store.Database;

/**
 * The ledger of bench-tiles: a million hazard reports of the reference workload's form and some releases, built
 * through the running service as a user's data would be (POST /api/events/batch, then POST /api/reviews approvals,
 * a batch at a time, in the generator's order), or found built. The build resumes where an earlier one stopped:
 * every batch is approved before the next is sent, and the generator gives the same reports for the same seed.
 */
final class BenchTilesLedger {
  private static final String HAZARD_REPORT = "HAZARD_REPORT";
  private static final int PROGRESS_EVERY = 20_000;

  /** What the database holds: approved hazard reports and releases, submitted events by id and type, partners. */
  record State(long hazards, long releases, List<String[]> submitted, long partners) {}

  /** How the build went: events sent in this run and their seconds; zero when the ledger was reused whole. */
  record Build(int hazardsSent, double hazardSeconds, int releasesSent, double releaseSeconds, String firstProblem) {
    double hazardsPerSecond() {
      return hazardsSent / hazardSeconds;
    }

    double releasesPerSecond() {
      return releasesSent / releaseSeconds;
    }
  }

  private final BenchTilesOptions options;
  private final Path jar;
  private final BenchDatabase db;
  private final Path marker;
  private final ObjectMapper mapper;

  /** marker: a file beside the database that names the ledger's parameters; null where there is none (--db-url). */
  BenchTilesLedger(BenchTilesOptions options, Path jar, BenchDatabase db, Path marker, ObjectMapper mapper) {
    this.options = options;
    this.jar = jar;
    this.db = db;
    this.marker = marker;
    this.mapper = mapper;
  }

  /** Builds what is missing; returns null when the ledger was there whole. */
  Build ensure() throws Exception {
    checkMarker();
    State s = state();
    System.out.printf("Ledger in %s: %,d hazard reports and %,d releases approved, %,d submitted and undecided%n",
        db.describe(), s.hazards(), s.releases(), s.submitted().size());
    if (s.hazards() >= options.hazards() && s.releases() >= options.releases() && s.submitted().isEmpty()) {
      System.out.println("The ledger is built: reusing it");
      return null;
    }
    writeMarker(false);
    long stamp = System.currentTimeMillis();
    String[] tokens = BenchAccounts.create(db, List.of(
        new Account("bench-tiles-admin-" + stamp, Role.ADMIN, null, null),
        new Account("bench-tiles-reviewer-" + stamp, Role.REVIEWER, null, null))).toArray(String[]::new);
    Files.createDirectories(options.outDir());
    Path log = options.outDir().resolve("server-build.log").toAbsolutePath();
    List<String> jvm = new ArrayList<>(options.serverOptions());
    jvm.add("-Xlog:gc:file=" + options.outDir().toAbsolutePath().resolve("gc-build.log"));
    try (BenchServer server = BenchServer.start(jar, db, options.serverHeap(), jvm, log)) {
      System.out.printf("Service pid %d (-Xmx%s, log %s) answered after %d ms%n", server.pid(), options.serverHeap(),
          log, server.startupMs());
      BenchHttp http = new BenchHttp(server.base());
      BenchHttp admin = http.as(tokens[0]), reviewer = http.as(tokens[1]);
      approvePending(reviewer, s.submitted());
      long hazardsDone = s.hazards() + s.submitted().stream().filter(e -> e[1].equals(HAZARD_REPORT)).count();
      long releasesDone = s.releases() + s.submitted().size() - (hazardsDone - s.hazards());
      if (s.partners() == 0) {
        BenchLoad.Result f = BenchLoad.funding(admin, new WorkloadFunding().toJson(mapper, options.hazards(),
            options.releases(), options.seed()), mapper);
        System.out.printf("Funding: %d partners and grants created, %d refused%n", f.created(), f.refused());
      }
      Build b = load(admin, reviewer, hazardsDone, releasesDone);
      System.out.printf("Heap of the building service after a full GC: %.0f MB (GC log %s)%n",
          server.heapUsedAfterGcMb(), options.outDir().resolve("gc-build.log"));
      writeMarker(true);
      return b;
    }
  }

  /** Decisions left undone by an interrupted build (a batch sent, its approval not): approved first. */
  private void approvePending(BenchHttp reviewer, List<String[]> submitted) throws Exception {
    for (int from = 0; from < submitted.size(); from += BenchBatch.DECISIONS) {
      var body = mapper.createObjectNode();
      var list = body.putArray("decisions");
      submitted.subList(from, Math.min(submitted.size(), from + BenchBatch.DECISIONS))
          .forEach(e -> list.addObject().put("event", e[0]).put("decision", "APPROVE"));
      BenchHttp.Response r = reviewer.post("api/reviews", mapper.writeValueAsBytes(body));
      if (r.status() != 200) {
        throw new IllegalStateException("approving the undecided events answered " + r.status() + ": "
            + new String(r.body(), StandardCharsets.UTF_8));
      }
    }
    if (!submitted.isEmpty()) {
      System.out.printf("Approved %,d events an earlier build left undecided%n", submitted.size());
    }
  }

  /**
   * Generates the workload as WorkloadGenerator does (the same seed splits), sending the hazard reports from
   * hazardsDone on as they are placed, then the releases from releasesDone on.
   */
  private Build load(BenchHttp admin, BenchHttp reviewer, long hazardsDone, long releasesDone) throws Exception {
    SplittableRandom rnd = new SplittableRandom(options.seed());
    WorkloadRegions regions = WorkloadRegions.read(options.regionsFile(), mapper);
    WorkloadFunding funding = new WorkloadFunding();
    // resume at a batch boundary at or before what is stored: a report sent again answers "replayed"
    int skip = (int) Math.min(options.hazards(), hazardsDone / options.batchSize() * options.batchSize());
    BenchTilesSender hazards = new BenchTilesSender("hazards", admin, reviewer, options.batchSize(), skip,
        options.hazards(), PROGRESS_EVERY, mapper);
    System.out.printf("Generating %,d hazards (%,.0f km² in all) and sending them from number %,d on...%n",
        options.hazards(), options.hazardKm2(), skip + 1);
    WorkloadLayout layout = hazards.run(sink -> new WorkloadHazards(regions, rnd.split()).place(options.hazards(),
        options.hazardKm2() * 1e6, funding, mapper, (position, body) -> sink.accept(body)));
    hazards.printSummary();
    int releaseSkip = (int) Math.min(options.releases(), releasesDone / options.batchSize() * options.batchSize());
    BenchTilesSender releases = new BenchTilesSender("releases", admin, reviewer, options.batchSize(), releaseSkip,
        options.releases(), PROGRESS_EVERY / 4, mapper);
    if (releaseSkip < options.releases()) {
      WorkloadBorders borders = new WorkloadBorders(regions, WorkloadHazards.REGION_WEIGHTS.keySet());
      WorkloadEvents events = new WorkloadEvents(layout, regions, borders, rnd.split());
      System.out.printf("Generating %,d releases and sending them from number %,d on...%n", options.releases(),
          releaseSkip + 1);
      releases.run(sink -> {
        for (byte[] body : events.bodies(options.releases(), funding, mapper)) {
          sink.accept(body);
        }
        return null;
      });
      releases.printSummary();
    }
    String problem = hazards.firstProblem() != null ? hazards.firstProblem() : releases.firstProblem();
    return new Build(hazards.sent(), hazards.seconds(), releases.sent(), releases.seconds(), problem);
  }

  /** Counts in the database, read in this JVM before the service opens it (H2 admits one process). */
  private State state() throws Exception {
    try (Database d = db.open()) {
      return d.read(c -> {
        long hazards = 0, releases = 0, partners;
        List<String[]> submitted = new ArrayList<>();
        try (Statement st = c.createStatement()) {
          try (ResultSet rs = st.executeQuery("SELECT type, COUNT(*) FROM event WHERE status = 'APPROVED'"
              + " GROUP BY type")) {
            while (rs.next()) {
              if (rs.getString(1).equals(HAZARD_REPORT)) {
                hazards += rs.getLong(2);
              } else {
                releases += rs.getLong(2);
              }
            }
          }
          try (ResultSet rs = st.executeQuery("SELECT id, type FROM event WHERE status = 'SUBMITTED' ORDER BY seq")) {
            while (rs.next()) {
              submitted.add(new String[] {rs.getString(1), rs.getString(2)});
            }
          }
          try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM partner")) {
            rs.next();
            partners = rs.getLong(1);
          }
        }
        return new State(hazards, releases, submitted, partners);
      });
    }
  }

  /** A ledger built with other parameters is refused rather than topped up into something else. */
  private void checkMarker() throws Exception {
    if (marker == null || !Files.isRegularFile(marker)) {
      return;
    }
    String key = Files.readAllLines(marker, StandardCharsets.UTF_8).get(0);
    if (!key.equals(options.ledgerKey())) {
      throw new IllegalArgumentException(marker + " says this ledger was built with " + key + ", not "
          + options.ledgerKey() + ": give those options, or another directory");
    }
  }

  private void writeMarker(boolean complete) throws Exception {
    if (marker != null) {
      Files.createDirectories(marker.getParent());
      Files.writeString(marker, options.ledgerKey() + "\n" + (complete ? "complete" : "building") + "\n",
          StandardCharsets.UTF_8);
    }
  }
}
