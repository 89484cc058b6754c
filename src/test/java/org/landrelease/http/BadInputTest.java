package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.landrelease.http.TestServer.Response;

/** Each bad request gets its 4xx as problem+json with a reason, and the ledger is left as it was. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  private static final String ID = "6f1c2b0e-8d4a-4c3e-9b7a-1d2e3f4a5b6c";
  private static final String OK_GEOMETRY = square(37.60, 48.20, 0.01);
  private TestServer server;
  private final java.util.Map<String, String> tokens = new java.util.HashMap<>();
  private String approvedRelease;
  private String approvedReleaseBody;
  private String approvedReport;
  private String submitted;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    server.fund();
    approvedReport = UUID.randomUUID().toString();
    Response r = server.apply(event(approvedReport, "HAZARD_REPORT", "2023-01-10", "HALO", null,
        square(37.6, 48.2, 0.02)));
    assertEquals(201, r.status());
    approvedRelease = UUID.randomUUID().toString();
    approvedReleaseBody = event(approvedRelease, "NON_TECHNICAL_SURVEY", "2024-01-05", "HALO", "NL-HALO",
        square(37.615, 48.215, 0.002));
    assertEquals(201, server.apply(approvedReleaseBody).status());
    submitted = server.post("/api/events", event(UUID.randomUUID().toString(), "TECHNICAL_SURVEY", "2024-01-06",
        "HALO", "NL-HALO", square(37.60, 48.20, 0.002))).json().get("id").asText();
    tokens.put("admin", server.adminToken);
    tokens.put("reviewer", server.reviewerToken);
    tokens.put("field", server.token("field-halo", org.landrelease.domain.Role.FIELD, "HALO", null));
    tokens.put("donor", server.token("donor-nl", org.landrelease.domain.Role.DONOR, null, "Netherlands"));
    String revoked = server.token("gone", org.landrelease.domain.Role.FIELD, "HALO", null);
    assertEquals(204, server.delete("/api/users/gone").status());
    tokens.put("revoked", revoked);
    tokens.put("wrong", "lr_" + "A".repeat(43));
  }

  /**
   * Hostile or unauthorised requests: wrong tokens, other partners' grants and events, replays, corrections that
   * are not allowed, decisions out of turn. Each is refused with a problem and changes nothing.
   */
  Stream<Arguments> hostileRequests() {
    String fresh = event(UUID.randomUUID().toString(), "NON_TECHNICAL_SURVEY", "2024-02-01", "HALO", "NL-HALO",
        OK_GEOMETRY);
    String reversal = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"REVERSAL\",\"date\":\"2024-06-01\","
        + "\"reverses\":\"" + approvedRelease + "\",\"reason\":\"not cleared to depth\"}";
    return Stream.of(
        Arguments.of("no token", null, "/api/events", fresh, 401, "bearer token"),
        Arguments.of("wrong token", "wrong", "/api/events", fresh, 401, "not valid"),
        Arguments.of("revoked token", "revoked", "/api/events", fresh, 401, "not valid"),
        Arguments.of("basic instead of bearer", "basic", "/api/events", fresh, 401, "Bearer"),
        Arguments.of("field team for another partner", "field", "/api/events",
            fresh.replace("\"partner\":\"HALO\"", "\"partner\":\"DRC\"").replace("NL-HALO", "NL-DRC"), 403,
            "partner 'HALO' only"),
        Arguments.of("field team with another partner's grant", "field", "/api/events",
            fresh.replace("NL-HALO", "NL-DRC"), 422, "funds partner 'DRC'"),
        Arguments.of("donor submits", "donor", "/api/events", fresh, 403, "DONOR"),
        Arguments.of("reviewer submits", "reviewer", "/api/events", fresh, 403, "REVIEWER"),
        Arguments.of("replay with another body", "admin", "/api/events",
            approvedReleaseBody.replace("2024-01-05", "2024-01-04"), 409, "different body"),
        Arguments.of("duplicate key", "admin", "/api/events",
            fresh.replace("\"partner\":\"HALO\"", "\"partner\":\"HALO\",\"partner\":\"DRC\""), 400,
            "Duplicate field"),
        Arguments.of("reversal of an unknown event", "admin", "/api/events",
            reversal.replace(approvedRelease, UUID.randomUUID().toString()), 422, "no event"),
        Arguments.of("reversal of a hazard report", "admin", "/api/events",
            reversal.replace(approvedRelease, approvedReport), 422, "only releases"),
        Arguments.of("reversal without a reason", "admin", "/api/events",
            reversal.replace(",\"reason\":\"not cleared to depth\"", ""), 400, "'reason'"),
        Arguments.of("reversal with a geometry", "admin", "/api/events",
            reversal.replace("}", ",\"geometry\":" + OK_GEOMETRY + "}"), 400, "geometry"),
        Arguments.of("reversal by another partner", "admin", "/api/events",
            reversal.replace("\"date\"", "\"partner\":\"DRC\",\"date\""), 422, "belongs to partner 'HALO'"),
        Arguments.of("field team approves", "field", "/api/events/" + submitted + "/approve", "", 403, "FIELD"),
        Arguments.of("approve an approved event", "reviewer", "/api/events/" + approvedRelease + "/approve", "",
            409, "APPROVED"),
        Arguments.of("approve an unknown event", "reviewer", "/api/events/" + UUID.randomUUID() + "/approve", "",
            404, "no event"),
        Arguments.of("reject without a reason", "reviewer", "/api/events/" + submitted + "/reject", "{}", 400,
            "reason"),
        Arguments.of("withdraw someone else's event", "field", "/api/events/" + submitted + "/withdraw", "", 403,
            "only that account"),
        Arguments.of("review batch of an unknown decision", "reviewer", "/api/reviews",
            "{\"decisions\":[],\"all\":true}", 400, "'all'"),
        Arguments.of("field team creates a partner", "field", "/api/partners", "{\"id\":\"X\",\"name\":\"X\"}",
            403, "FIELD"),
        Arguments.of("field team creates an account", "field", "/api/users",
            "{\"name\":\"me2\",\"role\":\"ADMIN\"}", 403, "FIELD"),
        Arguments.of("account with an unknown role", "admin", "/api/users", "{\"name\":\"x\",\"role\":\"ROOT\"}",
            400, "role"),
        Arguments.of("field account without partner", "admin", "/api/users",
            "{\"name\":\"x\",\"role\":\"FIELD\"}", 422, "partner"),
        Arguments.of("degenerate polygon", "admin", "/api/events", release(
            "{\"type\":\"Polygon\",\"coordinates\":[[[37.6,48.2],[37.61,48.2],[37.62,48.2],[37.6,48.2]]]}"),
            422, "invalid Polygon"),
        Arguments.of("NaN coordinate", "admin", "/api/events", release(
            "{\"type\":\"Polygon\",\"coordinates\":[[[NaN,48.2],[37.61,48.2],[37.61,48.21],[37.6,48.2]]]}"),
            400, "not valid JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRequests")
  void hostileRequestIsRefusedAndNothingIsStored(String name, String principal, String path, String body,
      int status, String reason) throws Exception {
    String before = ledgerContent();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if ("basic".equals(principal)) {
      b.header("Authorization", "Basic YWRtaW46YWRtaW4=");
    } else if (principal != null) {
      b.header("Authorization", "Bearer " + tokens.get(principal));
    }
    assertProblem(server.send(b.build()), status, reason);
    assertEquals(before, ledgerContent(), "the ledger changed after: " + name);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String release(String geometry) {
    return event(ID, "NON_TECHNICAL_SURVEY", "2024-02-01", "HALO", "NL-HALO", geometry);
  }

  static Stream<Arguments> badEvents() {
    String ok = release(OK_GEOMETRY);
    return Stream.of(
        Arguments.of("malformed JSON", "{\"id\":", 400, "not valid JSON"),
        Arguments.of("trailing garbage", ok + "}", 400, "not valid JSON"),
        Arguments.of("not an object", "[1,2]", 400, "JSON object"),
        Arguments.of("empty body", "", 400, "no body"),
        Arguments.of("unknown type", ok.replace("NON_TECHNICAL_SURVEY", "DEMINING"), 400, "unknown type"),
        Arguments.of("missing date", ok.replace("\"date\":\"2024-02-01\",", ""), 400, "'date'"),
        Arguments.of("missing partner", ok.replace("\"partner\":\"HALO\",", ""), 400, "'partner'"),
        Arguments.of("missing geometry", ok.substring(0, ok.indexOf(",\"geometry\"")) + "}", 400, "'geometry'"),
        Arguments.of("missing id", ok.replace("\"id\":\"" + ID + "\",", ""), 400, "'id'"),
        Arguments.of("non-UUID id", ok.replace(ID, "event-1"), 400, "UUID"),
        Arguments.of("unknown field", ok.replace("\"date\"", "\"colour\":\"red\",\"date\""), 400, "colour"),
        Arguments.of("unparseable date", ok.replace("2024-02-01", "01/02/2024"), 400, "ISO date"),
        Arguments.of("impossible date", ok.replace("2024-02-01", "2024-02-30"), 400, "ISO date"),
        Arguments.of("future date", ok.replace("2024-02-01", "2999-01-01").replace("\"grant\":\"NL-HALO\",", ""),
            422, "future"),
        Arguments.of("report without classification",
            ok.replace("NON_TECHNICAL_SURVEY", "HAZARD_REPORT"), 400, "classification"),
        Arguments.of("clearance without method", ok.replace("NON_TECHNICAL_SURVEY", "CLEARANCE"), 400, "method"),
        Arguments.of("method on a survey", ok.replace("\"date\"", "\"method\":\"MANUAL\",\"date\""), 422,
            "CLEARANCE"),
        Arguments.of("negative device count", event(ID, "CLEARANCE", "2024-02-01", "HALO", "NL-HALO", OK_GEOMETRY)
            .replace("\"AP_MINE\":2", "\"AP_MINE\":-2"), 422, "negative"),
        Arguments.of("huge number", ok.replace("37.6,", "1" + "0".repeat(400) + ","), 400, "not valid JSON"),
        Arguments.of("deep nesting", ok.replace("\"notes\"", "").replace("\"date\"",
            "\"notes\":" + "[".repeat(500) + "]".repeat(500) + ",\"date\""), 400, "not valid JSON"),
        Arguments.of("self-intersecting polygon", release(
            "{\"type\":\"Polygon\",\"coordinates\":[[[37.6,48.2],[37.61,48.21],[37.61,48.2],[37.6,48.21],[37.6,48.2]]]}"),
            422, "Self-intersection"),
        Arguments.of("unclosed ring", release(
            "{\"type\":\"Polygon\",\"coordinates\":[[[37.6,48.2],[37.61,48.2],[37.61,48.21],[37.6,48.21]]]}"),
            422, "not closed"),
        Arguments.of("latitude out of range", release(
            "{\"type\":\"Polygon\",\"coordinates\":[[[37.6,48.2],[37.61,91],[37.61,48.21],[37.6,48.2]]]}"),
            422, "lon/lat range"),
        Arguments.of("point", release("{\"type\":\"Point\",\"coordinates\":[37.6,48.2]}"), 422, "'Point'"),
        Arguments.of("line string", release("{\"type\":\"LineString\",\"coordinates\":[[37.6,48.2],[37.7,48.3]]}"),
            422, "'LineString'"),
        Arguments.of("empty polygon", release("{\"type\":\"Polygon\",\"coordinates\":[]}"), 422, "empty"),
        Arguments.of("coordinates as strings", release(
            "{\"type\":\"Polygon\",\"coordinates\":[[[\"37.6\",\"48.2\"],[37.61,48.2],[37.61,48.21],[37.6,48.2]]]}"),
            422, "[lon, lat]"),
        Arguments.of("hole outside its shell", release("{\"type\":\"Polygon\",\"coordinates\":[[[37.6,48.2],"
            + "[37.61,48.2],[37.61,48.21],[37.6,48.21],[37.6,48.2]],[[38,49],[38.01,49],[38.01,49.01],[38,49]]]}"),
            422, "Hole lies outside shell"),
        Arguments.of("unknown partner", ok.replace("\"partner\":\"HALO\"", "\"partner\":\"NOBODY\""), 422,
            "unknown partner"),
        Arguments.of("unknown grant", ok.replace("NL-HALO", "NL-NONE"), 422, "unknown grant"),
        Arguments.of("grant of another partner", ok.replace("NL-HALO", "NL-DRC"), 422, "funds partner 'DRC'"),
        Arguments.of("date outside the grant", ok.replace("\"grant\":\"NL-HALO\"", "\"grant\":\"NL-DRC\"")
            .replace("\"partner\":\"HALO\"", "\"partner\":\"DRC\"").replace("2024-02-01", "2023-06-01"), 422,
            "outside grant"),
        Arguments.of("outside every region", release(square(2.0, 48.0, 0.01)), 422, "outside every region"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEvents")
  void badEventIsRefusedAndNothingIsStored(String name, String body, int status, String reason) throws Exception {
    String before = ledgerContent();
    Response r = server.post("/api/events", body);
    assertProblem(r, status, reason);
    assertEquals(before, ledgerContent(), "the ledger changed after: " + name);
  }

  @Test
  void invalidGeometryProblemGivesTheCoordinate() throws Exception {
    Response r = server.post("/api/events", release(
        "{\"type\":\"Polygon\",\"coordinates\":[[[37.6,48.2],[37.62,48.22],[37.62,48.2],[37.6,48.22],[37.6,48.2]]]}"));
    assertProblem(r, 422, "Self-intersection");
    assertEquals(37.61, r.json().get("coordinate").get(0).asDouble(), 1e-9);
    assertEquals(48.21, r.json().get("coordinate").get(1).asDouble(), 1e-9);
  }

  @Test
  void moreThan100000VerticesIsTooLarge() throws Exception {
    StringBuilder ring = new StringBuilder("[[37.6,48.2]");
    for (int i = 1; i <= 100_001; i++) {
      ring.append(",[").append(37.6 + i * 1e-7).append(",48.21]");
    }
    ring.append(",[37.6,48.2]]");
    String before = ledgerContent();
    assertProblem(server.post("/api/events", release("{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}")), 413,
        "100000 vertices");
    assertEquals(before, ledgerContent());
  }

  /**
   * A body declared over 10 MB is refused from its headers, before it is read. The test speaks HTTP on a socket: a
   * client that sends such a body anyway may see the connection closed under it, and JDK 17's HttpClient hangs on
   * an Expect: 100-continue answered with a final status.
   */
  @Test
  void bodyOver10MegabytesIsTooLarge() throws Exception {
    String before = ledgerContent();
    long declared = 11L * 1024 * 1024;
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", URI.create(server.base()).getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /api/events HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + declared + "\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(release(OK_GEOMETRY).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      String raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(raw.startsWith("HTTP/1.1 413"), raw);
      String contentType = raw.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
          .findFirst().orElse("");
      assertTrue(contentType.contains("application/problem+json"), raw);
      String json = raw.substring(raw.indexOf('{'), raw.lastIndexOf('}') + 1);
      assertProblem(new Response(413, "application/problem+json", TestServer.JSON.readTree(json), json), 413,
          "bytes");
    }
    assertEquals(before, ledgerContent());
  }

  @Test
  void wrongMethodAndBadQueryParametersAreProblems() throws Exception {
    Response r = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/stats/summary"))
        .DELETE().build());
    assertTrue(r.status() == 404 || r.status() == 405, "status " + r.status());
    assertProblem(server.get("/api/stats/released?by=colour"), 400, "'by'");
    assertProblem(server.get("/api/stats/released"), 400, "'by'");
    assertProblem(server.get("/api/stats/summary?asOf=yesterday"), 400, "asOf");
    assertProblem(server.get("/api/hazards?bbox=1,2,3"), 400, "bbox");
    assertProblem(server.get("/api/hazards?limit=0"), 400, "limit");
    assertProblem(server.get("/api/hazards?region=UA-99"), 404, "UA-99");
  }

  private static void assertProblem(Response r, int status, String reason) {
    assertEquals(status, r.status(), r.body().length() > 500 ? r.body().substring(0, 500) : r.body());
    assertEquals("application/problem+json", r.contentType());
    assertNotNull(r.json(), "problem body is JSON");
    assertEquals(status, r.json().get("status").asInt());
    assertTrue(r.json().get("type").asText().startsWith("https://"));
    String detail = r.json().get("detail").asText();
    assertTrue(detail.contains(reason), "detail '" + detail + "' should mention '" + reason + "'");
    assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
  }

  /**
   * Everything the ledger holds: every row of every table, as H2's SCRIPT writes it, and the figures the service
   * holds in memory. Equal before and after means the database is the same in content, byte for byte.
   */
  private String ledgerContent() throws Exception {
    return server.databaseContent() + server.get("/api/stats/summary").body() + server.get("/api/users").body();
  }
}
