package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.landrelease.store.TestStore;

/** Events acknowledged with 201 survive a kill -9 of the service: a real child JVM is killed and restarted. */
class DurabilityTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private static ChildService startChild(Path db) throws Exception {
    return ChildService.start(db, TestStore.environment(db));
  }

  private HttpResponse<String> post(int port, String token, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(int port, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acknowledgedEventsSurviveKillMinus9() throws Exception {
    Path db = Files.createTempDirectory("ledger-durability").resolve("db");
    ChildService child = startChild(db);
    List<String> acknowledged = new ArrayList<>();
    List<String> approved = new ArrayList<>();
    try {
      // the first start prints a one-time administrator token: the only way in
      String admin = child.adminToken();
      assertTrue(admin != null && admin.startsWith("lr_"), "no admin token printed");
      assertEquals(201, post(child.port(), admin, "/api/partners", "{\"id\":\"HALO\",\"name\":\"HALO Trust\"}")
          .statusCode());
      HttpResponse<String> reviewer = post(child.port(), admin, "/api/users",
          "{\"name\":\"rev\",\"role\":\"REVIEWER\"}");
      assertEquals(201, reviewer.statusCode(), reviewer.body());
      String reviewerToken = TestServer.JSON.readTree(reviewer.body()).get("token").asText();
      for (int i = 0; i < 60; i++) {
        String id = UUID.randomUUID().toString();
        String type = i % 2 == 0 ? "HAZARD_REPORT" : "NON_TECHNICAL_SURVEY";
        double lon = 37.0 + (i / 2) * 0.02;
        String geometry = TestServer.square(lon, 48.0, i % 2 == 0 ? 0.015 : 0.008);
        HttpResponse<String> r = post(child.port(), admin, "/api/events",
            TestServer.event(id, type, "2024-01-15", "HALO", null, geometry));
        assertEquals(201, r.statusCode(), r.body());
        acknowledged.add(id);
        // two in three are approved at once; the rest stay submitted across the crash
        if (i % 3 != 2) {
          HttpResponse<String> a = post(child.port(), reviewerToken, "/api/events/" + id + "/approve", "");
          assertEquals(200, a.statusCode(), a.body());
          approved.add(id);
        }
      }
      String summary = get(child.port(), "/api/stats/summary", null).body();
      // kill -9: no shutdown hook, no clean close of the database
      child.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);

      ChildService restarted = startChild(db);
      try {
        for (String id : acknowledged) {
          HttpResponse<String> e = get(restarted.port(), "/api/events/" + id, child.adminToken());
          assertEquals(200, e.statusCode(), "event " + id + " was lost");
          String status = approved.contains(id) ? "APPROVED" : "SUBMITTED";
          assertTrue(e.body().contains("\"status\":\"" + status + "\""), "event " + id + " is not " + status);
        }
        assertEquals(summary, get(restarted.port(), "/api/stats/summary", null).body());
        assertTrue(summary.contains("\"events\":" + approved.size()), summary);
      } finally {
        restarted.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } finally {
      child.process().destroyForcibly();
    }
  }
}
