package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.http.LanguageClient.Answer;

/**
 * Problems answer in the language of Accept-Language (uk or en, English otherwise): title and detail translated,
 * type, status, field names and the coordinate as they are, Content-Language and Vary said, nothing stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemLanguageTest {
  /** A bow tie: its two edges cross at (37.605, 48.205). */
  static final String BOW_TIE =
      "{\"type\":\"Polygon\",\"coordinates\":[[[37.6,48.2],[37.61,48.21],[37.61,48.2],[37.6,48.21],[37.6,48.2]]]}";
  private TestServer server;
  private LanguageClient client;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    server.fund();
    client = new LanguageClient(server);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  Answer send(String method, String path, String body, String acceptLanguage) throws Exception {
    return client.send(method, path, body, acceptLanguage);
  }

  static String release(String geometry) {
    return event(UUID.randomUUID().toString(), "CLEARANCE", "2024-05-01", "HALO", "NL-HALO", geometry);
  }

  @Test
  void selfIntersectingPolygonInUkrainianKeepsItsCoordinate() throws Exception {
    String before = server.databaseContent();
    Answer uk = send("POST", "/api/events", release(BOW_TIE), "uk");
    assertEquals(422, uk.status());
    assertEquals("Неможливо обробити вміст", uk.json().get("title").asText());
    assertEquals("недійсний Polygon: самоперетин", uk.json().get("detail").asText());
    assertEquals("https://landrelease.org/problems/invalid-geometry", uk.json().get("type").asText());
    assertEquals(37.605, uk.json().get("coordinate").get(0).asDouble(), 1e-9);
    assertEquals(48.205, uk.json().get("coordinate").get(1).asDouble(), 1e-9);
    assertEquals("uk", uk.contentLanguage());
    assertTrue(uk.vary().contains("Accept-Language"), uk.vary());
    assertEquals(before, server.databaseContent());
  }

  @Test
  void selfIntersectingPolygonInEnglishIsAsBefore() throws Exception {
    Answer en = send("POST", "/api/events", release(BOW_TIE), "en-GB");
    assertEquals(422, en.status());
    assertEquals("Unprocessable content", en.json().get("title").asText());
    assertEquals("invalid Polygon: Self-intersection", en.json().get("detail").asText());
    assertEquals(37.605, en.json().get("coordinate").get(0).asDouble(), 1e-9);
    assertEquals("en", en.contentLanguage());
  }

  @Test
  void missingFieldNamesTheFieldInEnglishInsideUkrainian() throws Exception {
    Answer uk = send("POST", "/api/events", "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"CLEARANCE\"}", "uk-UA");
    assertEquals(400, uk.status());
    assertEquals("Некоректний запит", uk.json().get("title").asText());
    assertEquals("бракує обов'язкового поля 'date'", uk.json().get("detail").asText());
    Answer en = send("POST", "/api/events", "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"CLEARANCE\"}", null);
    assertEquals("missing required field 'date'", en.json().get("detail").asText());
    assertEquals("en", en.contentLanguage());
  }

  @Test
  void unknownGrantIs404InUkrainian() throws Exception {
    Answer uk = send("GET", "/api/grants/NO-SUCH", null, "uk");
    assertEquals(404, uk.status());
    assertEquals("Не знайдено", uk.json().get("title").asText());
    assertEquals("немає гранту 'NO-SUCH'", uk.json().get("detail").asText());
  }

  @Test
  void eventOfUnknownGrantIs422InUkrainianAndNothingIsStored() throws Exception {
    String before = server.databaseContent();
    Answer uk = send("POST", "/api/events", event(UUID.randomUUID().toString(), "CLEARANCE", "2024-05-01", "HALO",
        "NO-SUCH", square(37.6, 48.2, 0.01)), "uk");
    assertEquals(422, uk.status());
    assertEquals("невідомий грант 'NO-SUCH'", uk.json().get("detail").asText());
    assertEquals("https://landrelease.org/problems/unknown-grant", uk.json().get("type").asText());
    assertEquals(before, server.databaseContent());
  }

  @Test
  void methodNotAllowedInUkrainian() throws Exception {
    Answer uk = send("DELETE", "/api/stats/summary", null, "uk");
    assertEquals(405, uk.status());
    assertEquals("Метод не дозволено", uk.json().get("title").asText());
    assertTrue(uk.json().get("detail").asText().startsWith("DELETE не дозволено для /api/stats/summary"),
        uk.json().get("detail").asText());
  }

  @Test
  void malformedJsonTranslatesTheFrameAndKeepsTheParsersReason() throws Exception {
    Answer uk = send("POST", "/api/events", "{\"id\": ", "uk");
    assertEquals(400, uk.status());
    assertEquals("Некоректний JSON", uk.json().get("title").asText());
    String detail = uk.json().get("detail").asText();
    assertTrue(detail.startsWith("тіло запиту не є коректним JSON: "), detail);
    Answer en = send("POST", "/api/events", "{\"id\": ", "en");
    assertEquals("Malformed JSON", en.json().get("title").asText());
    // the parser's own reason is the same text in both
    assertEquals(en.json().get("detail").asText().substring("the body is not valid JSON: ".length()),
        detail.substring("тіло запиту не є коректним JSON: ".length()));
  }

  @Test
  void weightsDecideBetweenLanguages() throws Exception {
    assertEquals("uk", send("GET", "/api/grants/NO-SUCH", null, "en;q=0.5, uk;q=0.9").contentLanguage());
    assertEquals("en", send("GET", "/api/grants/NO-SUCH", null, "uk;q=0.3, en;q=0.8").contentLanguage());
    // a language the ledger has no file for is skipped for the next one
    Answer de = send("GET", "/api/grants/NO-SUCH", null, "de-DE, de;q=0.9, uk;q=0.5");
    assertEquals("uk", de.contentLanguage());
    assertEquals("немає гранту 'NO-SUCH'", de.json().get("detail").asText());
  }

  @Test
  void unknownOrMalformedLanguagesFallBackToEnglish() throws Exception {
    for (String header : new String[] {"fr", "*", "zz-ZZ;q=1", "uk;q=0", ";;;not a range"}) {
      Answer a = send("GET", "/api/grants/NO-SUCH", null, header);
      assertEquals(404, a.status(), header);
      assertEquals("en", a.contentLanguage(), header);
      assertEquals("no grant 'NO-SUCH'", a.json().get("detail").asText(), header);
      assertEquals("Not found", a.json().get("title").asText(), header);
    }
  }

  @Test
  void refusedItemsOfABatchAnswerInTheRequestsLanguage() throws Exception {
    Answer uk = send("POST", "/api/events/batch", "[" + release(BOW_TIE) + "]", "uk");
    JsonNode problem = uk.json().get("results").get(0).get("problem");
    assertEquals(422, problem.get("status").asInt());
    assertEquals("недійсний Polygon: самоперетин", problem.get("detail").asText());
    assertFalse(problem.get("detail").asText().contains("Self-intersection"));
  }

  @Test
  void importDryRunGivesEachRefusedFeaturesReasonInUkrainian() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile(server.dir, "in", ".geojson");
    java.nio.file.Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"properties\":{\"d\":\"2024-03-01\",\"org\":\"HALO\",\"grant\":\"NL-HALO\",\"haz\":\"AP_MINE\"},"
        + "\"geometry\":" + BOW_TIE + "},"
        + "{\"type\":\"Feature\",\"properties\":{\"d\":\"2024-03-01\",\"org\":\"HALO\",\"grant\":\"NL-DRC\",\"haz\":\"AP_MINE\"},"
        + "\"geometry\":" + square(36.2, 48.0, 0.01) + "}]}");
    java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/api/imports?dryRun=true&mapping="
            + java.net.URLEncoder.encode(ImportApiTest.REPORT_MAPPING, java.nio.charset.StandardCharsets.UTF_8)))
            .header("Authorization", "Bearer " + server.adminToken).header("Accept-Language", "uk")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(file)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("uk", r.headers().firstValue("Content-Language").orElse(""));
    JsonNode features = TestServer.JSON.readTree(r.body()).get("features");
    JsonNode bowTie = features.get(0).get("problem");
    assertEquals("invalid-geometry", bowTie.get("problem").asText());
    assertEquals("недійсний Polygon: самоперетин", bowTie.get("detail").asText());
    assertEquals(37.605, bowTie.get("coordinate").get(0).asDouble(), 1e-9);
    assertFalse(bowTie.has("message"), bowTie.toString());
    assertEquals("грант 'NL-DRC' фінансує партнера 'DRC', а не 'HALO'",
        features.get(1).get("problem").get("detail").asText());
  }
}
