package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.http.TestServer.Response;

/**
 * The field teams' land use on release events, over real HTTP: stored and shown, refused where it means nothing,
 * part of the idempotency hash, summed by land use in line with the national figure, undone by a reversal, and read
 * by the import. Each test works in its own patch of land.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LandUseApiTest {
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

  /** A release body with a land use (null: none). */
  private static String release(String id, String type, String date, String geometry, String landUse) {
    String body = event(id, type, date, "HALO", "NL-HALO", geometry);
    return landUse == null ? body : body.replace(",\"geometry\":", ",\"landUse\":\"" + landUse + "\",\"geometry\":");
  }

  private JsonNode applied(String body) throws Exception {
    Response r = server.apply(body);
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  private void hazard(double lon, double lat, double d) throws Exception {
    applied(event(id(), "HAZARD_REPORT", "2023-03-01", "HALO", null, square(lon, lat, d)));
  }

  private static double km2(JsonNode rows, String key) {
    for (JsonNode row : rows) {
      if (row.get("key").asText().equals(key)) {
        return row.get("km2").asDouble();
      }
    }
    return 0;
  }

  private static double sum(JsonNode rows, String field) {
    double s = 0;
    for (JsonNode row : rows) {
      s += row.get(field).asDouble();
    }
    return s;
  }

  /** The entry of one event in the event list (its figures come from the stored event, not from its pieces). */
  private JsonNode listed(String type, String id) throws Exception {
    for (JsonNode e : server.get("/api/events?type=" + type + "&limit=1000").json().get("events")) {
      if (e.get("id").asText().equals(id)) {
        return e;
      }
    }
    throw new AssertionError("event " + id + " is not listed");
  }

  /** Whether a FeatureCollection holds a feature whose property key has the value, and property k2 the value v2. */
  private static boolean hasFeature(JsonNode collection, String key, String value, String k2, String v2) {
    for (JsonNode f : collection.get("features")) {
      JsonNode p = f.get("properties");
      if (value.equals(p.path(key).asText()) && v2.equals(p.path(k2).asText())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aReleaseKeepsItsLandUseInTheEventTheListTheReleasesLayerOgcAndExports() throws Exception {
    hazard(36.00, 47.50, 0.02);
    String clearance = id();
    JsonNode result = applied(release(clearance, "CLEARANCE", "2024-04-01", square(36.00, 47.50, 0.01),
        "AGRICULTURE"));
    assertTrue(result.get("releasedKm2").asDouble() > 0);

    assertEquals("AGRICULTURE", server.get("/api/events/" + clearance).json().get("landUse").asText());
    JsonNode listed = server.get("/api/events?type=CLEARANCE&from=2024-04-01&to=2024-04-01").json().get("events");
    assertEquals(clearance, listed.get(0).get("id").asText());
    assertEquals("AGRICULTURE", listed.get(0).get("landUse").asText());

    JsonNode releases = server.get("/api/releases?bbox=35.99,47.49,36.03,47.53").json().get("features");
    assertEquals(1, releases.size());
    assertEquals("AGRICULTURE", releases.get(0).get("properties").get("landUse").asText());

    JsonNode ogc = server.get("/ogc/collections/releases/items?bbox=35.99,47.49,36.03,47.53").json();
    assertEquals("AGRICULTURE", ogc.get("features").get(0).get("properties").get("land_use").asText());
    // the exported layers carry it too: each released piece, and the event
    Path releasesFile = server.dir.resolve("releases-" + clearance + ".geojson");
    TransferFixtures.download(server, "layer=releases&format=geojson", releasesFile);
    JsonNode exported = TestServer.JSON.readTree(releasesFile.toFile());
    assertTrue(hasFeature(exported, "event_id", clearance, "land_use", "AGRICULTURE"), "releases export");
    Path eventsFile = server.dir.resolve("events-" + clearance + ".geojson");
    TransferFixtures.download(server, "layer=events&format=geojson", eventsFile);
    assertTrue(hasFeature(TestServer.JSON.readTree(eventsFile.toFile()), "event_id", clearance, "land_use",
        "AGRICULTURE"), "events export");
    JsonNode filtered = server.get("/ogc/collections/events/items?filter="
        + java.net.URLEncoder.encode("land_use = 'AGRICULTURE'", java.nio.charset.StandardCharsets.UTF_8)).json();
    assertTrue(filtered.get("features").toString().contains(clearance), filtered.toString());
  }

  @Test
  void aReleaseWithoutLandUseIsUnknownInTheReleasesLayerAndHasNoneInTheEvent() throws Exception {
    hazard(36.10, 47.50, 0.02);
    String survey = id();
    applied(release(survey, "TECHNICAL_SURVEY", "2024-04-02", square(36.10, 47.50, 0.01), null));
    assertNull(server.get("/api/events/" + survey).json().get("landUse"));
    JsonNode releases = server.get("/api/releases?bbox=36.09,47.49,36.13,47.53").json().get("features");
    assertEquals("unknown", releases.get(0).get("properties").get("landUse").asText());
  }

  @Test
  void landUseOnAHazardReportIsRefusedAndNothingIsStored() throws Exception {
    String before = server.databaseContent();
    String report = event(id(), "HAZARD_REPORT", "2024-01-01", "HALO", null, square(36.2, 47.5, 0.01))
        .replace(",\"geometry\":", ",\"landUse\":\"AGRICULTURE\",\"geometry\":");
    Response r = server.post("/api/events", report);
    assertEquals(422, r.status(), r.body());
    assertEquals("application/problem+json", r.contentType());
    assertTrue(r.json().get("detail").asText().contains("HAZARD_REPORT"), r.body());
    assertEquals(before, server.databaseContent());
  }

  @Test
  void landUseOnAReversalIsRefused() throws Exception {
    hazard(36.30, 47.50, 0.02);
    String clearance = id();
    applied(release(clearance, "CLEARANCE", "2024-04-03", square(36.30, 47.50, 0.01), "FOREST"));
    String before = server.databaseContent();
    Response r = server.post("/api/events", "{\"id\":\"" + id() + "\",\"type\":\"REVERSAL\",\"date\":\"2024-06-01\","
        + "\"reverses\":\"" + clearance + "\",\"reason\":\"not cleared to depth\",\"landUse\":\"FOREST\"}");
    assertEquals(422, r.status(), r.body());
    assertTrue(r.json().get("detail").asText().contains("REVERSAL"), r.body());
    assertEquals(before, server.databaseContent());
  }

  @Test
  void anUnknownLandUseIsRefusedNamingTheAllowedValues() throws Exception {
    String before = server.databaseContent();
    Response r = server.post("/api/events", release(id(), "CLEARANCE", "2024-04-01", square(36.4, 47.5, 0.01),
        "FARMLAND"));
    assertEquals(422, r.status(), r.body());
    String detail = r.json().get("detail").asText();
    assertTrue(detail.contains("FARMLAND") && detail.contains("AGRICULTURE") && detail.contains("INFRASTRUCTURE")
        && detail.contains("WATER"), detail);
    Response notText = server.post("/api/events", release(id(), "CLEARANCE", "2024-04-01",
        square(36.4, 47.5, 0.01), "X").replace("\"X\"", "7"));
    assertEquals(422, notText.status(), notText.body());
    assertEquals(before, server.databaseContent());
  }

  @Test
  void theSameBodyReplaysAndAnotherLandUseUnderTheSameIdConflicts() throws Exception {
    hazard(36.50, 47.50, 0.02);
    String id = id();
    String body = release(id, "NON_TECHNICAL_SURVEY", "2024-04-04", square(36.50, 47.50, 0.01), "RESIDENTIAL");
    assertEquals(201, server.post("/api/events", body).status());
    assertEquals(200, server.post("/api/events", body).status());
    Response other = server.post("/api/events", body.replace("RESIDENTIAL", "INFRASTRUCTURE"));
    assertEquals(409, other.status(), other.body());
    Response without = server.post("/api/events", body.replace(",\"landUse\":\"RESIDENTIAL\"", ""));
    assertEquals(409, without.status(), without.body());
    assertEquals("RESIDENTIAL", server.get("/api/events/" + id).json().get("landUse").asText());
  }

  @Test
  void releasedByLandUseAddsUpToTheNationalReleasedFigureForEveryPeriod() throws Exception {
    hazard(36.60, 47.50, 0.04);
    applied(release(id(), "CLEARANCE", "2024-05-01", square(36.60, 47.50, 0.01), "AGRICULTURE"));
    applied(release(id(), "TECHNICAL_SURVEY", "2024-05-10", square(36.61, 47.50, 0.01), "WATER"));
    applied(release(id(), "NON_TECHNICAL_SURVEY", "2024-06-01", square(36.62, 47.50, 0.01), null));
    applied(release(id(), "CLEARANCE", "2024-07-01", square(36.63, 47.50, 0.01), "AGRICULTURE"));

    JsonNode all = server.get("/api/stats/released?by=landUse").json();
    assertTrue(km2(all, "AGRICULTURE") > 0 && km2(all, "WATER") > 0 && km2(all, "unknown") > 0, all.toString());
    JsonNode summary = server.get("/api/stats/summary").json();
    assertEquals(summary.get("releasedKm2").asDouble(), sum(all, "km2"), 0.001);
    assertEquals(summary.get("clearedKm2").asDouble(), sum(all, "clearedKm2"), 0.001);
    assertEquals(summary.get("reducedKm2").asDouble(), sum(all, "reducedKm2"), 0.001);
    assertEquals(summary.get("cancelledKm2").asDouble(), sum(all, "cancelledKm2"), 0.001);

    // events approved through the API count from today: today's period holds them all, an earlier one none
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
    JsonNode todays = server.get("/api/stats/released?by=landUse&from=" + today + "&to=" + today).json();
    double upToToday = server.get("/api/stats/summary?asOf=" + today).json().get("releasedKm2").asDouble();
    double before = server.get("/api/stats/summary?asOf=" + yesterday).json().get("releasedKm2").asDouble();
    assertEquals(upToToday - before, sum(todays, "km2"), 0.001);
    assertEquals(0, server.get("/api/stats/released?by=landUse&to=" + yesterday).json().size());
    // the case of 'by' does not matter, as for the other groupings
    assertEquals(all, server.get("/api/stats/released?by=LANDUSE").json());
  }

  @Test
  void aReversedReleaseNoLongerCountsUnderItsLandUse() throws Exception {
    hazard(36.70, 47.50, 0.02);
    double forestBefore = km2(server.get("/api/stats/released?by=landUse").json(), "FOREST");
    String clearance = id();
    double cleared = applied(release(clearance, "CLEARANCE", "2024-04-05", square(36.70, 47.50, 0.01), "FOREST"))
        .get("releasedKm2").asDouble();
    assertEquals(forestBefore + cleared, km2(server.get("/api/stats/released?by=landUse").json(), "FOREST"), 1e-6);
    JsonNode reversal = applied("{\"id\":\"" + id() + "\",\"type\":\"REVERSAL\",\"date\":\"2024-06-01\","
        + "\"reverses\":\"" + clearance + "\",\"reason\":\"quality control: not cleared to depth\"}");
    assertEquals(-cleared, reversal.get("releasedKm2").asDouble(), 1e-6);
    // the event list (read from the stored figures) says what the results (read from the pieces) say, with the sign
    JsonNode entry = listed("REVERSAL", reversal.get("id").asText());
    assertEquals(reversal.get("releasedKm2").asDouble(), entry.get("releasedKm2").asDouble(), 0);
    assertFalse(entry.has("outsideContaminationKm2"), entry.toString());
    assertEquals(cleared, listed("CLEARANCE", clearance).get("releasedKm2").asDouble(), 0);
    JsonNode after = server.get("/api/stats/released?by=landUse").json();
    assertEquals(forestBefore, km2(after, "FOREST"), 1e-6);
    assertEquals(server.get("/api/stats/summary").json().get("releasedKm2").asDouble(), sum(after, "km2"), 0.001);
    assertFalse(server.get("/api/releases?bbox=36.69,47.49,36.73,47.53").body().contains(clearance));
  }

  @Test
  void theImportMapsALandUseColumn() throws Exception {
    hazard(36.80, 47.50, 0.02);
    Path file = Files.createTempFile(server.dir, "clearances", ".geojson");
    Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
        + "{\"d\":\"2024-04-06\",\"org\":\"HALO\",\"land_use\":\"agriculture\"},\"geometry\":"
        + square(36.80, 47.50, 0.01) + "},{\"type\":\"Feature\",\"properties\":{\"d\":\"2024-04-06\",\"org\":\"HALO\","
        + "\"land_use\":\"orchard\"},\"geometry\":" + square(36.81, 47.50, 0.005) + "}]}");
    String mapping = "{\"type\":{\"const\":\"CLEARANCE\"},\"date\":{\"column\":\"d\"},\"partner\":{\"column\":"
        + "\"org\"},\"grant\":{\"const\":\"NL-HALO\"},\"method\":{\"const\":\"MANUAL\"},\"landUse\":{\"column\":"
        + "\"land_use\"}}";
    Response r = TransferFixtures.importFile(server, file, mapping, "");
    assertEquals(200, r.status(), r.body());
    assertEquals(1, r.json().get("created").asInt(), r.body());
    JsonNode features = r.json().get("features");
    assertEquals("invalid-landUse", features.get(1).get("problem").get("problem").asText(), r.body());
    String imported = features.get(0).get("id").asText();
    assertEquals("AGRICULTURE", server.get("/api/events/" + imported).json().get("landUse").asText());
    // the mapping may call the field land_use, as GIS files and forms do; giving it twice is a malformed mapping
    Response snake = TransferFixtures.importFile(server, file, mapping.replace("\"landUse\":", "\"land_use\":"),
        "dryRun=true");
    assertEquals(200, snake.status(), snake.body());
    assertEquals(1, snake.json().get("known").asInt(), snake.body());
    Response twice = TransferFixtures.importFile(server, file, mapping.replace("}}", "},\"land_use\":{\"column\":"
        + "\"land_use\"}}"), "dryRun=true");
    assertEquals(400, twice.status(), twice.body());
  }
}
