package org.landrelease.bench;

import org.landrelease.demo.FeatureEvents;
import org.landrelease.demo.FieldPolygons;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.landrelease.LedgerApp;
import org.landrelease.config.ArgumentException;
import org.landrelease.config.Arguments;
import org.landrelease.config.Command;
import org.landrelease.config.Config;
import org.landrelease.config.Option;
import org.landrelease.domain.Account;
import org.landrelease.domain.Role;
import org.landrelease.service.Json;

/**
 * The import and export benchmark (issue 6), over HTTP against the service in a child JVM holding the demo:
 * a partner's season of field polygons (a GeoPackage drawn over the current hazards) is imported as a dry run, then
 * for real, then approved by a reviewer in batches, which is when the ledger cuts the polygons out of the hazards;
 * then imported again (every feature replays). Then every export format, and the OGC API's pages (bench-ogc).
 * Options: {@link #COMMAND} (landrelease bench-transfer --help).
 */
public final class TransferBench {
  /** An answer that succeeded (others throw), with the time to read it whole. */
  private record Timed(JsonNode body, double seconds, long bytes) {}

  private final BenchHttp field;
  private final BenchHttp reviewer;
  private final ObjectMapper mapper = Json.mapper();

  static final Option<Integer> FEATURES = Option.integer("features", "field polygons in the imported GeoPackage",
      10_000);
  static final Option<Long> SEED = Option.longInteger("seed", "seed of the field polygons", 7L);
  static final Option<String> PARTNER = Option.string("partner", "the partner that imports them", "HALO")
      .shownAs("PARTNER");
  static final Option<Integer> RUNS = Option.integer("runs", "runs of the OGC pages (a tenth as many of each export)",
      30);
  static final Option<String> SERVER_HEAP = Option.string("server-heap", "-Xmx of the service's JVM", "512m")
      .shownAs("SIZE");
  static final Option<Path> OUT = Option.path("out", "where the GeoPackage and the service log go",
      Path.of("target", "bench-transfer")).shownAs("DIR");
  static final Option<Boolean> KEEP_DB = Option.flag("keep-db", "keep the database after the run");
  public static final Command COMMAND = new Command("bench-transfer", """
      The import and export benchmark: loads the demo into a new database, runs the service in a child JVM, imports
      a season of field polygons (dry run, import, approval, replay), then times every export and the OGC pages.""",
      List.of(FEATURES, SEED, PARTNER, RUNS, SERVER_HEAP, OUT, KEEP_DB));

  private TransferBench(BenchHttp field, BenchHttp reviewer) {
    this.field = field;
    this.reviewer = reviewer;
  }

