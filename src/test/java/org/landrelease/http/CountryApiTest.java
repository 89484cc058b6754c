package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Several countries in one ledger, through the HTTP API: loading a country's regions (dry run, refusal, load,
 * replacement), an event's land split by country, and each country's figures reconciling on their own.
 */
class CountryApiTest {
  private static final double EPS = 1e-9;

  private static String id() {
    return UUID.randomUUID().toString();
  }

  @Test
  void aNewLedgerHasUkraineFromItsBoundaryFile() throws Exception {
    try (TestServer server = new TestServer()) {
      JsonNode countries = server.get("/api/countries").json();
      assertEquals(1, countries.size());
      assertEquals("UA", countries.get(0).get("code").asText());
      assertEquals("Ukraine", countries.get(0).get("name").asText());
      assertEquals("Україна", countries.get(0).get("nameUk").asText());
      assertEquals(27, countries.get(0).get("regions").asInt());
      JsonNode ua = server.get("/api/countries/UA").json();
      assertEquals(27, ua.get("regions").size());
      assertTrue(ua.get("regions").get(0).get("code").asText().startsWith("UA-"));
      assertEquals(404, server.get("/api/countries/LB").status());
      assertEquals(400, server.get("/api/countries/Lebanon").status());
      assertEquals(404, server.get("/api/stats/summary?country=LB").status());
    }
  }

  @Test
  void aDryRunShowsTheRegionsAndWhatIsWrongAndStoresNothing() throws Exception {
    try (TestServer server = new TestServer()) {
      String bowtie = "{\"type\":\"Feature\",\"properties\":{\"code\":\"LB-XX\",\"name\":\"Bowtie\"},\"geometry\":"
          + "{\"type\":\"Polygon\",\"coordinates\":[[[35.0,33.0],[35.2,33.2],[35.2,33.0],[35.0,33.2],[35.0,33.0]]]}}";
      String file = CountryFixtures.collection(CountryFixtures.feature("LB-AA", "West", "Захід", 35.5, 33.5, 35.75,
          34.0) + "," + bowtie);
      String before = server.databaseContent();
      var dry = CountryFixtures.upload(server, server.adminToken, "LB", "dryRun=true", file);
      assertEquals(200, dry.status(), dry.body());
      assertEquals(1, dry.json().get("regions").size());
      assertTrue(dry.json().get("regions").get(0).get("areaKm2").asDouble() > 1000);
      JsonNode problem = dry.json().get("problems").get(0);
      assertEquals("invalid-geometry", problem.get("kind").asText());
      assertTrue(problem.get("detail").asText().contains("LB-XX"), problem.toString());
      var refused = CountryFixtures.upload(server, server.adminToken, "LB", "", file);
      assertEquals(422, refused.status(), refused.body());
      assertEquals("application/problem+json", refused.contentType());
      assertTrue(refused.json().get("detail").asText().contains("nothing was stored"));
      var field = CountryFixtures.upload(server, server.adminToken, "LB", "codeField=iso", file);
      assertEquals(422, field.status(), field.body());
      assertEquals(before, server.databaseContent());
      assertEquals(401, CountryFixtures.upload(server, null, "LB", "", file).status());
    }
  }

