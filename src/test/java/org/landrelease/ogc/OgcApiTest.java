package org.landrelease.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.http.TestServer;
import org.landrelease.http.TestServer.Response;

/** OGC API – Features Part 1 over real HTTP: landing page, conformance, collections, items, paging, bbox, datetime. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcApiTest {
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    OgcFixture.load(server);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private JsonNode ok(String path) throws Exception {
    Response r = server.get(path);
    assertEquals(200, r.status(), path + " -> " + r.body());
    return r.json();
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Ids of the hazards a query returns, in one page of up to 100. */
  Set<String> hazardIds(String query) throws Exception {
    Set<String> ids = new TreeSet<>();
    for (JsonNode f : ok("/ogc/collections/hazards/items?" + query).get("features")) {
      ids.add(f.get("id").asText());
    }
    return ids;
  }

  /** Hazard ids in the order of the fixture's reports (ids are given in order). */
  List<String> fixtureIds() throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode f : ok("/ogc/collections/hazards/items").get("features")) {
      ids.add(f.get("id").asText());
    }
    assertEquals(5, ids.size());
    return ids;
  }

  @Test
  void landingPageLinksToTheApiDefinitionConformanceAndCollections() throws Exception {
    Response r = server.get("/ogc");
    assertEquals("application/json", r.contentType());
    Set<String> rels = new TreeSet<>();
    for (JsonNode l : r.json().get("links")) {
      rels.add(l.get("rel").asText());
      assertTrue(l.get("href").asText().startsWith(server.base()), l.toString());
    }
    assertEquals(Set.of("self", "service-desc", "conformance", "data"), rels);
    assertEquals(200, server.get("/openapi.json").status());
  }

  @Test
  void conformanceListsWhatIsImplementedAndNothingElse() throws Exception {
    List<String> classes = new ArrayList<>();
    ok("/ogc/conformance").get("conformsTo").forEach(c -> classes.add(c.asText()));
    assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"));
    assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"));
    assertTrue(classes.contains("http://www.opengis.net/spec/cql2/1.0/conf/cql2-text"));
    assertFalse(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html"));
    assertFalse(classes.contains("http://www.opengis.net/spec/cql2/1.0/conf/cql2-json"));
  }

  @Test
  void collectionsHaveExtentsCrsAndItemType() throws Exception {
    JsonNode all = ok("/ogc/collections");
    List<String> ids = new ArrayList<>();
    for (JsonNode c : all.get("collections")) {
      ids.add(c.get("id").asText());
      assertEquals("feature", c.get("itemType").asText());
      assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", c.get("storageCrs").asText());
      assertTrue(c.get("crs").toString().contains("http://www.opengis.net/def/crs/EPSG/0/32636"));
    }
    assertEquals(List.of("hazards", "releases", "regions", "events"), ids);
    JsonNode hazards = ok("/ogc/collections/hazards");
    JsonNode bbox = hazards.get("extent").get("spatial").get("bbox").get(0);
    assertEquals(30.00, bbox.get(0).asDouble(), 1e-9);
    assertEquals(36.01, bbox.get(2).asDouble(), 1e-9);
    JsonNode interval = hazards.get("extent").get("temporal").get("interval").get(0);
    assertEquals("2024-01-10T00:00:00Z", interval.get(0).asText());
    assertEquals("2024-06-15T23:59:59Z", interval.get(1).asText());
  }

  @Test
  void pagingThroughNextLinksReturnsEveryFeatureOnce() throws Exception {
    List<String> seen = new ArrayList<>();
    String url = server.base() + "/ogc/collections/hazards/items?limit=2";
    List<Integer> sizes = new ArrayList<>();
    while (url != null) {
      Response r = server.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
      assertEquals(200, r.status(), r.body());
      assertEquals("application/geo+json", r.contentType());
      assertEquals(5, r.json().get("numberMatched").asInt());
      assertTrue(r.json().has("timeStamp"));
      sizes.add(r.json().get("numberReturned").asInt());
      r.json().get("features").forEach(f -> seen.add(f.get("id").asText()));
      url = null;
      for (JsonNode l : r.json().get("links")) {
        if (l.get("rel").asText().equals("next")) {
          url = l.get("href").asText();
        }
      }
    }
    assertEquals(List.of(2, 2, 1), sizes);
    assertEquals(fixtureIds(), seen);
  }

  @Test
  void bboxSelectsTheHazardsItMeets() throws Exception {
    List<String> ids = fixtureIds();
    assertEquals(Set.of(ids.get(0)), hazardIds("bbox=29.99,49.99,30.005,50.005"));
    assertEquals(Set.of(ids.get(4)), hazardIds("bbox=35,47,37,49"));
    assertEquals(Set.of(), hazardIds("bbox=24,49,25,50"));
    assertEquals(400, server.get("/ogc/collections/hazards/items?bbox=1,2,3").status());
  }

  @Test
  void datetimeInstantsAndIntervalsSelectByReportDate() throws Exception {
    List<String> ids = fixtureIds();
    assertEquals(Set.of(ids.get(1)), hazardIds("datetime=2024-03-10"));
    assertEquals(Set.of(ids.get(1), ids.get(2)), hazardIds("datetime=2024-03-01/2024-05-31"));
    assertEquals(Set.of(ids.get(0)), hazardIds("datetime=../2024-02-01"));
    assertEquals(Set.of(ids.get(3), ids.get(4)), hazardIds("datetime=2024-06-01T00:00:00Z/.."));
    // what GDAL 3.6 sends for "-where reported_date >= '2024-06-01'"
    assertEquals(Set.of(ids.get(3), ids.get(4)), hazardIds("datetime=2024-06-01T/.."));
    assertEquals(400, server.get("/ogc/collections/hazards/items?datetime=yesterday").status());
    assertEquals(400, server.get("/ogc/collections/hazards/items?datetime=2024-06-01/2024-01-01").status());
    // a release is dated by its counted date: the later of its own date and its approval (today, here)
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    JsonNode releases = ok("/ogc/collections/releases/items?datetime=" + today);
    assertEquals(1, releases.get("numberMatched").asInt());
    JsonNode piece = releases.get("features").get(0).get("properties");
    assertEquals("CLEARED", piece.get("outcome").asText());
    assertEquals(today, piece.get("date").asText());
    assertEquals(0, ok("/ogc/collections/releases/items?datetime=2024-07-01").get("numberMatched").asInt());
  }

  @Test
  void oneFeatureAndUnknownOnesAre404ProblemJson() throws Exception {
    String id = fixtureIds().get(0);
    JsonNode f = ok("/ogc/collections/hazards/items/" + id);
    assertEquals("Feature", f.get("type").asText());
    assertEquals("SHA", f.get("properties").get("classification").asText());
    Response missing = server.get("/ogc/collections/hazards/items/999999");
    assertEquals(404, missing.status());
    assertEquals("application/problem+json", missing.contentType());
    assertEquals(404, server.get("/ogc/collections/hazards/items/not-a-number").status());
    Response noCollection = server.get("/ogc/collections/minefields/items");
    assertEquals(404, noCollection.status());
    assertEquals("application/problem+json", noCollection.contentType());
    assertEquals(404, server.get("/ogc/collections/minefields").status());
    assertEquals(404, server.get("/ogc/nothing-here").status());
  }

  @Test
  void unknownParametersAndBadValuesAre400ProblemJson() throws Exception {
    for (String path : List.of("/ogc?foo=1", "/ogc/conformance?x=1", "/ogc/collections?limit=3",
        "/ogc/collections/hazards/items?sortby=id", "/ogc/collections/hazards/items?limit=0",
        "/ogc/collections/hazards/items?limit=ten", "/ogc/collections/hazards/items?f=html",
        "/ogc/collections/hazards/items?filter-lang=cql2-json&filter=" + q("{}"),
        "/ogc/collections/hazards/items/1?bbox=1,2,3,4")) {
      Response r = server.get(path);
      assertEquals(400, r.status(), path);
      assertEquals("application/problem+json", r.contentType(), path);
      assertFalse(r.body().contains("Exception"), r.body());
    }
    // above the maximum, the maximum applies
    assertEquals(5, ok("/ogc/collections/hazards/items?limit=50000").get("numberReturned").asInt());
    assertEquals(5, ok("/ogc/collections/hazards/items?f=json").get("numberReturned").asInt());
  }

  @Test
  void regionsCarryTheLedgerFiguresAndEventsOnlyApprovedOnes() throws Exception {
    JsonNode regions = ok("/ogc/collections/regions/items?limit=100");
    assertEquals(27, regions.get("numberMatched").asInt());
    JsonNode kyiv = ok("/ogc/collections/regions/items/UA-32").get("properties");
    JsonNode figures = null;
    for (JsonNode r : server.get("/api/regions").json()) {
      if (r.get("code").asText().equals("UA-32")) {
        figures = r;
      }
    }
    assertEquals(figures.get("contaminatedKm2").asDouble(), kyiv.get("hazard_km2").asDouble(), 1e-9);
    assertEquals(figures.get("clearedKm2").asDouble(), kyiv.get("cleared_km2").asDouble(), 1e-9);
    assertTrue(kyiv.get("cleared_km2").asDouble() > 0.1);
    JsonNode events = ok("/ogc/collections/events/items");
    assertEquals(6, events.get("numberMatched").asInt());
    assertEquals(36, events.get("features").get(0).get("id").asText().length());
  }
}
