package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.landrelease.cli.CountryCommand;

/**
 * The command line 'country load|list' on the database of a stopped service, with a real Natural Earth file: the
 * service started again has the country, splits a new event by it, and its figures reconcile on their own.
 */
class CountryCommandTest {
  private static void run(Path dir, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(ZoningCommandTest.database(dir));
    CountryCommand.main(all.toArray(String[]::new));
  }

  @Test
  void loadsANaturalEarthCountryOnAStoppedLedger() throws Exception {
    Path dir = Files.createTempDirectory("ledger-country-cli");
    try (TestServer server = new TestServer(dir, true)) {
      server.post("/api/partners", "{\"id\":\"HALO\",\"name\":\"HALO Trust\"}");
    }
    Path file = dir.resolve("LB.geojson");
    Files.copy(Path.of("data/countries/LB.geojson"), file, StandardCopyOption.REPLACE_EXISTING);
    run(dir, "load", "LB", file.toString(), "--name-uk-field", "name_uk", "--dry-run");
    try (TestServer server = new TestServer(dir, true)) {
      assertEquals(1, server.get("/api/countries").json().size(), "a dry run stores nothing");
    }
    run(dir, "load", "LB", file.toString(), "--name-uk-field", "name_uk");
    run(dir, "list");
    try (TestServer server = new TestServer(dir, true)) {
      JsonNode lb = server.get("/api/countries/LB").json();
      assertEquals("Lebanon", lb.get("country").get("name").asText());
      assertEquals(6, lb.get("regions").size());
      assertTrue(lb.get("regions").get(0).get("code").asText().startsWith("LB-"));
      // Beirut and its surroundings: a hazard and a release, counted in Lebanon only
      assertEquals(201, server.apply(TestServer.event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2024-05-15",
          "HALO", null, TestServer.square(35.55, 33.80, 0.05))).status());
      assertEquals(201, server.apply(TestServer.event(UUID.randomUUID().toString(), "CLEARANCE", "2024-06-15",
          "HALO", null, TestServer.square(35.56, 33.81, 0.02))).status());
      JsonNode summary = server.get("/api/stats/summary?country=LB").json();
      assertTrue(summary.get("clearedKm2").asDouble() > 1, summary.toString());
      assertEquals(0, server.get("/api/stats/summary?country=UA").json().get("releasedKm2").asDouble(), 0);
      double byRegion = 0;
      for (JsonNode r : server.get("/api/regions?country=LB").json()) {
        byRegion += r.get("releasedKm2").asDouble();
      }
      assertEquals(summary.get("releasedKm2").asDouble(), byRegion, 1e-9);
    }
  }

  @Test
  void loadNeedsACodeAndAFile() {
    var e = assertThrows(IllegalArgumentException.class, () -> CountryCommand.main(new String[] {"load", "LB"}));
    assertTrue(e.getMessage().contains("CODE and FILE"), e.getMessage());
  }
}
