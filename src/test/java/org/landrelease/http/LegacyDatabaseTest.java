package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.landrelease.store.Database;
import org.landrelease.store.TestStore;

/**
 * An H2 database of the layout before migrations (schema 2, as the service wrote it until migrations came) opens:
 * it is taken over as migration version 2 and migrated on, with the same figures and ids that go on from where they
 * were. One of an older layout is refused with what to do.
 */
class LegacyDatabaseTest {
  private static final String[] TO_SCHEMA_2 = {
      "DROP VIEW hazards", "DROP VIEW releases", "DROP VIEW events", "DROP VIEW regions", "DROP TABLE region", "DROP TABLE \"flyway_schema_history\"",
      "DROP TABLE ledger_state", "DROP SEQUENCE event_seq_ids", "DROP SEQUENCE piece_ids",
      "DROP SEQUENCE hazard_ids", "DROP SEQUENCE applied_ids", "ALTER TABLE event DROP COLUMN applied_seq",
      "ALTER TABLE event DROP COLUMN hazard_delta_m2", "ALTER TABLE event DROP COLUMN land_use",
      "ALTER TABLE piece DROP COLUMN land_use", "DROP TABLE piece_zone", "DROP TABLE zoning_zone", "DROP TABLE zoning",
      "DROP TABLE grant_country", "DROP TABLE account_country", "DROP TABLE country",
      "DROP TABLE grant_target", "DROP TABLE grant_reporting", "ALTER TABLE partner DROP COLUMN iati_org_id",
      "ALTER TABLE partner DROP COLUMN iati_org_type", "INSERT INTO meta (k, v) VALUES ('schema', '2')"};

  @BeforeEach
  void onlyOnH2() {
    Assumptions.assumeFalse(TestStore.postgres(), "databases before migrations exist only on H2");
  }

  /** Turns a database this service wrote back into the layout of schema 2. */
  private static void downgrade(Path db, String schema) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath().resolve("ledger"), "sa",
        ""); Statement st = c.createStatement()) {
      for (String sql : TO_SCHEMA_2) {
        st.execute(sql.replace("'2'", "'" + schema + "'"));
      }
    }
  }

  @Test
  void aDatabaseOfSchema2IsMigratedWithItsFiguresAndItsIdsGoOn() throws Exception {
    Path dir = Files.createTempDirectory("ledger-legacy");
    String summary;
    String hazards;
    try (TestServer s = new TestServer(dir, true)) {
      s.fund();
      s.apply(event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2023-03-01", "HALO", null,
          square(36.0, 48.5, 0.03)));
      s.apply(event(UUID.randomUUID().toString(), "CLEARANCE", "2024-03-01", "HALO", "NL-HALO",
          square(36.0, 48.5, 0.01)));
      summary = s.get("/api/stats/summary").body();
      hazards = s.get("/api/hazards?limit=1000").body();
    }
    downgrade(dir.resolve("db"), "2");
    try (TestServer s = new TestServer(dir, true)) {
      assertEquals(summary, s.get("/api/stats/summary").body());
      assertEquals(hazards, s.get("/api/hazards?limit=1000").body());
      // new events, pieces and hazards get ids after the old ones: the release splits the hazard again
      assertEquals(201, s.apply(event(UUID.randomUUID().toString(), "NON_TECHNICAL_SURVEY", "2024-04-01", "HALO",
          "NL-HALO", square(36.015, 48.515, 0.005))).status());
      var after = s.get("/api/stats/summary").json();
      assertEquals(3, after.get("events").asInt());
      assertEquals(after.get("contaminatedKm2").asDouble(), after.get("hazardAreaKm2").asDouble(), 1e-6);
    }
  }

  @Test
  void aDatabaseOfAnOlderLayoutIsRefusedWithWhatToDo() throws Exception {
    Path dir = Files.createTempDirectory("ledger-legacy-1");
    try (TestServer s = new TestServer(dir, true)) {
      s.fund();
    }
    downgrade(dir.resolve("db"), "1");
    Exception e = assertThrows(java.sql.SQLException.class, () -> Database.openH2(dir.resolve("db")).close());
    assertTrue(e.getMessage().contains("schema version 1") && e.getMessage().contains("import"), e.getMessage());
  }
}
