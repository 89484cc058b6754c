package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** HTTP conventions: 405 with Allow for a known path, and problem+json for what Jetty itself refuses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpConventionsTest {
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void aKnownPathWithAnotherMethodIs405WithAllow() throws Exception {
    Map<String, String[]> cases = Map.of(
        "/api/stats/summary", new String[] {"DELETE", "GET"},
        "/api/events", new String[] {"PUT", "GET, POST"},
        "/api/users/someone", new String[] {"GET", "DELETE"},
        "/tiles/hazards/8/153/86.mvt", new String[] {"POST", "GET"});
    HttpClient http = HttpClient.newHttpClient();
    for (Map.Entry<String, String[]> c : cases.entrySet()) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.base() + c.getKey()))
          .method(c.getValue()[0], HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(405, r.statusCode(), c.getKey());
      assertEquals(c.getValue()[1], r.headers().firstValue("Allow").orElse(null), c.getKey());
      assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(null));
      assertTrue(r.body().contains("it takes " + c.getValue()[1]), r.body());
    }
    assertEquals(404, server.get("/api/nothing-here").status());
  }

  /** Raw requests that never reach a route: the answer is problem+json, not Jetty's HTML page. */
  @Test
  void whatJettyRefusesIsProblemJson() throws Exception {
    URI base = URI.create(server.base());
    for (String request : new String[] {
        "GET /../../etc/passwd HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        "GET /api/stats/summary HTTP/1.1 garbage\r\nHost: a\r\nConnection: close\r\n\r\n",
        "GARBAGE\r\n\r\n",
        "GET /api/stats/summary HTTP/1.1\r\nHost: a\r\nBad Header\r\nConnection: close\r\n\r\n"}) {
      try (Socket s = new Socket(base.getHost(), base.getPort())) {
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = s.getInputStream();
        String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("HTTP/1.1 400"), request + "\n" + answer);
        assertTrue(answer.contains("Content-Type: application/problem+json"), answer);
        assertTrue(answer.contains("\"status\":400") && answer.contains("\"detail\":\"the server refused"), answer);
        assertTrue(!answer.contains("<html") && !answer.contains("at org."), answer);
      }
    }
  }
}
