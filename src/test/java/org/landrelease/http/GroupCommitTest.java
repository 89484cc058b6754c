package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Role;

/**
 * Concurrent writers share commits: eight field teams submitting at once are answered after fewer commits than
 * submissions, every answered submission is in the ledger, and each approval made in a shared commit counts once.
 */
class GroupCommitTest {
  private static final int CLIENTS = 8;
  private static final int EACH = 40;

  @Test
  void concurrentSubmissionsAndApprovalsShareCommitsAndAllCount() throws Exception {
    try (TestServer server = new TestServer()) {
      server.fund();
      assertEquals(201, server.apply(event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2023-01-05", "HALO", null,
          square(36.20, 48.20, 0.2))).status());
      double releasedBefore = server.get("/api/stats/summary").json().get("releasedKm2").asDouble();
      TestServer field = server.as(server.token("field-group", Role.FIELD, "HALO", null));
      TestServer reviewer = server.as(server.reviewerToken);
      long commitsBefore = server.app().database().commits();
      CyclicBarrier start = new CyclicBarrier(CLIENTS);
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<Double>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.add(pool.submit(() -> {
          start.await();
          double released = 0;
          for (int i = 0; i < EACH; i++) {
            // disjoint squares inside the hazard: each approval releases its own 0.005° square
            String id = UUID.randomUUID().toString();
            TestServer.Response s = field.post("/api/events", event(id, "CLEARANCE", "2024-03-01", "HALO",
                "NL-HALO", square(36.21 + 0.0055 * i, 48.21 + 0.022 * client, 0.005)));
            assertEquals(201, s.status(), s.body());
            TestServer.Response a = reviewer.post("/api/events/" + id + "/approve", "");
            assertEquals(200, a.status(), a.body());
            released += a.json().get("releasedKm2").asDouble();
          }
          return released;
        }));
      }
      double released = 0;
      for (Future<Double> f : clients) {
        released += f.get();
      }
      pool.shutdown();
      long commits = server.app().database().commits() - commitsBefore;
      int writes = 2 * CLIENTS * EACH;
      assertTrue(commits < writes * 0.9, commits + " commits for " + writes + " writes: none was shared");
      var summary = server.get("/api/stats/summary").json();
      assertEquals(1 + CLIENTS * EACH, summary.get("events").asInt());
      assertEquals(releasedBefore + released, summary.get("releasedKm2").asDouble(), CLIENTS * EACH * 1e-6);
      assertEquals(summary.get("contaminatedKm2").asDouble(), summary.get("hazardAreaKm2").asDouble(), 1e-6);
      System.out.printf("group commit: %d commits for %d writes%n", commits, writes);
    }
  }
}
