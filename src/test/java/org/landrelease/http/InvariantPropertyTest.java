package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of reports and releases, across an oblast border and over each other, keep the ledger's
 * invariant: reported − released = contaminated = the area of the current hazards, in total and per region.
 */
class InvariantPropertyTest {
  private static final String[] TYPES = {"HAZARD_REPORT", "NON_TECHNICAL_SURVEY", "TECHNICAL_SURVEY", "CLEARANCE"};

  @Test
  void randomEventSequencesKeepTheInvariant() throws Exception {
    for (long seed : new long[] {1, 2, 3}) {
      try (TestServer server = new TestServer()) {
        server.fund();
        SplittableRandom random = new SplittableRandom(seed);
        double released = 0;
        for (int i = 1; i <= 120; i++) {
          String type = TYPES[random.nextInt(i < 10 ? 1 : TYPES.length)];
          String classification = random.nextInt(3) == 0 ? "CHA" : "SHA";
          String body = TestServer.event(UUID.randomUUID().toString(), type, "2024-0" + (1 + random.nextInt(9))
              + "-15", "HALO", random.nextBoolean() ? "NL-HALO" : null, polygon(random))
              .replace("\"SHA\"", "\"" + classification + "\"");
          var r = server.apply(body);
          assertEquals(201, r.status(), "seed " + seed + " event " + i + ": " + r.body());
          if (r.json().has("releasedKm2")) {
            released += r.json().get("releasedKm2").asDouble();
          }
          if (i % 30 == 0) {
            assertInvariant(server, "seed " + seed + " after " + i + " events");
          }
        }
        assertTrue(released > 0, "the sequence released land");
      }
    }
  }

  /** A random convex-ish polygon of 5-12 vertices, 1-6 km across, around the Donetsk/Zaporizhzhia border. */
  private static String polygon(SplittableRandom random) {
    return TestServer.randomPolygon(random, 36.55, 47.76, 0.10, 0.08);
  }

  private static void assertInvariant(TestServer server, String when) throws Exception {
    JsonNode s = server.get("/api/stats/summary").json();
    double contaminated = s.get("contaminatedKm2").asDouble();
    assertEquals(s.get("reportedKm2").asDouble() - s.get("releasedKm2").asDouble(), contaminated, 0.001, when);
    double hazards = 0;
    for (JsonNode f : server.get("/api/hazards").json().get("features")) {
      hazards += f.get("properties").get("areaKm2").asDouble();
    }
    assertEquals(contaminated, hazards, 0.001, when + ": area of the current hazards");
    double regionsContaminated = 0, regionsReleased = 0;
    for (JsonNode row : server.get("/api/regions").json()) {
      regionsContaminated += row.get("contaminatedKm2").asDouble();
      regionsReleased += row.get("releasedKm2").asDouble();
    }
    assertEquals(contaminated, regionsContaminated, 0.001, when + ": regions add up");
    assertEquals(s.get("releasedKm2").asDouble(), regionsReleased, 0.001, when + ": released by region");
    double byType = 0;
    for (JsonNode row : server.get("/api/stats/released?by=type").json()) {
      byType += row.get("km2").asDouble();
    }
    assertEquals(s.get("releasedKm2").asDouble(), byType, 0.001, when + ": released by type");
  }
}
