package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.domain.Role;
import org.landrelease.http.TestServer.Response;

/** Submit, approve, reject, withdraw and reverse over real HTTP, as the accounts that may do each. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowTest {
  private TestServer server;
  private TestServer halo;
  private TestServer drc;
  private TestServer reviewer;
  private TestServer anonymous;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    server.fund();
    halo = server.as(server.token("field-halo", Role.FIELD, "HALO", null));
    drc = server.as(server.token("field-drc", Role.FIELD, "DRC", null));
    reviewer = server.as(server.reviewerToken);
    anonymous = server.as(null);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private JsonNode submitted(TestServer as, String body) throws Exception {
    Response r = as.post("/api/events", body);
    assertEquals(201, r.status(), r.body());
    assertEquals("SUBMITTED", r.json().get("status").asText());
    return r.json();
  }

  private JsonNode approved(String id) throws Exception {
    Response r = reviewer.post("/api/events/" + id + "/approve", "");
    assertEquals(200, r.status(), r.body());
    assertEquals("APPROVED", r.json().get("status").asText());
    return r.json();
  }

  private double summary(String field) throws Exception {
    return anonymous.get("/api/stats/summary").json().get(field).asDouble();
  }

  @Test
  void aSubmittedEventCountsInNoFigureUntilItIsApproved() throws Exception {
    double reported = summary("reportedKm2");
    double events = summary("events");
    JsonNode s = submitted(halo, event(id(), "HAZARD_REPORT", "2023-05-01", "HALO", null, square(36.10, 49.10, 0.02)));
    String id = s.get("id").asText();
    assertNull(s.get("addedKm2"));
    assertEquals(reported, summary("reportedKm2"), 1e-9);
    assertEquals(0, anonymous.get("/api/hazards?bbox=36.09,49.09,36.13,49.13").json().get("features").size());
    // the public and other partners do not see it; its own team and the reviewers do
    assertEquals(404, anonymous.get("/api/events/" + id).status());
    assertEquals(404, drc.get("/api/events/" + id).status());
    assertEquals(200, halo.get("/api/events/" + id).status());
    assertTrue(reviewer.get("/api/events?status=SUBMITTED&limit=1000").body().contains(id));
    assertFalse(anonymous.get("/api/events?limit=1000").body().contains(id));

    JsonNode a = approved(id);
    assertTrue(a.get("addedKm2").asDouble() > 0);
    assertEquals(reported + a.get("addedKm2").asDouble(), summary("reportedKm2"), 1e-6);
    assertEquals(events + 1, summary("events"), 1e-9);
    assertEquals(200, anonymous.get("/api/events/" + id).status());
    assertEquals(409, reviewer.post("/api/events/" + id + "/approve", "").status());
    assertFalse(reviewer.get("/api/events?status=SUBMITTED&limit=1000").body().contains(id));
    assertTrue(reviewer.get("/api/events?status=APPROVED&limit=1000").body().contains(id));
  }

  @Test
  void aRejectionNeedsAReasonNeverCountsAndIsKeptInTheHistory() throws Exception {
    double reported = summary("reportedKm2");
    String id = submitted(halo, event(id(), "HAZARD_REPORT", "2023-05-02", "HALO", null,
        square(36.20, 49.10, 0.02))).get("id").asText();
    Response noReason = reviewer.post("/api/events/" + id + "/reject", "");
    assertEquals(400, noReason.status());
    assertTrue(noReason.json().get("detail").asText().contains("reason"));
    Response r = reviewer.post("/api/events/" + id + "/reject", "{\"reason\":\"polygon drawn on the wrong village\"}");
    assertEquals(200, r.status(), r.body());
    assertEquals("REJECTED", r.json().get("status").asText());
    assertEquals(409, reviewer.post("/api/events/" + id + "/approve", "").status());
    assertEquals(reported, summary("reportedKm2"), 1e-9);
    JsonNode history = halo.get("/api/events/" + id + "/history").json().get("history");
    assertEquals(2, history.size());
    assertEquals("SUBMITTED", history.get(0).get("to").asText());
    assertEquals("field-halo", history.get(0).get("by").asText());
    assertEquals("REJECTED", history.get(1).get("to").asText());
    assertEquals("polygon drawn on the wrong village", history.get(1).get("reason").asText());
    assertTrue(history.get(1).get("by").asText().startsWith("test-reviewer"));
  }

  @Test
  void onlyTheSubmitterWithdraws() throws Exception {
    String id = submitted(halo, event(id(), "HAZARD_REPORT", "2023-05-03", "HALO", null,
        square(36.30, 49.10, 0.02))).get("id").asText();
    Response other = drc.post("/api/events/" + id + "/withdraw", "");
    assertEquals(403, other.status());
    assertEquals(403, reviewer.post("/api/events/" + id + "/withdraw", "").status());
    Response mine = halo.post("/api/events/" + id + "/withdraw", "{\"reason\":\"sent twice\"}");
    assertEquals(200, mine.status(), mine.body());
    assertEquals("WITHDRAWN", mine.json().get("status").asText());
    assertEquals(409, reviewer.post("/api/events/" + id + "/approve", "").status());
  }

  @Test
  void approvalReleasesOnlyWhatIsStillContaminatedThen() throws Exception {
    approved(submitted(halo, event(id(), "HAZARD_REPORT", "2023-05-04", "HALO", null, square(36.40, 49.10, 0.02)))
        .get("id").asText());
    // two teams survey the same land; both were right when they submitted
    String first = submitted(halo, event(id(), "NON_TECHNICAL_SURVEY", "2024-02-01", "HALO", "NL-HALO",
        square(36.40, 49.10, 0.01))).get("id").asText();
    String second = submitted(drc, event(id(), "NON_TECHNICAL_SURVEY", "2024-02-02", "DRC", "NL-DRC",
        square(36.405, 49.10, 0.01))).get("id").asText();
    double contaminated = summary("contaminatedKm2");
    // approved in the other order: the second takes its whole footprint, the first only what is left then
    JsonNode b = approved(second);
    JsonNode a = approved(first);
    double footprint = a.get("footprintKm2").asDouble();
    assertEquals(b.get("footprintKm2").asDouble(), b.get("releasedKm2").asDouble(), 1e-6);
    assertEquals(footprint / 2, a.get("releasedKm2").asDouble(), 0.01 * footprint);
    assertEquals(contaminated - a.get("releasedKm2").asDouble() - b.get("releasedKm2").asDouble(),
        summary("contaminatedKm2"), 1e-6);
  }

  @Test
  void aReversalRestoresTheLandAndEveryFigureFollows() throws Exception {
    approved(submitted(halo, event(id(), "HAZARD_REPORT", "2023-05-05", "HALO", null, square(36.50, 49.10, 0.02)))
        .get("id").asText());
    String bbox = "/api/hazards?bbox=36.49,49.09,36.53,49.13";
    double hazardBefore = hazardKm2(bbox);
    double released = summary("releasedKm2");
    double grantReleased = server.get("/api/grants/NL-HALO/report").json().get("releasedKm2").asDouble();
    String clearance = submitted(halo, event(id(), "CLEARANCE", "2024-03-01", "HALO", "NL-HALO",
        square(36.505, 49.105, 0.01))).get("id").asText();
    double cleared = approved(clearance).get("releasedKm2").asDouble();
    assertTrue(cleared > 0);
    assertEquals(hazardBefore - cleared, hazardKm2(bbox), 1e-6);
    assertTrue(anonymous.get("/api/releases?bbox=36.49,49.09,36.53,49.13").body().contains(clearance));

    String reversalBody = "{\"id\":\"" + id() + "\",\"type\":\"REVERSAL\",\"date\":\"2024-06-01\",\"reverses\":\""
        + clearance + "\",\"reason\":\"quality control found the lane was not cleared to depth\"}";
    assertEquals(403, drc.post("/api/events", reversalBody).status());
    JsonNode rev = submitted(halo, reversalBody);
    assertEquals("NL-HALO", rev.get("grant").asText());
    JsonNode done = approved(rev.get("id").asText());
    assertEquals(-cleared, done.get("releasedKm2").asDouble(), 1e-6);
    assertEquals(hazardBefore, hazardKm2(bbox), 1e-6);
    assertEquals(released, summary("releasedKm2"), 1e-6);
    assertEquals(grantReleased, server.get("/api/grants/NL-HALO/report").json().get("releasedKm2").asDouble(), 1e-6);
    assertEquals(summary("contaminatedKm2"), summary("hazardAreaKm2"), 1e-6);
    assertFalse(anonymous.get("/api/releases?bbox=36.49,49.09,36.53,49.13").body().contains(clearance));
    // the approved clearance itself is unchanged: corrections are new events
    assertEquals("APPROVED", anonymous.get("/api/events/" + clearance).json().get("status").asText());

    // a second reversal of the same event is refused at approval
    String again = submitted(halo, reversalBody.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + id() + "\""))
        .get("id").asText();
    Response twice = reviewer.post("/api/events/" + again + "/approve", "");
    assertEquals(409, twice.status());
    assertTrue(twice.json().get("detail").asText().contains("already reversed"));
  }

  @Test
  void aHazardReportIsNotReversedButReportedAgain() throws Exception {
    String report = submitted(halo, event(id(), "HAZARD_REPORT", "2023-05-06", "HALO", null,
        square(36.60, 49.10, 0.02))).get("id").asText();
    approved(report);
    Response r = halo.post("/api/events", "{\"id\":\"" + id() + "\",\"type\":\"REVERSAL\",\"date\":\"2024-06-01\","
        + "\"reverses\":\"" + report + "\",\"reason\":\"wrong\"}");
    assertEquals(422, r.status());
    assertTrue(r.json().get("type").asText().endsWith("target-not-a-release"));
    // re-contamination of released land is a new report over it
    String cancel = submitted(halo, event(id(), "NON_TECHNICAL_SURVEY", "2024-01-10", "HALO", "NL-HALO",
        square(36.60, 49.10, 0.02))).get("id").asText();
    double cancelled = approved(cancel).get("releasedKm2").asDouble();
    JsonNode again = approved(submitted(halo, event(id(), "HAZARD_REPORT", "2024-09-01", "HALO", null,
        square(36.60, 49.10, 0.02))).get("id").asText());
    assertEquals(cancelled, again.get("addedKm2").asDouble(), 1e-6);
  }

  private double hazardKm2(String path) throws Exception {
    double km2 = 0;
    for (JsonNode f : anonymous.get(path).json().get("features")) {
      km2 += f.get("properties").get("areaKm2").asDouble();
    }
    return km2;
  }
}
