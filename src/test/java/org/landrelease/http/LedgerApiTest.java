package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.http.TestServer.Response;

/** Every endpoint over real HTTP against the real service and database. Each test works in its own patch of land. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerApiTest {
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    server.fund();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private JsonNode created(String body) throws Exception {
    Response r = server.apply(body);
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  private void assertInvariant() throws Exception {
    JsonNode s = server.get("/api/stats/summary").json();
    double reported = s.get("reportedKm2").asDouble(), released = s.get("releasedKm2").asDouble();
    assertEquals(reported - released, s.get("contaminatedKm2").asDouble(), 0.001);
    assertEquals(s.get("contaminatedKm2").asDouble(), s.get("hazardAreaKm2").asDouble(), 0.001);
    double hazards = 0;
    for (JsonNode f : server.get("/api/hazards?limit=100000").json().get("features")) {
      hazards += f.get("properties").get("areaKm2").asDouble();
    }
    assertEquals(s.get("contaminatedKm2").asDouble(), hazards, 0.001);
  }

  @Test
  void partnersAndGrantsAreCreatedListedAndIdempotent() throws Exception {
    assertEquals(201, server.post("/api/partners", "{\"id\":\"FSD\",\"name\":\"FSD\"}").status());
    assertEquals(200, server.post("/api/partners", "{\"id\":\"FSD\",\"name\":\"FSD\"}").status());
    Response conflict = server.post("/api/partners", "{\"id\":\"FSD\",\"name\":\"Another\"}");
    assertEquals(409, conflict.status());
    assertEquals("application/problem+json", conflict.contentType());
    assertTrue(server.get("/api/partners").body().contains("\"FSD\""));
    String grant = "{\"id\":\"JP-FSD\",\"donor\":\"Japan\",\"partner\":\"FSD\",\"title\":\"t\",\"amount\":5,"
        + "\"currency\":\"USD\",\"start\":\"2024-01-01\",\"end\":\"2024-06-30\"}";
    assertEquals(201, server.post("/api/grants", grant).status());
    assertEquals(200, server.post("/api/grants", grant).status());
    assertEquals(409, server.post("/api/grants", grant.replace("\"t\"", "\"other\"")).status());
    assertEquals("Japan", server.get("/api/grants/JP-FSD").json().get("donor").asText());
    assertEquals(404, server.get("/api/grants/NOPE").status());
    assertEquals(422, server.post("/api/grants", grant.replace("JP-FSD", "X1").replace("\"FSD\"", "\"NOBODY\""))
        .status());
    assertEquals(422, server.post("/api/grants", grant.replace("JP-FSD", "X2").replace("2024-06-30", "2023-06-30"))
        .status());
    assertTrue(server.get("/api/grants").body().contains("JP-FSD"));
  }

  @Test
  void releaseCountsOnlyContaminatedLandAndSplitsByRegion() throws Exception {
    // hazard of 0.02° x 0.02° in Donetsk oblast; a survey of the same size shifted half a side east
    JsonNode report = created(event(id(), "HAZARD_REPORT", "2023-02-01", "HALO", null, square(37.50, 48.10, 0.02)));
    double hazardKm2 = report.get("addedKm2").asDouble();
    assertEquals(report.get("footprintKm2").asDouble(), hazardKm2, 1e-9);
    assertEquals("UA-14", report.get("byRegion").get(0).get("code").asText());
    long hazardId = report.get("byHazard").get(0).get("hazardId").asLong();

    String surveyId = id();
    JsonNode survey = created(event(surveyId, "NON_TECHNICAL_SURVEY", "2024-03-01", "HALO", "NL-HALO",
        square(37.51, 48.10, 0.02)));
    double released = survey.get("releasedKm2").asDouble();
    assertEquals(hazardKm2 / 2, released, 0.01 * hazardKm2);
    assertEquals(survey.get("footprintKm2").asDouble() - released, survey.get("outsideContaminationKm2").asDouble(),
        2e-6);
    assertEquals(hazardId, survey.get("byHazard").get(0).get("hazardId").asLong());
    assertEquals(released, survey.get("byRegion").get(0).get("km2").asDouble(), 1e-6);

    // the hazard is now its western half
    JsonNode hazards = server.get("/api/hazards?bbox=37.49,48.09,37.53,48.13").json();
    assertEquals("FeatureCollection", hazards.get("type").asText());
    JsonNode h = hazards.get("features").get(0);
    assertEquals(hazardKm2 - released, h.get("properties").get("areaKm2").asDouble(), 1e-5);

    // the same land cannot be released twice
    JsonNode again = created(event(id(), "CLEARANCE", "2024-03-02", "HALO", "NL-HALO", square(37.51, 48.10, 0.02)));
    assertEquals(0, again.get("releasedKm2").asDouble(), 1e-9);

    JsonNode read = server.get("/api/events/" + surveyId).json();
    assertEquals(released, read.get("releasedKm2").asDouble(), 1e-9);
    assertEquals("Polygon", read.get("geometry").get("type").asText());
    assertEquals("UA-14", read.get("regions").get(0).asText());
    assertInvariant();
  }

  @Test
  void confirmedReportOverSuspectedAreaReclassifiesWithoutAddingArea() throws Exception {
    JsonNode sha = created(event(id(), "HAZARD_REPORT", "2023-02-01", "HALO", null, square(36.00, 47.50, 0.02)));
    String cha = event(id(), "HAZARD_REPORT", "2023-02-02", "HALO", null, square(36.01, 47.50, 0.02))
        .replace("\"SHA\"", "\"CHA\"");
    JsonNode r = created(cha);
    double half = sha.get("addedKm2").asDouble() / 2;
    assertEquals(half, r.get("addedKm2").asDouble(), 0.01 * half);
    assertEquals(half, r.get("reclassifiedKm2").asDouble(), 0.01 * half);
    JsonNode chaHazards = server.get("/api/hazards?bbox=35.99,47.49,36.04,47.53&classification=CHA").json();
    double chaKm2 = 0;
    for (JsonNode f : chaHazards.get("features")) {
      chaKm2 += f.get("properties").get("areaKm2").asDouble();
    }
    assertEquals(r.get("addedKm2").asDouble() + r.get("reclassifiedKm2").asDouble(), chaKm2, 1e-5);
    assertInvariant();
  }

  @Test
  void samePostTwiceIsIdempotentAndAnotherBodyWithTheSameIdConflicts() throws Exception {
    created(event(id(), "HAZARD_REPORT", "2023-02-01", "HALO", null, square(35.50, 47.20, 0.01)));
    String eventId = id();
    String body = event(eventId, "TECHNICAL_SURVEY", "2024-05-01", "HALO", "NL-HALO", square(35.50, 47.20, 0.005));
    JsonNode first = created(body);
    int events = server.get("/api/stats/summary").json().get("events").asInt();
    Response replay = server.post("/api/events", body);
    assertEquals(200, replay.status());
    assertEquals(first, replay.json());
    // the same fields in another order are the same event
    JsonNode reordered = TestServer.JSON.readTree(body);
    Map<String, JsonNode> fields = new HashMap<>();
    reordered.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
    assertEquals(200, server.post("/api/events", TestServer.JSON.valueToTree(new java.util.TreeMap<>(fields)))
        .status());
    Response conflict = server.post("/api/events", body.replace("2024-05-01", "2024-05-02"));
    assertEquals(409, conflict.status());
    assertEquals("application/problem+json", conflict.contentType());
    assertEquals(events, server.get("/api/stats/summary").json().get("events").asInt());
  }

  @Test
  void batchReportsEachEventOnItsOwn() throws Exception {
    String good1 = event(id(), "HAZARD_REPORT", "2023-03-01", "DRC", null, square(34.00, 47.00, 0.01));
    String bad = event(id(), "NON_TECHNICAL_SURVEY", "2023-03-01", "DRC", "NL-HALO", square(34.00, 47.00, 0.01));
    String good2 = event(id(), "NON_TECHNICAL_SURVEY", "2024-03-01", "DRC", "NL-DRC", square(34.00, 47.00, 0.005));
    Response r = server.post("/api/events/batch", "[" + good1 + "," + bad + "," + good2 + "]");
    assertEquals(200, r.status(), r.body());
    JsonNode results = r.json().get("results");
    assertEquals(201, results.get(0).get("status").asInt());
    assertEquals(422, results.get(1).get("status").asInt());
    assertTrue(results.get(1).get("problem").get("detail").asText().contains("funds partner 'HALO'"));
    assertEquals(201, results.get(2).get("status").asInt());
    assertEquals("SUBMITTED", results.get(2).get("result").get("status").asText());
    assertEquals(2, r.json().get("created").asInt());
    // the reviewer approves both in one batch, in order: the report first, then the survey over it
    String decisions = "{\"decisions\":[{\"event\":\"" + results.get(0).get("id").asText()
        + "\",\"decision\":\"APPROVE\"},{\"event\":\"" + results.get(2).get("id").asText()
        + "\",\"decision\":\"APPROVE\"}]}";
    Response reviewed = server.as(server.reviewerToken).post("/api/reviews", decisions);
    assertEquals(200, reviewed.status(), reviewed.body());
    assertEquals(2, reviewed.json().get("approved").asInt());
    assertTrue(reviewed.json().get("results").get(1).get("result").get("releasedKm2").asDouble() > 0);
    // resent after a lost connection: nothing counts twice
    Response resent = server.post("/api/events/batch", "[" + good1 + "," + good2 + "]");
    assertEquals(2, resent.json().get("replayed").asInt());
  }

  @Test
  void figuresByRegionPartnerGrantDonorTypeAndMonth() throws Exception {
    created(event(id(), "HAZARD_REPORT", "2023-02-01", "DRC", null, square(33.00, 46.80, 0.02)));
    JsonNode r = created(event(id(), "NON_TECHNICAL_SURVEY", "2024-07-15", "DRC", "NL-DRC",
        square(33.00, 46.80, 0.01)));
    double km2 = r.get("releasedKm2").asDouble();
    String region = r.get("byRegion").get(0).get("code").asText();
    assertEquals("UA-65", region);
    JsonNode byGrant = server.get("/api/stats/released?by=grant").json();
    assertTrue(rowKm2(byGrant, "NL-DRC") >= km2 - 1e-6);
    assertTrue(rowKm2(server.get("/api/stats/released?by=donor").json(), "Netherlands") >= km2 - 1e-6);
    assertTrue(rowKm2(server.get("/api/stats/released?by=partner").json(), "DRC") >= km2 - 1e-6);
    assertTrue(rowKm2(server.get("/api/stats/released?by=type").json(), "cancelled") >= km2 - 1e-6);
    // approved today, a survey of 2024-07-15 counts from today: the later of its date and its approval
    String counted = r.get("countedOn").asText();
    assertEquals(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), counted);
    String month = counted.substring(0, 7);
    // other tests of this class approve land today too: at least this survey's km² is there
    assertTrue(rowKm2(server.get("/api/stats/released?by=month&from=" + month + "-01&to=" + counted).json(),
        month) >= km2 - 1e-6);
    assertTrue(rowKm2(server.get("/api/stats/released?by=region&from=" + counted + "&to=" + counted).json(),
        region) >= km2 - 1e-6);
    assertEquals(0, rowKm2(server.get("/api/stats/released?by=month&from=2024-07-01&to=2024-07-31").json(),
        "2024-07"), 1e-9);
    JsonNode report = server.get("/api/grants/NL-DRC/report").json();
    assertTrue(report.get("releasedKm2").asDouble() >= km2 - 1e-6);
    assertTrue(report.get("byMonth").toString().contains(month));
    assertTrue(report.get("events").toString().contains(r.get("id").asText()));
    JsonNode regions = server.get("/api/regions").json();
    assertEquals(27, regions.size());
    for (JsonNode row : regions) {
      assertEquals(row.get("reportedKm2").asDouble() - row.get("releasedKm2").asDouble(),
          row.get("contaminatedKm2").asDouble(), 1e-5);
      assertTrue(row.get("areaKm2").asDouble() > 0);
    }
    // a figure as of a past day does not change when back-dated work is approved later
    JsonNode yesterday = server.get("/api/stats/summary?asOf="
        + java.time.LocalDate.parse(counted).minusDays(1)).json();
    assertEquals(0, yesterday.get("releasedKm2").asDouble(), 1e-9);
    JsonNode today = server.get("/api/stats/summary?asOf=" + counted).json();
    assertTrue(today.get("releasedKm2").asDouble() >= km2 - 1e-6);
    assertInvariant();
  }

  private static double rowKm2(JsonNode rows, String key) {
    for (JsonNode row : rows) {
      if (row.get("key").asText().equals(key)) {
        assertEquals(row.get("km2").asDouble(), row.get("cancelledKm2").asDouble()
            + row.get("reducedKm2").asDouble() + row.get("clearedKm2").asDouble(), 1e-5);
        return row.get("km2").asDouble();
      }
    }
    return 0;
  }

  @Test
  void eventListFiltersAndPages() throws Exception {
    for (int i = 0; i < 5; i++) {
      created(event(id(), "HAZARD_REPORT", "2023-04-0" + (i + 1), "DRC", null, square(32.0 + i * 0.02, 47.3, 0.01)));
    }
    JsonNode page1 = server.get("/api/events?partner=DRC&type=HAZARD_REPORT&from=2023-04-01&to=2023-04-05&limit=3")
        .json();
    assertEquals(3, page1.get("events").size());
    assertNotNull(page1.get("nextCursor"));
    JsonNode page2 = server.get("/api/events?partner=DRC&type=HAZARD_REPORT&from=2023-04-01&to=2023-04-05&limit=3"
        + "&cursor=" + page1.get("nextCursor").asText()).json();
    assertEquals(2, page2.get("events").size());
    assertFalse(page2.has("nextCursor"));
    JsonNode inRegion = server.get("/api/events?region=UA-48&from=2023-04-01&to=2023-04-05").json();
    for (JsonNode e : inRegion.get("events")) {
      assertTrue(e.get("regions").toString().contains("UA-48"));
    }
    assertEquals(400, server.get("/api/events?colour=red").status());
    assertEquals(404, server.get("/api/events/" + UUID.randomUUID()).status());
    assertEquals(400, server.get("/api/events/not-a-uuid").status());
  }

  @Test
  void mapLayersShowReleasedPiecesHazardHistoryAndBoundaries() throws Exception {
    JsonNode report = created(event(id(), "HAZARD_REPORT", "2023-02-01", "HALO", null, square(38.00, 48.60, 0.02)));
    long hazardId = report.get("byHazard").get(0).get("hazardId").asLong();
    JsonNode clearance = created(event(id(), "CLEARANCE", "2024-08-01", "HALO", "NL-HALO",
        square(38.005, 48.605, 0.005)));
    JsonNode releases = server.get("/api/releases?bbox=37.99,48.59,38.03,48.63").json();
    JsonNode piece = null;
    for (JsonNode f : releases.get("features")) {
      if (f.get("properties").get("eventId").asText().equals(clearance.get("id").asText())) {
        piece = f;
      }
    }
    assertNotNull(piece, releases.toString());
    assertEquals("cleared", piece.get("properties").get("outcome").asText());
    assertEquals(clearance.get("releasedKm2").asDouble(), piece.get("properties").get("areaKm2").asDouble(), 1e-6);
    assertEquals(0, server.get("/api/releases?bbox=37.99,48.59,38.03,48.63&asOf=2024-07-31").json()
        .get("numberReturned").asInt());

    JsonNode hazard = server.get("/api/hazards/" + hazardId).json();
    assertEquals("Polygon", hazard.get("geometry").get("type").asText());
    JsonNode history = hazard.get("properties").get("history");
    assertEquals(2, history.size());
    assertEquals("added", history.get(0).get("kind").asText());
    assertEquals("cleared", history.get(1).get("kind").asText());
    assertEquals(404, server.get("/api/hazards/999999").status());

    JsonNode simplified = server.get("/api/hazards?bbox=37.99,48.59,38.03,48.63&simplify=0.001").json();
    assertEquals(1, simplified.get("numberReturned").asInt());

    JsonNode boundaries = server.get("/api/regions/boundaries?simplify=0.01").json();
    assertEquals(27, boundaries.get("features").size());
    assertTrue(boundaries.toString().contains("\"UA-14\""));

    // a hazard released in full has no geometry left but keeps its history
    created(event(id(), "NON_TECHNICAL_SURVEY", "2024-09-01", "HALO", "NL-HALO", square(37.99, 48.59, 0.04)));
    JsonNode gone = server.get("/api/hazards/" + hazardId).json();
    assertTrue(gone.get("geometry").isNull());
    assertEquals("released", gone.get("properties").get("status").asText());
    assertEquals(3, gone.get("properties").get("history").size());
    assertEquals("cancelled", gone.get("properties").get("history").get(2).get("kind").asText());
    JsonNode summary = server.get("/api/stats/summary").json();
    assertTrue(summary.get("firstDate").asText().compareTo(summary.get("lastDate").asText()) <= 0);
  }

  @Test
  void unknownRouteIsAProblem() throws Exception {
    Response r = server.get("/api/nothing-here");
    assertEquals(404, r.status());
    assertEquals("application/problem+json", r.contentType());
  }
}