  @Test
  void eachCountryReconcilesOnItsOwnAndAFootprintAcrossTheGapIsSplit() throws Exception {
    try (TestServer server = new TestServer()) {
      server.post("/api/partners", "{\"id\":\"HALO\",\"name\":\"HALO Trust\"}");
      var loaded = CountryFixtures.load(server, 35.75);
      assertEquals(201, loaded.status(), loaded.body());
      assertEquals(2, loaded.json().get("regionCount").asInt());
      assertEquals("Lebanon (synthetic)", server.get("/api/countries/LB").json().get("country").get("name").asText());
      // Ukraine: a hazard and a clearance; Lebanon: a hazard across its two regions and a survey of part of it
      assertEquals(201, server.apply(TestServer.event(id(), "HAZARD_REPORT", "2024-01-10", "HALO", null,
          TestServer.square(37.50, 48.10, 0.02))).status());
      assertEquals(201, server.apply(TestServer.event(id(), "CLEARANCE", "2024-02-10", "HALO", null,
          TestServer.square(37.50, 48.10, 0.01))).status());
      assertEquals(201, server.apply(TestServer.event(id(), "HAZARD_REPORT", "2024-01-11", "HALO", null,
          TestServer.square(35.70, 33.70, 0.10))).status());
      assertEquals(201, server.apply(TestServer.event(id(), "NON_TECHNICAL_SURVEY", "2024-03-01", "HALO", null,
          TestServer.square(35.70, 33.70, 0.04))).status());
      JsonNode all = server.get("/api/stats/summary").json();
      JsonNode ua = server.get("/api/stats/summary?country=UA").json();
      JsonNode lb = server.get("/api/stats/summary?country=lb").json();
      assertEquals("[\"LB\",\"UA\"]", all.get("countries").toString());
      assertEquals("[\"LB\"]", lb.get("countries").toString());
      assertEquals(2, ua.get("events").asInt());
      assertEquals(2, lb.get("events").asInt());
      for (String f : new String[] {"reportedKm2", "releasedKm2", "contaminatedKm2", "cancelledKm2", "clearedKm2"}) {
        assertEquals(all.get(f).asDouble(), ua.get(f).asDouble() + lb.get(f).asDouble(), EPS, f);
      }
      assertTrue(lb.get("cancelledKm2").asDouble() > 10);
      assertEquals(0, lb.get("clearedKm2").asDouble(), 0);
      for (JsonNode country : new JsonNode[] {ua, lb}) {
        String code = country.get("country").asText();
        assertEquals(country.get("contaminatedKm2").asDouble(),
            country.get("reportedKm2").asDouble() - country.get("releasedKm2").asDouble(), EPS);
        var regions = server.get("/api/regions?country=" + code);
        assertEquals(code, regions.headers("Ledger-Countries"));
        double reported = 0;
        double released = 0;
        for (JsonNode r : regions.json()) {
          assertTrue(r.get("code").asText().startsWith(code + "-"), r.toString());
          reported += r.get("reportedKm2").asDouble();
          released += r.get("releasedKm2").asDouble();
        }
        assertEquals(country.get("reportedKm2").asDouble(), reported, EPS, code);
        assertEquals(country.get("releasedKm2").asDouble(), released, EPS, code);
        double byRegion = 0;
        for (JsonNode r : server.get("/api/stats/released?by=region&country=" + code).json()) {
          byRegion += r.get("km2").asDouble();
        }
        assertEquals(country.get("releasedKm2").asDouble(), byRegion, EPS, code);
      }
      // the hazard in Lebanon straddles the two regions: both have its land
      var lbRegions = server.get("/api/regions?country=LB").json();
      assertTrue(lbRegions.get(0).get("reportedKm2").asDouble() > 0 && lbRegions.get(1).get("reportedKm2")
          .asDouble() > 0, lbRegions.toString());
      Map<String, Double> byCountry = new HashMap<>();
      for (JsonNode r : server.get("/api/stats/released?by=country").json()) {
        byCountry.put(r.get("key").asText(), r.get("km2").asDouble());
      }
      assertEquals(ua.get("releasedKm2").asDouble(), byCountry.get("UA"), EPS);
      assertEquals(lb.get("releasedKm2").asDouble(), byCountry.get("LB"), EPS);
      assertEquals("LB, UA", server.get("/api/stats/released?by=country").headers("Ledger-Countries"));
    }
  }

  @Test
  void replacingACountrysRegionsReSplitsItsPiecesAndLeavesTheOtherCountryUntouched() throws Exception {
    try (TestServer server = new TestServer()) {
      server.post("/api/partners", "{\"id\":\"HALO\",\"name\":\"HALO Trust\"}");
      assertEquals(201, CountryFixtures.load(server, 35.75).status());
      assertEquals(201, server.apply(TestServer.event(id(), "HAZARD_REPORT", "2024-01-10", "HALO", null,
          TestServer.square(36.20, 49.00, 0.20))).status());
      assertEquals(201, server.apply(TestServer.event(id(), "TECHNICAL_SURVEY", "2024-02-10", "HALO", null,
          TestServer.square(36.25, 49.05, 0.05))).status());
      // a hazard wholly in the west region, then a release of part of it
      assertEquals(201, server.apply(TestServer.event(id(), "HAZARD_REPORT", "2024-01-11", "HALO", null,
          TestServer.square(35.55, 33.60, 0.10))).status());
      assertEquals(201, server.apply(TestServer.event(id(), "CLEARANCE", "2024-03-01", "HALO", null,
          TestServer.square(35.57, 33.62, 0.05))).status());
      String uaSummary = server.get("/api/stats/summary?country=UA").body();
      String uaRegions = server.get("/api/regions?country=UA").body();
      JsonNode lbBefore = server.get("/api/stats/summary?country=LB").json();
      JsonNode westBefore = server.get("/api/regions?country=LB").json().get(0);
      assertEquals("LB-AA", westBefore.get("code").asText());
      // the boundary moves west, through the hazard and the cleared land: both are cut in two
      var replaced = CountryFixtures.load(server, 35.59);
      assertEquals(201, replaced.status(), replaced.body());
      assertTrue(replaced.json().get("resplit").get("piecesCut").asInt() >= 2, replaced.body());
      JsonNode lbAfter = server.get("/api/stats/summary?country=LB").json();
      for (String f : new String[] {"reportedKm2", "releasedKm2", "clearedKm2", "contaminatedKm2"}) {
        assertEquals(lbBefore.get(f).asDouble(), lbAfter.get(f).asDouble(), 1e-6, f);
      }
      JsonNode regions = server.get("/api/regions?country=LB").json();
      assertNotEquals(westBefore.get("clearedKm2").asDouble(), regions.get(0).get("clearedKm2").asDouble());
      assertTrue(regions.get(1).get("clearedKm2").asDouble() > 0, regions.toString());
      assertEquals(lbAfter.get("clearedKm2").asDouble(), regions.get(0).get("clearedKm2").asDouble()
          + regions.get(1).get("clearedKm2").asDouble(), 1e-9);
      assertEquals(uaSummary, server.get("/api/stats/summary?country=UA").body());
      assertEquals(uaRegions, server.get("/api/regions?country=UA").body());
      // the event lists its regions anew: the clearance now touches both
      JsonNode events = server.get("/api/events?type=CLEARANCE").json();
      assertTrue(events.toString().contains("LB-BB"), events.toString());
    }
  }
}
