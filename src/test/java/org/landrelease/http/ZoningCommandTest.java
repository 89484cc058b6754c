package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.landrelease.cli.ZoningCommand;
import org.landrelease.store.PgCluster;
import org.landrelease.store.TestStore;

/**
 * The command line 'zoning load|list|delete' on the database of a stopped service, on the test store: the service
 * started again answers by the zoning, back-filled, reconciled with the national figures.
 */
class ZoningCommandTest {
  /** --db for H2, --db-url (user in the URL: the credentials come from the environment otherwise) on PostgreSQL. */
  static List<String> database(Path dir) {
    Path db = dir.resolve("db");
    if (!TestStore.postgres()) {
      return List.of("--db", db.toString());
    }
    String url = TestStore.postgresUrl(db);
    return List.of("--db-url", url + (url.contains("?") ? "&" : "?") + "user=" + PgCluster.get().user());
  }

  private static void run(Path dir, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(database(dir));
    ZoningCommand.main(all.toArray(String[]::new));
  }

  @Test
  void loadListAndDeleteOnAStoppedLedger() throws Exception {
    Path dir = Files.createTempDirectory("ledger-zoning-cli");
    SplittableRandom random = new SplittableRandom(21);
    try (TestServer server = new TestServer(dir, true)) {
      server.fund();
      for (int i = 1; i <= 15; i++) {
        assertEquals(201, server.apply(TestServer.event(UUID.randomUUID().toString(),
            i < 5 ? "HAZARD_REPORT" : "CLEARANCE", "2024-05-15", "HALO", null, ZoningApiTest.polygon(random)))
            .status());
      }
    }
    Path file = dir.resolve("grid.geojson");
    Files.writeString(file, ZoningFixtures.testGrid());
    run(dir, "load", "grid", file.toString(), "--name-field", "name", "--class-field", "class", "--dry-run");
    run(dir, "load", "grid", file.toString(), "--name-field", "name", "--class-field", "class", "--title", "Grid");
    try (TestServer server = new TestServer(dir, true)) {
      assertEquals("Grid", server.get("/api/zonings/grid").json().get("zoning").get("title").asText());
      ZoningApiTest.assertReconciles(server, "grid", "", "after the command line's back-fill");
      ZoningConcurrencyTest.assertEveryPieceSplit(server, "grid");
    }
    run(dir, "list");
    run(dir, "delete", "grid");
    try (TestServer server = new TestServer(dir, true)) {
      assertEquals(0, server.get("/api/zonings").json().size());
    }
  }

  @Test
  void anUnknownOptionIsAnErrorNotAFileName() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> ZoningCommand.main(new String[] {"load", "grid", "grid.geojson", "--code-feild", "code"}));
    assertTrue(e.getMessage().contains("--code-feild"), e.getMessage());
  }
}
