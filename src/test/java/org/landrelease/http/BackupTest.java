package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.landrelease.store.PgCluster;
import org.landrelease.store.TestStore;
import org.landrelease.cli.AdminCommands;
import org.landrelease.http.TestServer.Response;

/** The documented backup and restore: an online backup of a running service, restored into a fresh directory. */
class BackupTest {

  @Test
  void aBackupRestoredIntoAFreshDirectoryGivesTheSameLedger() throws Exception {
    String summary;
    String events;
    String hazards;
    Path backup;
    try (TestServer server = new TestServer()) {
      server.fund();
      server.apply(event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2023-03-01", "HALO", null,
          square(36.0, 48.5, 0.03)));
      server.apply(event(UUID.randomUUID().toString(), "CLEARANCE", "2024-03-01", "HALO", "NL-HALO",
          square(36.0, 48.5, 0.01)));
      server.post("/api/events", event(UUID.randomUUID().toString(), "NON_TECHNICAL_SURVEY", "2024-04-01", "HALO",
          "NL-HALO", square(36.02, 48.5, 0.01)));
      assertEquals(403, server.as(server.reviewerToken).post("/api/backups", "").status());
      Response r = server.post("/api/backups", "");
      if (TestStore.postgres()) {
        // PostgreSQL is backed up by its own tools: the endpoint says how, and pg_dump of the running ledger is
        // the backup (consistent: one snapshot)
        assertEquals(501, r.status(), r.body());
        assertTrue(r.json().get("detail").asText().contains("pg_dump"), r.body());
        backup = Files.createTempDirectory("ledger-dump").resolve("ledger.dump");
        PgCluster.get().dump(TestStore.postgresUrl(server.dir.resolve("db")), backup);
      } else {
        assertEquals(201, r.status(), r.body());
        backup = Path.of(r.json().get("file").asText());
      }
      assertTrue(Files.size(backup) > 0);
      summary = server.get("/api/stats/summary").body();
      events = server.get("/api/events?limit=1000").body();
      hazards = server.get("/api/hazards?limit=1000").body();
    }
    Path fresh = Files.createTempDirectory("ledger-restored");
    if (TestStore.postgres()) {
      // pg_restore into a new database, on which a service then starts as on any other
      TestStore.usePostgres(fresh.resolve("db"), PgCluster.get().restore(backup));
    } else {
      AdminCommands.restore(new String[] {"--from", backup.toString(), "--db", fresh.resolve("db").toString()});
      // restoring over a database is refused
      assertThrows(java.io.IOException.class, () ->
          AdminCommands.restore(new String[] {"--from", backup.toString(), "--db", fresh.resolve("db").toString()}));
    }
    try (TestServer restored = new TestServer(fresh, true)) {
      assertEquals(summary, restored.get("/api/stats/summary").body());
      assertEquals(events, restored.get("/api/events?limit=1000").body());
      assertEquals(hazards, restored.get("/api/hazards?limit=1000").body());
      assertTrue(restored.get("/api/events?status=SUBMITTED").body().contains("SUBMITTED"));
    }
  }
}
