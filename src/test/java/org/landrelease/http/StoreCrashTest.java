package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Role;
import org.landrelease.store.PgCluster;
import org.landrelease.store.TestStore;

/**
 * What is acknowledged survives crashes on PostgreSQL: kill -9 of one of two instances while both write, and an
 * immediate stop of the database itself (pg_ctl stop -m immediate). While the database is down the service answers
 * 503 problem+json, never a hang or a stack trace, and it recovers by itself when the database is back.
 */
class StoreCrashTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Event id to the status the service acknowledged for it: SUBMITTED (201) or APPROVED (200). */
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

  private static HttpResponse<String> post(int port, String token, String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Submits and approves releases over the hazard until stopped; records what was acknowledged. */
  private Runnable writer(int port, String field, String reviewer, int w, AtomicBoolean stop) {
    return () -> {
      for (int n = 0; !stop.get(); n++) {
        String id = UUID.randomUUID().toString();
        try {
          double lon = 36.01 + 0.004 * ((n * 7 + w * 3) % 20);
          double lat = 48.01 + 0.004 * ((n * 3 + w * 5) % 20);
          HttpResponse<String> s = post(port, field, "/api/events", event(id, w % 2 == 0 ? "CLEARANCE"
              : "NON_TECHNICAL_SURVEY", "2024-05-01", "HALO", "NL-HALO", square(lon, lat, 0.006)));
          if (s.statusCode() != 201) {
            continue;
          }
          acknowledged.put(id, "SUBMITTED");
          HttpResponse<String> a = post(port, reviewer, "/api/events/" + id + "/approve", "");
          if (a.statusCode() == 200) {
            acknowledged.put(id, "APPROVED");
          }
        } catch (IOException | InterruptedException e) {
          if (stop.get()) {
            return;
          }
          // the instance is gone (killed): this writer stops
          return;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  private void assertEverythingAcknowledgedIsThere(TestServer server) throws Exception {
    assertTrue(acknowledged.size() > 10, "the writers wrote: " + acknowledged.size());
    for (Map.Entry<String, String> e : acknowledged.entrySet()) {
      TestServer.Response r = server.get("/api/events/" + e.getKey());
      assertEquals(200, r.status(), "acknowledged event " + e.getKey() + " was lost");
      if (e.getValue().equals("APPROVED")) {
        assertEquals("APPROVED", r.json().get("status").asText(), "approval of " + e.getKey() + " was lost");
      }
    }
    JsonNode s = server.get("/api/stats/summary").json();
    assertEquals(s.get("reportedKm2").asDouble() - s.get("releasedKm2").asDouble(),
        s.get("contaminatedKm2").asDouble(), 1e-5);
    assertEquals(s.get("contaminatedKm2").asDouble(), s.get("hazardAreaKm2").asDouble(), 1e-5);
  }

  @Test
  void killMinus9OfOneInstanceLosesNothingAcknowledgedAndTheOtherKeepsServing() throws Exception {
    Path dir = Files.createTempDirectory("ledger-kill");
    try (TestServer b = TestServer.onPostgres(dir)) {
      b.fund();
      assertEquals(201, b.apply(event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2023-01-05", "HALO", null,
          square(36.0, 48.0, 0.1))).status());
      String field = b.token("field-kill", Role.FIELD, "HALO", null);
      ChildService a = ChildService.start(dir.resolve("db-child"), TestStore.postgresEnvironment(dir.resolve("db")));
      AtomicBoolean stopA = new AtomicBoolean();
      AtomicBoolean stopB = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> onA = List.of(pool.submit(writer(a.port(), field, b.reviewerToken, 0, stopA)),
            pool.submit(writer(a.port(), field, b.reviewerToken, 1, stopA)));
        List<Future<?>> onB = List.of(pool.submit(writer(b.app().port(), field, b.reviewerToken, 2, stopB)),
            pool.submit(writer(b.app().port(), field, b.reviewerToken, 3, stopB)));
        Thread.sleep(2_000);
        int before = acknowledged.size();
        a.kill();
        for (Future<?> f : onA) {
          f.get();
        }
        Thread.sleep(1_500);
        stopB.set(true);
        for (Future<?> f : onB) {
          f.get();
        }
        assertTrue(acknowledged.size() > before, "the other instance kept acknowledging writes after the kill");
      } finally {
        stopA.set(true);
        stopB.set(true);
        pool.shutdownNow();
        a.kill();
      }
      assertEverythingAcknowledgedIsThere(b);
    }
  }

  @Test
  void anImmediateStopOfTheDatabaseLosesNothingAcknowledgedAndAnswers503UntilItIsBack() throws Exception {
    Path dir = Files.createTempDirectory("ledger-pgcrash");
    PgCluster cluster = PgCluster.get();
    try (TestServer s = TestServer.onPostgres(dir)) {
      s.fund();
      assertEquals(201, s.apply(event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2023-01-05", "HALO", null,
          square(36.0, 48.0, 0.1))).status());
      String field = s.token("field-crash", Role.FIELD, "HALO", null);
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<?>> writers = List.of(pool.submit(writer(s.app().port(), field, s.reviewerToken, 0, stop)),
          pool.submit(writer(s.app().port(), field, s.reviewerToken, 1, stop)));
      Thread.sleep(1_500);
      try {
        cluster.stopImmediate();
        // while it is down: a write and a read are refused with 503 problem+json, in seconds
        long t0 = System.nanoTime();
        HttpResponse<String> w = post(s.app().port(), field, "/api/events", event(UUID.randomUUID().toString(),
            "CLEARANCE", "2024-05-01", "HALO", "NL-HALO", square(36.05, 48.05, 0.001)));
        assertEquals(503, w.statusCode(), w.body());
        assertEquals("application/problem+json", w.headers().firstValue("Content-Type").orElse(""));
        assertTrue(!w.body().contains("Exception") && !w.body().contains("at org."), w.body());
        TestServer.Response r = s.get("/api/stats/summary");
        assertEquals(503, r.status(), r.body());
        assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "answered in seconds, not hung");
        stop.set(true);
        for (Future<?> f : writers) {
          f.get();
        }
      } finally {
        stop.set(true);
        pool.shutdownNow();
        cluster.start();
      }
      // back by itself: no restart of the service
      int status = 0;
      for (int i = 0; i < 60 && status != 201; i++) {
        status = post(s.app().port(), field, "/api/events", event(UUID.randomUUID().toString(), "CLEARANCE",
            "2024-05-01", "HALO", "NL-HALO", square(36.07, 48.07, 0.001))).statusCode();
        if (status != 201) {
          Thread.sleep(500);
        }
      }
      assertEquals(201, status, "the service recovered when the database came back");
      assertEverythingAcknowledgedIsThere(s);
    }
  }
}
