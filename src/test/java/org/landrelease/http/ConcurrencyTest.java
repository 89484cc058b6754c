package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Role;
import org.landrelease.http.TestServer.Response;

/** Eight clients at once over the same hazard: land is never released twice, and one decision wins. */
class ConcurrencyTest {
  private static final int CLIENTS = 8;
  /**
   * The API gives km² rounded to 6 decimals (1 m²): a sum of n rounded figures may differ from the rounded whole by
   * up to n half-units. Anything larger would be land counted twice.
   */
  private static final double ROUNDING_KM2 = (CLIENTS + 2) * 0.5e-6;
  private static final String BBOX = "/api/hazards?bbox=35.79,48.79,35.84,48.84";

  @Test
  void eightClientsReleasingOverlappingLandAtOnceNeverDoubleCount() throws Exception {
    try (TestServer server = new TestServer()) {
      server.fund();
      assertEquals(201, server.apply(event(id(), "HAZARD_REPORT", "2023-01-05", "HALO", null,
          square(35.80, 48.80, 0.03))).status());
      double hazardBefore = hazardKm2(server);
      double releasedBefore = server.get("/api/stats/summary").json().get("releasedKm2").asDouble();
      TestServer[] field = new TestServer[CLIENTS];
      for (int i = 0; i < CLIENTS; i++) {
        field[i] = server.as(server.token("field-" + i, Role.FIELD, "HALO", null));
      }
      TestServer reviewer = server.as(server.reviewerToken);
      CyclicBarrier start = new CyclicBarrier(CLIENTS);
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<Double>> released = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        int n = i;
        released.add(pool.submit(() -> {
          // each square overlaps its neighbours by half and all of them share the centre of the hazard
          String body = event(id(), n % 2 == 0 ? "NON_TECHNICAL_SURVEY" : "CLEARANCE", "2024-04-0" + (1 + n % 9),
              "HALO", "NL-HALO", square(35.805 + 0.0025 * n, 48.805 + 0.001 * n, 0.012));
          start.await();
          Response s = field[n].post("/api/events", body);
          assertEquals(201, s.status(), s.body());
          Response a = reviewer.post("/api/events/" + s.json().get("id").asText() + "/approve", "");
          assertEquals(200, a.status(), a.body());
          return a.json().get("releasedKm2").asDouble();
        }));
      }
      double sum = 0;
      for (Future<Double> f : released) {
        sum += f.get();
      }
      pool.shutdown();
      double hazardAfter = hazardKm2(server);
      assertTrue(sum > 0.5 * 0.012 * 111 * 0.012 * 74, "the clients released land: " + sum);
      assertEquals(hazardBefore - hazardAfter, sum, ROUNDING_KM2, "released = the hazard's decrease");
      JsonNode summary = server.get("/api/stats/summary").json();
      assertEquals(releasedBefore + sum, summary.get("releasedKm2").asDouble(), ROUNDING_KM2);
      assertEquals(summary.get("contaminatedKm2").asDouble(), summary.get("hazardAreaKm2").asDouble(), 1e-6);
    }
  }

  @Test
  void eightReviewersApprovingTheSameEventAtOnceApproveItOnce() throws Exception {
    try (TestServer server = new TestServer()) {
      server.fund();
      String eventId = server.post("/api/events", event(id(), "HAZARD_REPORT", "2023-01-05", "HALO", null,
          square(35.90, 48.80, 0.02))).json().get("id").asText();
      TestServer[] reviewers = new TestServer[CLIENTS];
      for (int i = 0; i < CLIENTS; i++) {
        reviewers[i] = server.as(server.token("reviewer-" + i, Role.REVIEWER, null, null));
      }
      CyclicBarrier start = new CyclicBarrier(CLIENTS);
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        int n = i;
        statuses.add(pool.submit(() -> {
          start.await();
          return reviewers[n].post("/api/events/" + eventId + "/approve", "").status();
        }));
      }
      int ok = 0, conflict = 0;
      for (Future<Integer> f : statuses) {
        int s = f.get();
        ok += s == 200 ? 1 : 0;
        conflict += s == 409 ? 1 : 0;
      }
      pool.shutdown();
      assertEquals(1, ok);
      assertEquals(CLIENTS - 1, conflict);
      assertEquals(1, server.get("/api/stats/summary").json().get("events").asInt());
    }
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private static double hazardKm2(TestServer server) throws Exception {
    double km2 = 0;
    for (JsonNode f : server.get(BBOX).json().get("features")) {
      km2 += f.get("properties").get("areaKm2").asDouble();
    }
    return km2;
  }
}
