package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.domain.Role;
import org.landrelease.http.TestServer.Response;

/**
 * Grants and accounts bound to countries, on a ledger with two: Ukraine (seeded) and the small synthetic second
 * country of CountryFixtures, "LB", of two regions (LB-AA west of 35.75 E, LB-BB east of it) far from Ukraine. A
 * reviewer bound to UA decides on Ukraine's events only; a grant covering UA only refuses a release in LB; a donor
 * reads its grant's releases in both countries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountryAccessTest {
  private TestServer server;
  private TestServer reviewerUa;
  private TestServer fieldUa;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    // made while Ukraine is the only country: they cover it
    server.fund();
    Response loaded = CountryFixtures.load(server, 35.75);
    assertEquals(201, loaded.status(), loaded.body());
    assertEquals(201, server.post("/api/grants", "{\"id\":\"NL-HALO-BOTH\",\"donor\":\"Netherlands\",\"partner\":"
        + "\"HALO\",\"title\":\"Two countries\",\"start\":\"2023-01-01\",\"end\":\"2025-12-31\","
        + "\"countries\":[\"UA\",\"LB\"]}").status());
    Response reviewer = server.post("/api/users", "{\"name\":\"reviewer-ua\",\"role\":\"REVIEWER\","
        + "\"countries\":[\"ua\"]}");
    assertEquals(201, reviewer.status(), reviewer.body());
    reviewerUa = server.as(reviewer.json().get("token").asText());
    fieldUa = server.as(server.post("/api/users", "{\"name\":\"field-halo-ua\",\"role\":\"FIELD\",\"partner\":"
        + "\"HALO\",\"countries\":[\"UA\"]}").json().get("token").asText());
    // hazards to release in both countries
    assertEquals(201, server.apply(event(id(), "HAZARD_REPORT", "2023-01-10", "HALO", null,
        square(37.0, 48.0, 0.05))).status());
    assertEquals(201, server.apply(event(id(), "HAZARD_REPORT", "2023-01-10", "HALO", null,
        square(35.6, 33.6, 0.05))).status());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  /** A submitted event (by the administrator, bound to no country); returns its id. */
  private String submitted(String type, String grant, String geometry) throws Exception {
    Response r = server.post("/api/events", event(id(), type, "2024-03-01", "HALO", grant, geometry));
    assertEquals(201, r.status(), r.body());
    return r.json().get("id").asText();
  }

  private String status(String eventId) throws Exception {
    return server.get("/api/events/" + eventId).json().get("status").asText();
  }

  @Test
  void theAccountsShowTheirCountries() throws Exception {
    assertEquals("[\"UA\"]", reviewerUa.get("/api/me").json().get("countries").toString());
    JsonNode users = server.get("/api/users").json();
    List<String> bound = new ArrayList<>();
    for (JsonNode u : users) {
      if (u.get("countries").size() > 0) {
        bound.add(u.get("name").asText() + u.get("countries"));
      }
    }
    assertEquals(List.of("field-halo-ua[\"UA\"]", "reviewer-ua[\"UA\"]"), bound);
    assertEquals("[]", server.get("/api/me").json().get("countries").toString(), "the admin is bound to none");
  }

  @Test
  void aUaReviewerCannotApproveOrRejectAnLbEvent() throws Exception {
    String lb = submitted("NON_TECHNICAL_SURVEY", "NL-HALO-BOTH", square(35.61, 33.61, 0.01));
    Response approve = reviewerUa.post("/api/events/" + lb + "/approve", "");
    assertEquals(403, approve.status(), approve.body());
    assertEquals("application/problem+json", approve.contentType());
    assertTrue(approve.json().get("type").asText().endsWith("other-country"), approve.body());
    assertTrue(approve.json().get("detail").asText().contains("[LB]"), approve.body());
    assertEquals(403, reviewerUa.post("/api/events/" + lb + "/reject", "{\"reason\":\"not ours\"}").status());
    Response batch = reviewerUa.post("/api/reviews", "{\"decisions\":[{\"event\":\"" + lb
        + "\",\"decision\":\"APPROVE\"}]}");
    assertEquals(1, batch.json().get("refused").asInt(), batch.body());
    assertEquals(403, batch.json().get("results").get(0).get("status").asInt(), batch.body());
    assertEquals("SUBMITTED", status(lb));
    // an unbound reviewer may
    assertEquals(200, server.as(server.reviewerToken).post("/api/events/" + lb + "/approve", "").status());
    assertEquals("APPROVED", status(lb));
  }

  @Test
  void aUaReviewerApprovesAUaEvent() throws Exception {
    String ua = submitted("NON_TECHNICAL_SURVEY", "NL-HALO", square(37.01, 48.01, 0.01));
    Response r = reviewerUa.post("/api/events/" + ua + "/approve", "");
    assertEquals(200, r.status(), r.body());
    assertEquals("APPROVED", status(ua));
    assertTrue(r.json().get("releasedKm2").asDouble() > 0.5, r.body());
  }

  @Test
  void aUaReviewersQueueListsUkrainesSubmittedEventsOnly() throws Exception {
    String ua = submitted("HAZARD_REPORT", null, square(37.3, 48.3, 0.01));
    String lb = submitted("HAZARD_REPORT", null, square(35.85, 33.7, 0.01));
    List<String> queue = new ArrayList<>();
    for (JsonNode e : reviewerUa.get("/api/events?status=SUBMITTED&limit=1000").json().get("events")) {
      queue.add(e.get("id").asText());
      assertTrue(e.get("regions").get(0).asText().startsWith("UA-"), e.toString());
    }
    assertTrue(queue.contains(ua), queue.toString());
    assertFalse(queue.contains(lb), queue.toString());
    assertEquals(404, reviewerUa.get("/api/events/" + lb).status(), "a submitted LB event is not the UA reviewer's");
    List<String> all = new ArrayList<>();
    for (JsonNode e : server.as(server.reviewerToken).get("/api/events?status=SUBMITTED&limit=1000").json()
        .get("events")) {
      all.add(e.get("id").asText());
    }
    assertTrue(all.contains(ua) && all.contains(lb), "an unbound reviewer's queue has both: " + all);
  }

  @Test
  void aGrantCoveringUaOnlyRefusesAReleaseInLbAndStoresNothing() throws Exception {
    assertEquals("[\"UA\"]", server.get("/api/grants/NL-HALO").json().get("countries").toString());
    String before = server.databaseContent();
    Response r = server.post("/api/events", event(id(), "CLEARANCE", "2024-03-01", "HALO", "NL-HALO",
        square(35.62, 33.62, 0.01)));
    assertEquals(422, r.status(), r.body());
    assertTrue(r.json().get("type").asText().endsWith("grant-country"), r.body());
    assertTrue(r.json().get("detail").asText().contains("[LB]") && r.json().get("detail").asText()
        .contains("'NL-HALO'"), r.body());
    double lon = r.json().get("coordinate").get(0).asDouble(), lat = r.json().get("coordinate").get(1).asDouble();
    assertTrue(lon >= 35.62 && lon <= 35.63 && lat >= 33.62 && lat <= 33.63, r.body());
    assertEquals(before, server.databaseContent(), "a refused release stores nothing");
    Response inUa = server.post("/api/events", event(id(), "CLEARANCE", "2024-03-01", "HALO", "NL-HALO",
        square(37.02, 48.02, 0.01)));
    assertEquals(201, inUa.status(), inUa.body());
  }

  @Test
  void anApprovalChecksTheGrantsCountriesAgain() throws Exception {
    assertEquals(201, server.post("/api/grants", "{\"id\":\"NL-HALO-MOVING\",\"donor\":\"Netherlands\",\"partner\":"
        + "\"HALO\",\"title\":\"t\",\"start\":\"2023-01-01\",\"end\":\"2025-12-31\",\"countries\":[\"LB\"]}")
        .status());
    String lb = submitted("NON_TECHNICAL_SURVEY", "NL-HALO-MOVING", square(35.63, 33.63, 0.01));
    Response moved = server.put("/api/grants/NL-HALO-MOVING/countries", "{\"countries\":[\"UA\"]}");
    assertEquals(200, moved.status(), moved.body());
    assertEquals("[\"UA\"]", moved.json().get("countries").toString());
    Response r = server.as(server.reviewerToken).post("/api/events/" + lb + "/approve", "");
    assertEquals(422, r.status(), r.body());
    assertTrue(r.json().get("type").asText().endsWith("grant-country"), r.body());
    assertEquals("SUBMITTED", status(lb));
    assertEquals(422, server.put("/api/grants/NL-HALO-MOVING/countries", "{\"countries\":[]}").status());
    assertEquals(422, server.put("/api/grants/NL-HALO-MOVING/countries", "{\"countries\":[\"XK\"]}").status());
    assertEquals(404, server.put("/api/grants/NO-SUCH-GRANT/countries", "{\"countries\":[\"UA\"]}").status());
    assertEquals("[\"UA\"]", server.get("/api/grants/NL-HALO-MOVING").json().get("countries").toString());
  }

  @Test
  void aFieldAccountBoundToUaSubmitsThereOnly() throws Exception {
    String before = server.databaseContent();
    Response r = fieldUa.post("/api/events", event(id(), "HAZARD_REPORT", "2024-03-01", "HALO", null,
        square(35.9, 33.8, 0.01)));
    assertEquals(403, r.status(), r.body());
    assertTrue(r.json().get("type").asText().endsWith("other-country"), r.body());
    assertTrue(r.json().get("coordinate").get(0).asDouble() > 35.9, r.body());
    assertEquals(before, server.databaseContent(), "nothing stored");
    Response batch = fieldUa.post("/api/events/batch", "[" + event(id(), "HAZARD_REPORT", "2024-03-01", "HALO", null,
        square(35.9, 33.8, 0.01)) + "]");
    assertEquals(1, batch.json().get("refused").asInt(), batch.body());
    assertEquals(403, batch.json().get("results").get(0).get("status").asInt(), batch.body());
    assertEquals(before, server.databaseContent(), "a refused batch item stores nothing either");
    assertEquals(201, fieldUa.post("/api/events", event(id(), "HAZARD_REPORT", "2024-03-01", "HALO", null,
        square(37.4, 48.4, 0.01))).status());
  }

  @Test
  void aDonorSeesItsGrantsReleasesInBothCountries() throws Exception {
    String donor = server.token("donor-nl-both", Role.DONOR, null, "Netherlands");
    assertEquals(201, server.apply(event(id(), "CLEARANCE", "2024-05-01", "HALO", "NL-HALO-BOTH",
        square(37.03, 48.03, 0.01))).status());
    assertEquals(201, server.apply(event(id(), "CLEARANCE", "2024-05-01", "HALO", "NL-HALO-BOTH",
        square(35.64, 33.64, 0.01))).status());
    Response report = server.as(donor).get("/api/grants/NL-HALO-BOTH/report");
    assertEquals(200, report.status(), report.body());
    List<String> countries = new ArrayList<>();
    for (JsonNode row : report.json().get("byRegion")) {
      String c = row.get("key").asText().substring(0, 2);
      if (!countries.contains(c)) {
        countries.add(c);
      }
    }
    countries.sort(null);
    assertEquals(List.of("LB", "UA"), countries, report.body());
    assertEquals("[\"LB\",\"UA\"]", report.json().get("grant").get("countries").toString());
    String grants = server.as(donor).get("/api/grants").body();
    assertTrue(grants.contains("NL-HALO-BOTH"), grants);
  }

  @Test
  void aGrantNamingNoCountryInATwoCountryLedgerIsRefused() throws Exception {
    String before = server.databaseContent();
    Response r = server.post("/api/grants", "{\"id\":\"NL-NOWHERE\",\"donor\":\"Netherlands\",\"partner\":"
        + "\"HALO\",\"title\":\"t\",\"start\":\"2024-01-01\",\"end\":\"2024-12-31\"}");
    assertEquals(422, r.status(), r.body());
    assertTrue(r.json().get("type").asText().endsWith("countries-required"), r.body());
    assertTrue(r.json().get("detail").asText().contains("[LB, UA]"), r.body());
    Response unknown = server.post("/api/grants", "{\"id\":\"NL-NOWHERE\",\"donor\":\"Netherlands\",\"partner\":"
        + "\"HALO\",\"title\":\"t\",\"start\":\"2024-01-01\",\"end\":\"2024-12-31\",\"countries\":[\"XK\"]}");
    assertEquals(422, unknown.status(), unknown.body());
    assertTrue(unknown.json().get("detail").asText().contains("'XK'"), unknown.body());
    assertEquals(400, server.post("/api/grants", "{\"id\":\"NL-NOWHERE\",\"donor\":\"Netherlands\",\"partner\":"
        + "\"HALO\",\"title\":\"t\",\"start\":\"2024-01-01\",\"end\":\"2024-12-31\",\"countries\":\"UA\"}")
        .status());
    assertEquals(404, server.get("/api/grants/NL-NOWHERE").status());
    assertEquals(before, server.databaseContent(), "nothing stored");
  }

  @Test
  void onlyFieldAndReviewerAccountsAreBoundAndOnlyToKnownCountries() throws Exception {
    Response donor = server.post("/api/users", "{\"name\":\"donor-bound\",\"role\":\"DONOR\",\"donor\":"
        + "\"Netherlands\",\"countries\":[\"UA\"]}");
    assertEquals(422, donor.status(), donor.body());
    Response unknown = server.post("/api/users", "{\"name\":\"reviewer-xk\",\"role\":\"REVIEWER\","
        + "\"countries\":[\"XK\"]}");
    assertEquals(422, unknown.status(), unknown.body());
    assertTrue(unknown.json().get("detail").asText().contains("'XK'"), unknown.body());
    assertEquals(400, server.post("/api/users", "{\"name\":\"reviewer-bad\",\"role\":\"REVIEWER\","
        + "\"countries\":[\"UKR\"]}").status());
  }
}
