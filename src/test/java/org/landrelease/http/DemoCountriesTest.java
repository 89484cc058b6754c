package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.domain.Role;

/**
 * The demo's two countries: Ukraine, the main scenario, and Lebanon, a smaller synthetic one on Natural Earth's
 * governorates. Each reconciles on its own, together they make the cross-country figures, and the Netherlands, which
 * funds work in both, sees its grants in both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCountriesTest {
  /** km²: a few square metres over thousands of events summed in another order. */
  private static final double EPS = 1e-6;
  /** The API gives km² to 6 decimals (1 m²): a sum of n rows may be n half square metres off. */
  private static final double ROUNDED = 0.5e-6;
  private static final String[] FIGURES = {"reportedKm2", "releasedKm2", "contaminatedKm2", "cancelledKm2",
      "reducedKm2", "clearedKm2"};
  private TestServer server;
  private TestServer donor;

  @BeforeAll
  void start() throws Exception {
    server = DemoServer.get();
    donor = server.as(server.token("nl-donor-countries", Role.DONOR, null, "Netherlands"));
  }

  @Test
  void lebanonIsListedAsASyntheticCountryWithItsSixGovernorates() throws Exception {
    Map<String, JsonNode> byCode = new HashMap<>();
    server.get("/api/countries").json().forEach(c -> byCode.put(c.get("code").asText(), c));
    assertEquals(2, byCode.size(), byCode.toString());
    JsonNode lb = byCode.get("LB");
    assertTrue(lb.get("synthetic").asBoolean(), lb.toString());
    assertTrue(lb.get("source").asText().contains("the events are made up"), lb.toString());
    assertEquals("Lebanon", lb.get("name").asText());
    assertEquals(6, lb.get("regions").asInt());
    assertFalse(byCode.get("UA").get("synthetic").asBoolean());
    JsonNode regions = server.get("/api/countries/LB").json().get("regions");
    assertEquals(6, regions.size());
    regions.forEach(r -> assertTrue(r.get("code").asText().startsWith("LB-"), r.toString()));
  }

  @Test
  void theDatasetLabelSaysBothScenariosAreSynthetic() throws Exception {
    String dataset = server.get("/api/stats/summary").json().get("dataset").asText();
    assertTrue(dataset.startsWith("synthetic demonstration scenario (not real data): Ukraine"), dataset);
    assertTrue(dataset.contains("synthetic scenario (not real data): Lebanon"), dataset);
  }

  @Test
  void eachCountryReconcilesOnItsOwn() throws Exception {
    for (String code : new String[] {"UA", "LB"}) {
      JsonNode s = server.get("/api/stats/summary?country=" + code).json();
      assertEquals(code, s.get("country").asText());
      assertEquals(s.get("reportedKm2").asDouble() - s.get("releasedKm2").asDouble(),
          s.get("contaminatedKm2").asDouble(), EPS + 3 * ROUNDED, code);
      assertEquals(s.get("releasedKm2").asDouble(), s.get("cancelledKm2").asDouble()
          + s.get("reducedKm2").asDouble() + s.get("clearedKm2").asDouble(), EPS + 4 * ROUNDED, code);
      double[] sum = new double[FIGURES.length];
      JsonNode regions = server.get("/api/regions?country=" + code).json();
      double tolerance = EPS + ROUNDED * regions.size();
      for (JsonNode r : regions) {
        assertTrue(r.get("code").asText().startsWith(code + "-"), r.toString());
        for (int f = 0; f < FIGURES.length; f++) {
          sum[f] += r.get(FIGURES[f]).asDouble();
        }
      }
      for (int f = 0; f < FIGURES.length; f++) {
        assertEquals(s.get(FIGURES[f]).asDouble(), sum[f], tolerance, code + " " + FIGURES[f] + " over its regions");
      }
      double byRegion = 0;
      for (JsonNode r : server.get("/api/stats/released?by=region&country=" + code).json()) {
        byRegion += r.get("km2").asDouble();
      }
      assertEquals(s.get("releasedKm2").asDouble(), byRegion, tolerance, code + " released by region");
    }
  }

  @Test
  void theTwoCountriesMakeTheCrossCountrySummary() throws Exception {
    JsonNode all = server.get("/api/stats/summary").json();
    JsonNode ua = server.get("/api/stats/summary?country=UA").json();
    JsonNode lb = server.get("/api/stats/summary?country=LB").json();
    assertEquals("[\"LB\",\"UA\"]", all.get("countries").toString());
    // the generator keeps every piece inside a region: nothing is unassigned, so the two countries are the whole
    for (String f : FIGURES) {
      assertEquals(all.get(f).asDouble(), ua.get(f).asDouble() + lb.get(f).asDouble(), EPS + 3 * ROUNDED, f);
    }
    assertEquals(all.get("events").asInt(), ua.get("events").asInt() + lb.get("events").asInt());
    Map<String, Double> byCountry = new HashMap<>();
    server.get("/api/stats/released?by=country").json()
        .forEach(r -> byCountry.put(r.get("key").asText(), r.get("km2").asDouble()));
    assertEquals(ua.get("releasedKm2").asDouble(), byCountry.get("UA"), EPS);
    assertEquals(lb.get("releasedKm2").asDouble(), byCountry.get("LB"), EPS);
    assertEquals(0, byCountry.getOrDefault("unassigned", 0.0), EPS);
  }

  @Test
  void lebanonHasItsFewHundredEventsAndLandInEveryOutcomeMostlyInTheSouth() throws Exception {
    JsonNode lb = server.get("/api/stats/summary?country=LB").json();
    int events = TestServer.JSON.readTree(Path.of("data/demo/countries/LB/funding.json").toFile())
        .get("events").asInt();
    assertEquals(events, lb.get("events").asInt());
    assertTrue(events >= 200 && events <= 500, "a few hundred events, not " + events);
    for (String f : new String[] {"cancelledKm2", "reducedKm2", "clearedKm2", "contaminatedKm2"}) {
      assertTrue(lb.get(f).asDouble() > 0, f + " " + lb);
    }
    double south = 0;
    for (JsonNode r : server.get("/api/regions?country=LB").json()) {
      String code = r.get("code").asText();
      if (code.equals("LB-JA") || code.equals("LB-NA")) {
        south += r.get("reportedKm2").asDouble();
      }
    }
    assertTrue(south > 0.7 * lb.get("reportedKm2").asDouble(), south + " of " + lb.get("reportedKm2"));
  }

  @Test
  void theNetherlandsSeesItsGrantsInBothCountries() throws Exception {
    JsonNode grants = donor.get("/api/grants").json();
    boolean lebanon = false;
    for (JsonNode g : grants) {
      assertEquals("Netherlands", g.get("donor").asText(), g.toString());
      lebanon |= g.get("id").asText().equals("NL-MAG-LB");
    }
    assertTrue(lebanon, grants.toString());
    Map<String, Double> total = released(donor, "by=grant");
    Map<String, Double> inLebanon = released(donor, "by=grant&country=LB");
    Map<String, Double> inUkraine = released(donor, "by=grant&country=UA");
    assertEquals(Map.of("NL-MAG-LB", inLebanon.get("NL-MAG-LB")), nonZero(inLebanon));
    assertTrue(inLebanon.get("NL-MAG-LB") > 0, inLebanon.toString());
    assertFalse(nonZero(inUkraine).isEmpty());
    assertFalse(inUkraine.containsKey("NL-MAG-LB") && inUkraine.get("NL-MAG-LB") > 0, inUkraine.toString());
    for (String grant : total.keySet()) {
      assertEquals(total.get(grant), inLebanon.getOrDefault(grant, 0.0) + inUkraine.getOrDefault(grant, 0.0),
          EPS + 3 * ROUNDED, grant);
    }
    Map<String, Double> byCountry = released(donor, "by=country");
    assertTrue(byCountry.get("UA") > 0 && byCountry.get("LB") > 0, byCountry.toString());
  }

  private static Map<String, Double> released(TestServer as, String query) throws Exception {
    TestServer.Response r = as.get("/api/stats/released?" + query);
    assertEquals(200, r.status(), r.body());
    Map<String, Double> out = new HashMap<>();
    r.json().forEach(row -> out.put(row.get("key").asText(), row.get("km2").asDouble()));
    return out;
  }

  private static Map<String, Double> nonZero(Map<String, Double> rows) {
    Map<String, Double> out = new HashMap<>(rows);
    out.values().removeIf(v -> v == 0);
    return out;
  }
}