  public static void main(String[] args) throws Exception {
    Arguments a = COMMAND.parse(args);
    int features = a.get(FEATURES), runs = a.get(RUNS);
    long seed = a.get(SEED);
    String partner = a.get(PARTNER), heap = a.get(SERVER_HEAP);
    Path out = a.get(OUT);
    boolean keepDb = a.get(KEEP_DB);
    if (features < 1 || runs < 1) {
      throw new ArgumentException("--features and --runs must be positive");
    }
    Files.createDirectories(out);
    Path jar = Benchmark.snapshot(Benchmark.jar());
    Path db = Files.createTempDirectory("landrelease-bench-transfer-");
    System.out.printf("Database %s; loading the demo in process...%n", db);
    long t0 = System.nanoTime();
    try (LedgerApp demo = LedgerApp.start(Config.from(Config.SERVE.parse(new String[] {"--db", db.toString(),
        "--port", "0", "--host", "127.0.0.1"})))) {
      System.out.printf("Demo loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
    List<String> tokens = BenchAccounts.create(db, List.of(new Account("bench-field", Role.FIELD, partner, null),
        new Account("bench-reviewer", Role.REVIEWER, null, null)));
    try (BenchServer server = BenchServer.start(jar, db, heap, List.of(),
        out.resolve("server.log").toAbsolutePath())) {
      System.out.printf("Service (-Xmx%s) answered %d ms after its JVM started%n", heap, server.startupMs());
      BenchHttp http = new BenchHttp(server.base());
      TransferBench bench = new TransferBench(http.as(tokens.get(0)), http.as(tokens.get(1)));
      Path gpkg = out.resolve("fieldwork-" + features + ".gpkg");
      System.out.println();
      bench.exports(runs, "the demo", List.of("hazards"));
      bench.importAndApprove(gpkg, features, seed, partner);
      System.out.println();
      bench.exports(runs, "after the import", List.of("hazards", "releases", "events"));
      System.out.println();
      System.out.println("OGC API pages after the import (bench-ogc):");
      OgcBench.main(new String[] {"--url", server.base().toString().replaceAll("/$", ""), "--runs",
          String.valueOf(runs)});
    } finally {
      if (!keepDb) {
        BenchRun.delete(db);
      }
      BenchRun.delete(jar.getParent());
    }
  }

  private void importAndApprove(Path gpkg, int count, long seed, String partner) throws Exception {
    Timed hazards = get("api/exports?layer=hazards&format=geojson");
    long t0 = System.nanoTime();
    List<FieldPolygons.Grant> grants = grants();
    LocalDate to = seasonEnd(grants);
    FieldPolygons.write(gpkg, hazards.body(), count, seed, grants, seasonStart(grants, to), to);
    System.out.printf("%nWrote %,d field polygons over %,d hazards to %s (%.1f MB) in %.1f s%n", count,
        hazards.body().get("features").size(), gpkg, Files.size(gpkg) / 1e6, (System.nanoTime() - t0) / 1e9);
    String query = "api/imports?format=gpkg&mapping=" + URLEncoder.encode(FieldPolygons.mapping(partner),
        StandardCharsets.UTF_8);
    JsonNode before = get("api/stats/summary").body();
    Timed dry = upload(query + "&dryRun=true", gpkg);
    Timed real = upload(query, gpkg);
    List<String> created = new ArrayList<>();
    for (JsonNode f : real.body().get("features")) {
      if (f.get("status").asText().equals("created")) {
        created.add(f.get("id").asText());
      }
    }
    long a0 = System.nanoTime();
    int approved = 0, refused = 0;
    String firstRefusal = null;
    for (int from = 0; from < created.size(); from += 1000) {
      ObjectNode batch = mapper.createObjectNode();
      ArrayNode decisions = batch.putArray("decisions");
      for (String id : created.subList(from, Math.min(created.size(), from + 1000))) {
        decisions.addObject().put("event", id).put("decision", "APPROVE");
      }
      BenchHttp.Response r = reviewer.post("api/reviews", mapper.writeValueAsBytes(batch));
      JsonNode answer = check("api/reviews", r);
      approved += answer.get("approved").asInt();
      refused += answer.get("refused").asInt();
      for (JsonNode item : answer.get("results")) {
        if (firstRefusal == null && item.get("status").asInt() != 200) {
          firstRefusal = item.toString();
        }
      }
    }
    double approveSeconds = (System.nanoTime() - a0) / 1e9;
    JsonNode after = get("api/stats/summary").body();
    Timed again = upload(query, gpkg);
    BenchAccounting.Check balance = BenchAccounting.check(field, mapper);

    System.out.println();
    System.out.println("| step | features | outcome | seconds | features/s |");
    System.out.println("|---|---:|---|---:|---:|");
    row("dry run (`dryRun=true`): read, map, validate", count, dry.body().get("valid").asInt() + " valid, "
        + dry.body().get("refused").asInt() + " refused", dry.seconds());
    row("import: submit each feature as an event", count, real.body().get("created").asInt() + " submitted, "
        + real.body().get("refused").asInt() + " refused", real.seconds());
    row("approval in batches of 1,000 (`POST /api/reviews`): overlay", created.size(), approved + " approved, "
        + refused + " refused", approveSeconds);
    row("**import + approval**", count, "", real.seconds() + approveSeconds);
    row("the same file again", count, again.body().get("replayed").asInt() + " replayed, "
        + again.body().get("created").asInt() + " created", again.seconds());
    double released = after.get("releasedKm2").asDouble() - before.get("releasedKm2").asDouble();
    double hazardDrop = before.get("hazardAreaKm2").asDouble() - after.get("hazardAreaKm2").asDouble();
    System.out.printf(Locale.ROOT, "%nReleased by the import: %.3f km² (%s); hazard area fell by %.3f km²; "
        + "difference %.1f m². Ledger balance after: reported − released − remaining = %.1f m², released − Σ by "
        + "region = %.1f m².%n", released, byOutcome(before, after), hazardDrop, (released - hazardDrop) * 1e6,
        balance.residualM2(), balance.regionGapM2());
    if (firstRefusal != null) {
      System.out.println("First refused approval: " + firstRefusal);
    }
    for (JsonNode f : real.body().get("features")) {
      if (f.get("status").asText().equals("refused")) {
        System.out.println("First refused feature: " + f);
        break;
      }
    }
  }

  /** Every format of each layer, a few times each, over HTTP (the whole download). */
  private void exports(int runs, String when, List<String> layers) throws Exception {
    int n = Math.max(3, runs / 10);
    System.out.printf("| export (%s), %d runs | features | MB | median s | max s |%n", when, n);
    System.out.println("|---|---:|---:|---:|---:|");
    for (String layer : layers) {
      int features = get("api/exports?layer=" + layer + "&format=geojson").body().get("features").size();
      for (String format : List.of("gpkg", "shp", "geojson", "csv")) {
        double[] seconds = new double[n];
        long bytes = 0;
        for (int i = 0; i < n; i++) {
          Timed t = get("api/exports?layer=" + layer + "&format=" + format, false);
          seconds[i] = t.seconds();
          bytes = t.bytes();
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "| %s → %s | %,d | %.1f | %.2f | %.2f |%n", layer, format, features,
            bytes / 1e6, seconds[n / 2], seconds[n - 1]);
      }
    }
  }

  /** The partner's grants, as the field account sees them. */
  private List<FieldPolygons.Grant> grants() throws Exception {
    List<FieldPolygons.Grant> out = new ArrayList<>();
    for (JsonNode g : get("api/grants").body()) {
      out.add(new FieldPolygons.Grant(g.get("id").asText(), LocalDate.parse(g.get("start").asText()),
          LocalDate.parse(g.get("end").asText())));
    }
    return out;
  }

  /** The season: the last 540 days of the partner's grants, up to today. */
  private static LocalDate seasonEnd(List<FieldPolygons.Grant> grants) {
    LocalDate last = grants.stream().map(FieldPolygons.Grant::end).max(LocalDate::compareTo).orElseThrow();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return last.isAfter(today) ? today : last;
  }

  private static LocalDate seasonStart(List<FieldPolygons.Grant> grants, LocalDate end) {
    LocalDate first = grants.stream().map(FieldPolygons.Grant::start).min(LocalDate::compareTo).orElseThrow();
    return first.isAfter(end.minusDays(540)) ? first : end.minusDays(540);
  }

  private String byOutcome(JsonNode before, JsonNode after) {
    StringBuilder b = new StringBuilder();
    for (String k : List.of("cancelledKm2", "reducedKm2", "clearedKm2")) {
      b.append(b.length() == 0 ? "" : ", ").append(k.replace("Km2", "")).append(' ').append(String.format(
          Locale.ROOT, "%.3f", after.path(k).asDouble() - before.path(k).asDouble()));
    }
    return b.toString();
  }

  private Timed upload(String query, Path file) throws Exception {
    BenchHttp.Response r = field.upload(query, file);
    return new Timed(check(query, r), r.nanos() / 1e9, r.body().length);
  }

  private Timed get(String path) throws Exception {
    return get(path, true);
  }

  private Timed get(String path, boolean parse) throws Exception {
    BenchHttp.Response r = field.get(path);
    if (r.status() != 200) {
      check(path, r);
    }
    return new Timed(parse ? mapper.readTree(r.body()) : null, r.nanos() / 1e9, r.body().length);
  }

  private JsonNode check(String what, BenchHttp.Response r) throws Exception {
    if (r.status() / 100 != 2) {
      throw new IllegalStateException(what + " answered " + r.status() + ": "
          + new String(r.body(), StandardCharsets.UTF_8));
    }
    return mapper.readTree(r.body());
  }

  private static void row(String step, int features, String outcome, double seconds) {
    System.out.printf(Locale.ROOT, "| %s | %,d | %s | %.1f | %,.0f |%n", step, features, outcome, seconds,
        features / seconds);
  }
}
