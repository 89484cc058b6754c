package org.landrelease.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landrelease.config.Config;
import org.landrelease.store.Database;
import org.landrelease.store.TestStore;

/**
 * The commands as an operator runs them, in a child JVM (java org.landrelease.Main ...): a command line they cannot
 * read ends with one line on stderr naming the culprit and exit code 2, never a stack trace, and nothing is done.
 */
class CommandLineTest {
  private record Run(int exit, String out, String err) {}

  private static Run run(Path dir, String... args) throws Exception {
    return run(dir, Map.of(), args);
  }

  private static Run run(Path dir, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.landrelease.Main"));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt"), err = dir.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("LEDGER_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", args) + " did not end");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static void assertOneLineError(Run r, String expected) {
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void importWithAnUnknownFlagIsRefusedNamingTheFlag(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("file.gpkg"), "not read");
    Run r = run(dir, "import", "--bogus", "file.gpkg", "--db", dir.resolve("db").toString());
    assertOneLineError(r, "landrelease import: unknown option --bogus");
    assertFalse(Files.exists(dir.resolve("db")), "no database was opened");
  }

  @Test
  void importWithoutItsMappingIsRefused(@TempDir Path dir) throws Exception {
    Run r = run(dir, "import", "file.gpkg");
    assertOneLineError(r, "missing --mapping");
  }

  @Test
  void importWithTwoFilesIsRefused(@TempDir Path dir) throws Exception {
    Run r = run(dir, "import", "a.gpkg", "b.gpkg", "--mapping", "m.json");
    assertOneLineError(r, "unexpected argument 'b.gpkg'");
  }

  @Test
  void importHelpPrintsTheUsageAndExitsZero(@TempDir Path dir) throws Exception {
    Run r = run(dir, "import", "--help");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("usage: landrelease import FILE [options]"), r.out());
    for (String option : List.of("--mapping FILE", "--dry-run", "--format gpkg|shp|geojson|csv",
        "--layer TABLE", "--crs EPSG:n", "--db DIR", "--db-url URL", "LEDGER_DB_USER")) {
      assertTrue(r.out().contains(option), option + " in " + r.out());
    }
  }

  @Test
  void serveWithABadPortIsRefusedBeforeItStarts(@TempDir Path dir) throws Exception {
    Run r = run(dir, "--port", "eighty", "--db", dir.resolve("db").toString());
    assertOneLineError(r, "landrelease serve: --port: 'eighty' is not a whole number");
    assertFalse(Files.exists(dir.resolve("db")));
  }

  @Test
  void benchWithABadNumberIsRefused(@TempDir Path dir) throws Exception {
    assertOneLineError(run(dir, "bench", "--events", "10k"), "--events: '10k' is not a whole number");
  }

  @Test
  void createUserWithAnUnknownRoleIsRefused(@TempDir Path dir) throws Exception {
    assertOneLineError(run(dir, "create-user", "--name", "x", "--role", "boss", "--db", dir.toString()),
        "--role: 'boss' is not one of field, reviewer, donor, admin");
  }

  /** The store comes from --db or, on PostgreSQL, from LEDGER_DB_URL and LEDGER_DB_USER as an operator sets them. */
  @Test
  void createUserOnTheTestStoreTakesItsStoreFromOptionsAndEnvironment(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("db");
    Config c = TestStore.configure(new Config("127.0.0.1", 0, db, Path.of("data/ukraine-oblasts.geojson"),
        Path.of("web"), Path.of("data/demo"), false, true));
    try (Database created = c.postgres() ? Database.openPostgres(c.databaseUrl(), c.dbUser(), c.dbPassword())
        : Database.openH2(db)) {
      // an empty ledger, as a first start leaves it
    }
    Run r = run(dir, TestStore.environment(db), "create-user", "--name", "reviewer-2", "--role", "REVIEWER",
        "--db", db.toString());
    assertEquals(0, r.exit(), r.err() + r.out());
    List<String> lines = r.out().lines().toList();
    assertEquals("Created REVIEWER account 'reviewer-2'. Its token, shown only now:", lines.get(0));
    assertTrue(lines.get(1).startsWith("lr_"), lines.get(1));
  }

  /**
   * create-user --countries binds the account to countries the ledger holds (Ukraine, seeded at the first start);
   * an unknown one is a one-line refusal naming it, and no account is made.
   */
  @Test
  void createUserBindsTheAccountToKnownCountriesOnly(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("db");
    // a first start seeds Ukraine
    new org.landrelease.http.TestServer(dir, true).close();
    Map<String, String> env = TestStore.environment(db);
    Run refused = run(dir, env, "create-user", "--name", "reviewer-xk", "--role", "REVIEWER", "--countries",
        "ua,XK", "--db", db.toString());
    // the database's opening logs above it; the refusal itself is one line, without a stack trace
    assertEquals(2, refused.exit(), refused.err());
    assertTrue(refused.err().contains("landrelease create-user: the ledger holds no country 'XK'; it holds [UA]"),
        refused.err());
    assertFalse(refused.err().contains("Exception"), refused.err());
    Run r = run(dir, env, "create-user", "--name", "reviewer-ua", "--role", "REVIEWER", "--countries", "ua",
        "--db", db.toString());
    assertEquals(0, r.exit(), r.err() + r.out());
    assertEquals("Created REVIEWER account 'reviewer-ua' bound to [UA]. Its token, shown only now:",
        r.out().lines().findFirst().orElse(""));
    // the refused name is still free: nothing was made
    Run again = run(dir, env, "create-user", "--name", "reviewer-xk", "--role", "REVIEWER", "--db", db.toString());
    assertEquals(0, again.exit(), again.err());
  }

  /** The README's import, with every option of the old parser: the file, the mapping and the flags reach the import. */
  @Test
  void importDryRunReadsTheFileWithItsMappingAndStoresNothing(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("db");
    Config c = TestStore.configure(new Config("127.0.0.1", 0, db, Path.of("data/ukraine-oblasts.geojson"),
        Path.of("web"), Path.of("data/demo"), false, true));
    String square = "[[[36.3,48.0],[36.31,48.0],[36.31,48.01],[36.3,48.01],[36.3,48.0]]]";
    String feature = "{\"type\":\"Feature\",\"properties\":{\"d\":\"2024-06-03\",\"org\":\"HALO\",\"grant\":"
        + "\"NL-HALO\",\"haz\":\"AP_MINE\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + square + "}}";
    Files.writeString(dir.resolve("fields.json"), "{\"type\":\"FeatureCollection\",\"features\":[" + feature + ","
        + feature.replace("2024-06-03", "2024-06-04") + "]}");
    Files.writeString(dir.resolve("mapping.json"), "{\"type\":{\"const\":\"HAZARD_REPORT\"},\"date\":{\"column\":"
        + "\"d\"},\"partner\":{\"column\":\"org\"},\"grant\":{\"column\":\"grant\"},\"classification\":"
        + "{\"const\":\"SHA\"},\"hazardTypes\":{\"column\":\"haz\"}}");
    Run r = run(dir, TestStore.environment(db), "import", "fields.json", "--mapping", "mapping.json", "--dry-run",
        "--format", "geojson", "--db", db.toString());
    assertEquals(0, r.exit(), r.err());
    // the first start of an empty ledger prints its administrator token above the report
    String json = r.out().substring(r.out().indexOf("\n{") + 1);
    com.fasterxml.jackson.databind.JsonNode report = org.landrelease.service.Json.mapper().readTree(json);
    assertTrue(report.get("dryRun").asBoolean(), r.out());
    assertEquals(2, report.get("featureCount").asInt(), r.out());
    assertEquals(0, report.get("created").asInt(), r.out());
    assertEquals("geojson", report.get("format").asText(), r.out());
    assertEquals("unknown-partner", report.get("features").get(1).get("problem").get("problem").asText(),
        "an empty ledger knows no partner: " + r.out());
  }

  @Test
  void unknownCommandIsRefusedWithTheListOfCommands(@TempDir Path dir) throws Exception {
    Run r = run(dir, "imprt", "file.gpkg");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("landrelease: unknown command 'imprt'"), r.err());
    assertTrue(r.err().contains("bench-tiles"), r.err());
  }
}
