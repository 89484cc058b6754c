package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landrelease.demo.DemoLoader;
import org.landrelease.demo.FeatureEvents;

/**
 * Released by land use over periods of a ledger with a past: historical records through the demo loader, each counted
 * on its own date (events approved through the API count from today, so they cannot show periods). The sums over land
 * uses must equal the national released figure of the same period, before and after a reversal.
 */
class LandUseHistoryTest {
  static final String CLEARANCE = UUID.randomUUID().toString();
  static TestServer server;

  private static String withLandUse(String body, String landUse) {
    return body.replace(",\"geometry\":", ",\"landUse\":\"" + landUse + "\",\"geometry\":");
  }

  @BeforeAll
  static void start() throws Exception {
    Path history = Files.createTempDirectory("land-use-history");
    Files.writeString(history.resolve(DemoLoader.FUNDING_FILE), """
        {"dataset": "land use history test", "events": 6,
         "partners": [{"id": "HALO", "name": "The HALO Trust"}],
         "grants": [{"id": "NL-HALO", "donor": "Netherlands", "partner": "HALO", "title": "Land release",
                     "amount": 1000000, "currency": "EUR", "start": "2023-01-01", "end": "2025-12-31"}]}
        """);
    List<String> events = List.of(
        TestServer.event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2023-06-01", "HALO", null,
            TestServer.square(36.0, 47.0, 0.1)),
        withLandUse(TestServer.event(UUID.randomUUID().toString(), "NON_TECHNICAL_SURVEY", "2023-11-01", "HALO",
            "NL-HALO", TestServer.square(36.0, 47.0, 0.02)), "AGRICULTURE"),
        withLandUse(TestServer.event(CLEARANCE, "CLEARANCE", "2024-03-01", "HALO", "NL-HALO",
            TestServer.square(36.03, 47.0, 0.02)), "AGRICULTURE"),
        withLandUse(TestServer.event(UUID.randomUUID().toString(), "TECHNICAL_SURVEY", "2024-05-10", "HALO",
            "NL-HALO", TestServer.square(36.06, 47.0, 0.02)), "RESIDENTIAL"),
        TestServer.event(UUID.randomUUID().toString(), "CLEARANCE", "2024-07-01", "HALO", "NL-HALO",
            TestServer.square(36.0, 47.05, 0.02)),
        "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"REVERSAL\",\"date\":\"2024-09-01\",\"partner\":\"HALO\","
            + "\"reverses\":\"" + CLEARANCE + "\",\"reason\":\"quality control: not cleared to depth\"}");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(history.resolve(DemoLoader.EVENTS_FILE)))) {
      for (String body : events) {
        ObjectNode feature = FeatureEvents.toFeature(TestServer.JSON.readTree(body), TestServer.JSON);
        out.write((TestServer.JSON.writeValueAsString(feature) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    server = TestServer.withHistory(history);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static double km2(JsonNode rows, String key) {
    for (JsonNode row : rows) {
      if (row.get("key").asText().equals(key)) {
        return row.get("km2").asDouble();
      }
    }
    return 0;
  }

  private static double sum(JsonNode rows) {
    double s = 0;
    for (JsonNode row : rows) {
      s += row.get("km2").asDouble();
    }
    return s;
  }

  private static double released(String asOf) throws Exception {
    return server.get("/api/stats/summary?asOf=" + asOf).json().get("releasedKm2").asDouble();
  }

  private static JsonNode byLandUse(String from, String to) throws Exception {
    return server.get("/api/stats/released?by=landUse&from=" + from + "&to=" + to).json();
  }

  @Test
  void eachPeriodsSumOverLandUsesIsTheNationalReleasedFigureOfThatPeriod() throws Exception {
    String[][] periods = {{"2023-01-01", "2023-12-31"}, {"2024-01-01", "2024-12-31"}, {"2024-01-01", "2024-06-30"},
        {"2024-07-01", "2024-12-31"}, {"2023-01-01", "2026-12-31"}};
    for (String[] p : periods) {
      double expected = released(p[1]) - released(java.time.LocalDate.parse(p[0]).minusDays(1).toString());
      assertEquals(expected, sum(byLandUse(p[0], p[1])), 0.001, p[0] + ".." + p[1]);
    }
  }

  @Test
  void farmlandReleasedIn2024IsTheClearanceUntilItIsReversed() throws Exception {
    JsonNode firstHalf = byLandUse("2024-01-01", "2024-06-30");
    double cleared = km2(firstHalf, "AGRICULTURE");
    assertTrue(cleared > 1, firstHalf.toString()); // 0.02° square: about 3.4 km²
    assertEquals(cleared, firstHalf.get(0).get("clearedKm2").asDouble(), 1e-9); // rows sorted: AGRICULTURE first
    assertTrue(km2(firstHalf, "RESIDENTIAL") > 1, firstHalf.toString());
    // the reversal in September counts negative under the land use of the release it undoes
    JsonNode secondHalf = byLandUse("2024-07-01", "2024-12-31");
    assertEquals(-cleared, km2(secondHalf, "AGRICULTURE"), 1e-6, secondHalf.toString());
    assertTrue(km2(secondHalf, "unknown") > 1, secondHalf.toString());
    // over the year the clearance is gone; 2023's survey stays
    assertEquals(0, km2(byLandUse("2024-01-01", "2024-12-31"), "AGRICULTURE"), 1e-6);
    assertTrue(km2(byLandUse("2023-01-01", "2023-12-31"), "AGRICULTURE") > 1);
  }

  @Test
  void farmlandPerRegionAddsUpToTheFarmlandRowAndTheLandUsesToEachRegion() throws Exception {
    String period = "&from=2023-01-01&to=2024-06-30";
    JsonNode uses = byLandUse("2023-01-01", "2024-06-30");
    JsonNode regions = server.get("/api/stats/released?by=region" + period).json();
    java.util.Map<String, Double> regionSums = new java.util.HashMap<>();
    for (String use : new String[] {"AGRICULTURE", "RESIDENTIAL", "INFRASTRUCTURE", "FOREST", "WATER", "OTHER",
        "unknown"}) {
      JsonNode perRegion = server.get("/api/stats/released?by=region&landUse=" + use + period).json();
      assertEquals(km2(uses, use), sum(perRegion), 1e-6, use + ": " + perRegion);
      for (JsonNode row : perRegion) {
        regionSums.merge(row.get("key").asText(), row.get("km2").asDouble(), Double::sum);
      }
    }
    assertTrue(km2(uses, "AGRICULTURE") > 1, uses.toString());
    for (JsonNode row : regions) {
      assertEquals(row.get("km2").asDouble(), regionSums.getOrDefault(row.get("key").asText(), 0.0), 1e-6,
          row.toString());
    }
    assertEquals(400, server.get("/api/stats/released?by=region&landUse=FARMLAND").status());
  }
}
