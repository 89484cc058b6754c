package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.geometry.TileGrid;

/**
 * The country parameter of lists, layers, exports, OGC collections, tiles and the treaty report, on a ledger of
 * Ukraine and the synthetic two-region LB: each country's answer holds only its own items, and the two together are
 * the unfiltered answer (no land lies outside both countries here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountryFilterTest {
  private static final double EPS = 1e-9;
  private static final String[] COUNTRIES = {"UA", "LB"};
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    // grants first: before the second country they cover the only one there is
    server.fund();
    assertEquals(201, CountryFixtures.load(server, 35.75).status());
    // Ukraine: a hazard in 2023, cleared in part in 2024
    apply("HAZARD_REPORT", "2023-03-01", null, TestServer.square(37.50, 48.10, 0.02));
    apply("CLEARANCE", "2024-05-01", "NL-HALO", TestServer.square(37.50, 48.10, 0.01));
    // LB: a hazard across both regions in 2023; a survey cancels part of it in LB-AA, a clearance in LB-BB in 2024
    apply("HAZARD_REPORT", "2023-03-02", null, TestServer.square(35.70, 33.70, 0.10));
    apply("NON_TECHNICAL_SURVEY", "2024-03-01", null, TestServer.square(35.70, 33.70, 0.04));
    apply("CLEARANCE", "2024-06-01", null, TestServer.square(35.78, 33.75, 0.01));
  }

  private void apply(String type, String date, String grant, String geometry) throws Exception {
    var r = server.apply(TestServer.event(UUID.randomUUID().toString(), type, date, "HALO", grant, geometry));
    assertEquals(201, r.status(), r.body());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** The answer of a path with country=code appended (null: none). */
  private JsonNode get(String path, String country) throws Exception {
    var r = server.get(country == null ? path : path + (path.contains("?") ? "&" : "?") + "country=" + country);
    assertEquals(200, r.status(), path + " " + country + ": " + r.body());
    return r.json();
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static double sum(List<JsonNode> items, String... field) {
    double s = 0;
    for (JsonNode n : items) {
      JsonNode v = n;
      for (String f : field) {
        v = v.get(f);
      }
      s += v.asDouble();
    }
    return s;
  }

  @Test
  void theEventListOfACountryHoldsItsEventsOnlyAndTheTwoMakeTheWhole() throws Exception {
    int all = get("/api/events", null).get("events").size();
    assertEquals(5, all);
    int together = 0;
    for (String c : COUNTRIES) {
      var r = server.get("/api/events?country=" + c);
      assertEquals(c, r.headers("Ledger-Countries"));
      for (JsonNode e : r.json().get("events")) {
        for (JsonNode region : e.get("regions")) {
          assertTrue(region.asText().startsWith(c + "-"), e.toString());
        }
      }
      together += r.json().get("events").size();
    }
    assertEquals(2, get("/api/events", "UA").get("events").size());
    assertEquals(all, together);
  }

  @Test
  void theHazardLayerOfACountryHoldsItsHazardsOnlyAndTheTwoMakeTheWhole() throws Exception {
    List<JsonNode> all = list(get("/api/hazards", null).get("features"));
    assertEquals(2, all.size());
    double km2 = 0;
    int count = 0;
    for (String c : COUNTRIES) {
      List<JsonNode> mine = list(get("/api/hazards", c).get("features"));
      assertEquals(1, mine.size(), c);
      km2 += sum(mine, "properties", "areaKm2");
      count += mine.size();
    }
    assertEquals(all.size(), count);
    assertEquals(sum(all, "properties", "areaKm2"), km2, EPS);
  }

  @Test
  void theReleaseLayerOfACountryHoldsItsPiecesOnlyAndTheTwoMakeTheWhole() throws Exception {
    List<JsonNode> all = list(get("/api/releases", null).get("features"));
    assertEquals(3, all.size());
    double km2 = 0;
    int count = 0;
    for (String c : COUNTRIES) {
      List<JsonNode> mine = list(get("/api/releases", c).get("features"));
      mine.forEach(f -> assertTrue(f.get("properties").get("region").asText().startsWith(c + "-"), f.toString()));
      km2 += sum(mine, "properties", "areaKm2");
      count += mine.size();
    }
    assertEquals(all.size(), count);
    assertEquals(sum(all, "properties", "areaKm2"), km2, EPS);
    // and as of a day before the survey, LB had released nothing
    assertEquals(0, get("/api/releases?asOf=2024-02-01", "LB").get("features").size());
  }

  @Test
  void theBoundariesOfACountryAreItsRegions() throws Exception {
    assertEquals(29, get("/api/regions/boundaries", null).get("features").size());
    List<JsonNode> lb = list(get("/api/regions/boundaries", "LB").get("features"));
    assertEquals(List.of("LB-AA", "LB-BB"), lb.stream().map(f -> f.get("properties").get("code").asText()).toList());
    assertEquals(27, get("/api/regions/boundaries", "UA").get("features").size());
  }

  @Test
  void theExportsOfACountryHoldItsRowsOnlyAndTheTwoMakeTheWhole() throws Exception {
    for (String layer : List.of("hazards", "releases", "events", "regions")) {
      String path = "/api/exports?layer=" + layer + "&format=geojson";
      int all = get(path, null).get("features").size();
      int together = 0;
      for (String c : COUNTRIES) {
        List<JsonNode> mine = list(get(path, c).get("features"));
        for (JsonNode f : mine) {
          JsonNode p = f.get("properties");
          String codes = layer.equals("releases") ? p.get("region").asText()
              : layer.equals("regions") ? p.get("code").asText() : p.get("regions").asText();
          for (String code : codes.split(",")) {
            assertTrue(code.strip().startsWith(c + "-"), layer + " " + c + ": " + p);
          }
        }
        together += mine.size();
      }
      assertTrue(all > 0, layer);
      assertEquals(all, together, layer);
    }
    // CSV: a header line and a line per piece
    String csvAll = server.get("/api/exports?layer=releases&format=csv").body();
    String csvLb = server.get("/api/exports?layer=releases&format=csv&country=LB").body();
    assertEquals(4, csvAll.strip().split("\n").length);
    assertEquals(3, csvLb.strip().split("\n").length);
    assertTrue(!csvLb.contains("UA-"), csvLb);
  }

  @Test
  void theOgcRegionsCarryTheirCountryAndFilterByIt() throws Exception {
    JsonNode lb = get("/ogc/collections/regions/items", "LB");
    assertEquals(2, lb.get("numberMatched").asInt());
    lb.get("features").forEach(f -> assertEquals("LB", f.get("properties").get("country").asText()));
    String cql = URLEncoder.encode("country = 'LB'", StandardCharsets.UTF_8).replace("+", "%20");
    JsonNode byCql = get("/ogc/collections/regions/items?filter=" + cql, null);
    assertEquals(2, byCql.get("numberMatched").asInt());
    assertEquals("LB-AA", byCql.get("features").get(0).get("id").asText());
    JsonNode queryables = get("/ogc/collections/regions/queryables", null);
    assertTrue(queryables.get("properties").has("country"), queryables.toString());
    assertEquals(27, get("/ogc/collections/regions/items?limit=100", "UA").get("numberMatched").asInt());
    assertEquals("UA", get("/ogc/collections/regions/items/UA-14", null).get("properties").get("country").asText());
  }

  @Test
  void theOgcCollectionsOfACountryHoldItsFeaturesAndTheTwoMakeTheWhole() throws Exception {
    for (String collection : List.of("hazards", "releases", "events", "regions")) {
      String path = "/ogc/collections/" + collection + "/items?limit=1000";
      JsonNode all = get(path, null);
      int together = 0;
      double km2 = 0;
      for (String c : COUNTRIES) {
        JsonNode mine = get(path, c);
        together += mine.get("numberMatched").asInt();
        if (collection.equals("releases")) {
          for (JsonNode f : mine.get("features")) {
            assertTrue(f.get("properties").get("region").asText().startsWith(c + "-"), f.toString());
            km2 += f.get("properties").get("area_km2").asDouble();
          }
        }
      }
      assertTrue(all.get("numberMatched").asInt() > 0, collection);
      assertEquals(all.get("numberMatched").asInt(), together, collection);
      if (collection.equals("releases")) {
        assertEquals(sum(list(all.get("features")), "properties", "area_km2"), km2, 1e-6);
      }
    }
  }

  @Test
  void theTreatyReportOfACountryReconcilesWithItsSummary() throws Exception {
    // events count from the later of their date and their approval: this year's, as they were approved today
    int year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
    String report = "/api/reports/land-release?view=all&year=" + year;
    double[] end = new double[3];
    for (String c : COUNTRIES) {
      JsonNode answer = get(report, c);
      assertEquals("[\"" + c + "\"]", answer.get("countries").toString());
      JsonNode view = answer.get("views").get(0);
      for (JsonNode row : view.get("rows")) {
        assertTrue(row.get("code").asText().startsWith(c + "-"), row.toString());
      }
      JsonNode total = view.get("total");
      JsonNode start = get("/api/stats/summary?asOf=" + (year - 1) + "-12-31", c);
      JsonNode last = get("/api/stats/summary?asOf=" + year + "-12-31", c);
      assertEquals(start.get("contaminatedKm2").asDouble(), total.get("start").get("total").get("km2").asDouble(),
          1e-5, c);
      assertEquals(last.get("contaminatedKm2").asDouble(), total.get("end").get("total").get("km2").asDouble(), 1e-5,
          c);
      assertEquals(last.get("releasedKm2").asDouble() - start.get("releasedKm2").asDouble(),
          total.get("released").get("total").get("km2").asDouble(), 1e-5, c);
      assertTrue(total.get("released").get("total").get("km2").asDouble() > 0, c);
      end[0] += total.get("end").get("total").get("km2").asDouble();
      end[1] += total.get("released").get("total").get("km2").asDouble();
      end[2] += total.get("devices").get("AP_MINE").asInt();
    }
    JsonNode all = get(report, null);
    assertEquals("[\"LB\",\"UA\"]", all.get("countries").toString());
    JsonNode total = all.get("views").get(0).get("total");
    assertEquals(total.get("end").get("total").get("km2").asDouble(), end[0], 1e-5);
    assertEquals(total.get("released").get("total").get("km2").asDouble(), end[1], 1e-5);
    assertEquals(total.get("devices").get("AP_MINE").asInt(), (int) end[2]);
    String csv = server.get(report + "&format=csv").body();
    assertTrue(csv.split("\n")[0].strip().endsWith("countries"), csv);
    assertTrue(csv.contains("LB, UA"), csv);
    assertTrue(server.get(report + "&format=csv&country=LB").body().split("\n")[1].strip().endsWith("LB"));
  }

  @Test
  void theZoneFilteredListsTakeTheCountryAndAZoningCollectionRefusesIt() throws Exception {
    String cell = "[[[35.70,33.70],[35.75,33.70],[35.75,33.75],[35.70,33.75],[35.70,33.70]]]";
    assertEquals(201, ZoningFixtures.load(server, "cells", ZoningFixtures.collection(
        ZoningFixtures.feature("LB1", "A cell in LB-AA", "cropland", cell))).status());
    String zone = "zoning=cells&zone=LB1";
    assertEquals(1, get("/api/hazards?" + zone, "LB").get("features").size());
    assertEquals(0, get("/api/hazards?" + zone, "UA").get("features").size());
    // the hazard report and the survey meet the cell; the clearance in LB-BB does not
    assertEquals(2, get("/api/events?" + zone, "LB").get("events").size());
    assertEquals(0, get("/api/events?" + zone, "UA").get("events").size());
    var refused = server.get("/ogc/collections/zoning-cells/items?country=LB");
    assertEquals(400, refused.status(), refused.body());
    assertEquals("application/problem+json", refused.contentType());
    assertEquals(200, server.get("/ogc/collections/zoning-cells/items").status());
  }

  @Test
  void theGrantReportOfACountryHoldsTheGrantsLandThereOnly() throws Exception {
    // NL-HALO funded the clearance in Ukraine only
    JsonNode all = get("/api/grants/NL-HALO/report", null);
    JsonNode ua = get("/api/grants/NL-HALO/report", "UA");
    JsonNode lb = get("/api/grants/NL-HALO/report", "LB");
    assertTrue(all.get("releasedKm2").asDouble() > 0, all.toString());
    assertEquals(all.get("releasedKm2").asDouble(), ua.get("releasedKm2").asDouble(), EPS);
    assertEquals(all.get("events").size(), ua.get("events").size());
    assertEquals("UA", ua.get("country").asText());
    ua.get("byRegion").forEach(r -> assertTrue(r.get("key").asText().startsWith("UA-"), r.toString()));
    assertEquals(0, lb.get("releasedKm2").asDouble(), 0);
    assertEquals(0, lb.get("events").size());
    assertEquals(0, lb.get("byRegion").size());
    assertEquals(404, server.get("/api/grants/NL-HALO/report?country=FR").status());
    assertEquals(400, server.get("/api/grants/NL-HALO/report?country=Lebanon").status());
  }

  @Test
  void aTileOfLebanonAskedForUkraineIsEmpty() throws Exception {
    TileGrid t = TileGrid.containing(35.72, 33.72, 12);
    String path = TileApiTest.path("hazards", t);
    // the country's own tile first: a cache keyed without the country would answer the next request with it
    assertEquals(1, TileApiTest.fetch(server, path + "?country=LB").layer("hazards").getGeometries().size());
    assertEquals(204, TileApiTest.fetch(server, path + "?country=UA").status());
    assertEquals(1, TileApiTest.fetch(server, path).layer("hazards").getGeometries().size());
    String releases = TileApiTest.path("releases", t);
    assertEquals(1, TileApiTest.fetch(server, releases + "?country=LB").layer("releases").getGeometries().size());
    assertEquals(204, TileApiTest.fetch(server, releases + "?country=UA").status());
    TileGrid low = TileGrid.containing(35.75, 33.75, 5);
    String regions = TileApiTest.path("regions", low);
    assertEquals(2, TileApiTest.fetch(server, regions + "?country=LB").layer("regions").getGeometries().size());
    assertEquals(204, TileApiTest.fetch(server, regions + "?country=UA").status());
    JsonNode json = get("/tiles/hazards.json", "LB");
    assertTrue(json.get("tiles").get(0).asText().endsWith("?country=LB"), json.toString());
    assertEquals(35.5, json.get("bounds").get(0).asDouble(), 1e-9);
  }

  @Test
  void anUnknownCountryIsA404AndAMalformedCodeA400Everywhere() throws Exception {
    for (String path : List.of("/api/events", "/api/hazards", "/api/releases", "/api/regions/boundaries",
        "/api/exports?layer=releases", "/ogc/collections/hazards/items", "/ogc/collections/regions/items",
        "/api/reports/land-release?year=2024", "/tiles/hazards.json", "/tiles/hazards/12/0/0.mvt")) {
      String sep = path.contains("?") ? "&" : "?";
      var unknown = server.get(path + sep + "country=FR");
      assertEquals(404, unknown.status(), path + ": " + unknown.body());
      assertEquals("application/problem+json", unknown.contentType(), path);
      assertEquals(400, server.get(path + sep + "country=Lebanon").status(), path);
    }
  }
}
