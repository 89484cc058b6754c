package org.landrelease.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.ogc.OgcApiTest.q;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/** OGC API – Features Parts 2 (CRS by reference) and 3 (CQL2 text filters, queryables) over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcCrsAndFilterTest {
  private static final String UTM36 = "http://www.opengis.net/def/crs/EPSG/0/32636";
  private static final String WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326";
  private TestServer server;
  private List<String> ids;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    OgcFixture.load(server);
    ids = new ArrayList<>();
    for (JsonNode f : server.get("/ogc/collections/hazards/items").json().get("features")) {
      ids.add(f.get("id").asText());
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private Set<String> matching(String filter) throws Exception {
    return matching(filter, "");
  }

  private Set<String> matching(String filter, String more) throws Exception {
    Response r = server.get("/ogc/collections/hazards/items?filter=" + q(filter) + more);
    assertEquals(200, r.status(), filter + " -> " + r.body());
    Set<String> out = new TreeSet<>();
    r.json().get("features").forEach(f -> out.add(f.get("id").asText()));
    assertEquals(out.size(), r.json().get("numberMatched").asInt());
    return out;
  }

  private Set<String> ids(int... indexes) {
    Set<String> out = new TreeSet<>();
    for (int i : indexes) {
      out.add(ids.get(i));
    }
    return out;
  }

  /** The south-west corner (30°E 50°N) of the first hazard: the position of its outer ring with the least sum. */
  private static JsonNode corner(JsonNode feature) {
    JsonNode g = feature.get("geometry");
    JsonNode rings = g.get("type").asText().equals("Polygon") ? g.get("coordinates")
        : g.get("coordinates").get(0);
    JsonNode best = null;
    for (JsonNode p : rings.get(0)) {
      if (best == null || p.get(0).asDouble() + p.get(1).asDouble() < best.get(0).asDouble() + best.get(1).asDouble()) {
        best = p;
      }
    }
    return best;
  }

  @Test
  void utmOutputPutsTheCornerWhereGdalDoes() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base()
        + "/ogc/collections/hazards/items/" + ids.get(0) + "?crs=" + q(UTM36))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("<" + UTM36 + ">", r.headers().firstValue("Content-Crs").orElse(""));
    // gdaltransform -s_srs '+proj=longlat +datum=WGS84' -t_srs EPSG:32636 <<< '30 50'
    JsonNode p = corner(TestServer.JSON.readTree(r.body()));
    assertEquals(285015.763, p.get(0).asDouble(), 0.01);
    assertEquals(5542944.019, p.get(1).asDouble(), 0.01);
  }

  @Test
  void southernUtmZoneAddsTheFalseNorthing() throws Exception {
    // zone 36 south (EPSG:32736) shares zone 36 north's meridian; north of the equator y is 10,000 km more.
    // gdaltransform -s_srs '+proj=longlat +datum=WGS84' -t_srs EPSG:32736 <<< '30 50'
    String utm36s = "http://www.opengis.net/def/crs/EPSG/0/32736";
    Response r = server.get("/ogc/collections/hazards/items/" + ids.get(0) + "?crs=" + q(utm36s));
    assertEquals(200, r.status(), r.body());
    JsonNode p = corner(r.json());
    assertEquals(285015.763, p.get(0).asDouble(), 0.01);
    assertEquals(15542944.019, p.get(1).asDouble(), 0.01);
  }

  @Test
  void utmZoneFarFromUkraineAnswersInMetres() throws Exception {
    // Jakarta's zone (48N, central meridian 105 E): 75 degrees off, far out of the zone, yet still metres
    String utm48 = "http://www.opengis.net/def/crs/EPSG/0/32648";
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base()
        + "/ogc/collections/hazards/items/" + ids.get(0) + "?crs=" + q(utm48))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("<" + utm48 + ">", r.headers().firstValue("Content-Crs").orElse(""));
    // the grid is turned so far from its meridian: find (30 E, 50 N) by its place in the ring, not by the least sum
    JsonNode crs84 = server.get("/ogc/collections/hazards/items/" + ids.get(0)).json();
    JsonNode lonLat = outerRing(crs84);
    int at = -1;
    for (int i = 0; i < lonLat.size(); i++) {
      if (lonLat.get(i).equals(corner(crs84))) {
        at = i;
      }
    }
    assertTrue(at >= 0);
    JsonNode p = outerRing(TestServer.JSON.readTree(r.body())).get(at);
    // gdaltransform -s_srs '+proj=longlat +datum=WGS84' -t_srs EPSG:32648 <<< '30 50'
    assertEquals(-4139270.725, p.get(0).asDouble(), 1.0);
    assertEquals(8632935.909, p.get(1).asDouble(), 1.0);
  }

  private static JsonNode outerRing(JsonNode feature) {
    JsonNode g = feature.get("geometry");
    return (g.get("type").asText().equals("Polygon") ? g.get("coordinates") : g.get("coordinates").get(0)).get(0);
  }

  @Test
  void bboxInASouthernUtmZoneSelectsTheSameHazard() throws Exception {
    String utm36s = "http://www.opengis.net/def/crs/EPSG/0/32736";
    JsonNode r = server.get("/ogc/collections/hazards/items?bbox=285000,15542900,285100,15543000&bbox-crs="
        + q(utm36s)).json();
    assertEquals(1, r.get("numberMatched").asInt(), r.toString());
    assertEquals(ids.get(0), r.get("features").get(0).get("id").asText());
  }

  @Test
  void collectionsListEveryUtmZone() throws Exception {
    for (String path : List.of("/ogc/collections", "/ogc/collections/hazards")) {
      Set<String> crs = new TreeSet<>();
      server.get(path).json().get("crs").forEach(c -> crs.add(c.asText()));
      assertEquals(123, crs.size(), path);
      for (String code : List.of("32601", "32660", "32701", "32718", "32748", "32760")) {
        assertTrue(crs.contains("http://www.opengis.net/def/crs/EPSG/0/" + code), path + " " + code);
      }
      assertTrue(!crs.contains("http://www.opengis.net/def/crs/EPSG/0/32661"), path);
    }
  }

  @Test
  void epsg4326OutputIsLatitudeFirst() throws Exception {
    JsonNode f = server.get("/ogc/collections/hazards/items/" + ids.get(0) + "?crs=" + q(WGS84)).json();
    JsonNode p = corner(f);
    assertEquals(50.0, p.get(0).asDouble(), 1e-9);
    assertEquals(30.0, p.get(1).asDouble(), 1e-9);
  }

  @Test
  void defaultOutputIsCrs84AndSaysSo() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base()
        + "/ogc/collections/hazards/items")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", r.headers().firstValue("Content-Crs").get());
  }

  @Test
  void bboxInUtmAndInLatLonSelectTheSameHazard() throws Exception {
    String utm = "/ogc/collections/hazards/items?bbox=285000,5542900,285100,5543000&bbox-crs=" + q(UTM36);
    JsonNode r = server.get(utm).json();
    assertEquals(1, r.get("numberMatched").asInt(), r.toString());
    assertEquals(ids.get(0), r.get("features").get(0).get("id").asText());
    JsonNode latLon = server.get("/ogc/collections/hazards/items?bbox=47.99,35.99,48.001,36.001&bbox-crs="
        + q(WGS84)).json();
    assertEquals(ids.get(4), latLon.get("features").get(0).get("id").asText());
    assertEquals(1, latLon.get("numberMatched").asInt());
  }

  @Test
  void unsupportedCrsIs400() throws Exception {
    for (String param : List.of("crs", "bbox-crs", "filter-crs")) {
      for (String code : List.of("2154", "32600", "32661", "32700", "32761")) {
        Response r = server.get("/ogc/collections/hazards/items?bbox=0,0,1,1&" + param + "="
            + q("http://www.opengis.net/def/crs/EPSG/0/" + code));
        assertEquals(400, r.status(), param + " " + code);
        assertEquals("application/problem+json", r.contentType(), r.body());
        assertTrue(r.json().get("detail").asText().contains("CRS84"), r.body());
        assertTrue(r.json().get("detail").asText().contains("32701 to 32760"), r.body());
      }
    }
  }

  @Test
  void comparisonsAndLogic() throws Exception {
    assertEquals(ids(1, 2), matching("reported_date >= DATE('2024-03-01') AND reported_date < DATE('2024-06-01')"));
    assertEquals(ids(0, 3, 4), matching("NOT (reported_date BETWEEN DATE('2024-03-01') AND DATE('2024-05-31'))"));
    assertEquals(ids(0), matching("area_km2 < 0.7"));
    assertEquals(ids(0, 4), matching("area_km2 < 0.7 OR regions = 'UA-23'"));
    assertEquals(ids(0, 2), matching("id IN (" + ids.get(0) + ", " + ids.get(2) + ")"));
    assertEquals(ids(1, 2, 3, 4), matching(ids.get(0) + " < id"));
    assertEquals(ids(0, 1, 2, 3, 4), matching("hazard_types LIKE '%AP\\_MINE%' AND classification = 'SHA'"));
    assertEquals(ids(), matching("classification <> 'SHA' OR classification IS NULL"));
    assertEquals(ids(4), matching("\"regions\" = 'UA-23' AND TRUE"));
  }

  @Test
  void spatialFilterWithWktBboxAndFilterCrs() throws Exception {
    assertEquals(ids(2), matching("S_INTERSECTS(geometry, POINT(30.205 50.005))"));
    assertEquals(ids(1, 2), matching("S_INTERSECTS(geometry, BBOX(30.105, 49.99, 30.205, 50.1))"));
    assertEquals(ids(0), matching("S_INTERSECTS(geometry, POLYGON((30 50, 30.001 50, 30.001 50.001, 30 50)))"));
    // the north-east quarter of the first hazard is cleared: a point there meets nothing
    assertEquals(ids(), matching("S_INTERSECTS(geometry, POINT(30.0075 50.0075))"));
    // (30.0025, 50.0025) in UTM 36N, from gdaltransform
    assertEquals(ids(0), matching("S_INTERSECTS(geometry, POINT(285206.04 5543214.73))", "&filter-crs=" + q(UTM36)));
  }

  @Test
  void filtersOnReleasesRegionsAndEvents() throws Exception {
    JsonNode cleared = server.get("/ogc/collections/releases/items?filter=" + q("outcome = 'CLEARED' AND "
        + "partner = 'HALO' AND area_km2 > 0.1")).json();
    assertEquals(1, cleared.get("numberMatched").asInt());
    JsonNode regions = server.get("/ogc/collections/regions/items?filter=" + q("hazard_km2 > 0 AND code LIKE 'UA-%'"))
        .json();
    Set<String> codes = new TreeSet<>();
    regions.get("features").forEach(f -> codes.add(f.get("id").asText()));
    assertEquals(Set.of("UA-23", "UA-32"), codes);
    JsonNode kyivRegion = server.get("/ogc/collections/regions/items?filter="
        + q("S_INTERSECTS(geometry, POINT(30.5 50.2))")).json();
    assertEquals("UA-32", kyivRegion.get("features").get(0).get("id").asText());
    JsonNode clearances = server.get("/ogc/collections/events/items?filter=" + q("type = 'CLEARANCE'")).json();
    assertEquals(1, clearances.get("numberMatched").asInt());
  }

  @Test
  void badFiltersAre400WithThePosition() throws Exception {
    Response unknown = server.get("/ogc/collections/hazards/items?filter=" + q("colour = 'red'"));
    assertEquals(400, unknown.status());
    assertTrue(unknown.json().get("detail").asText().contains("unknown queryable 'colour'"), unknown.body());
    Response syntax = server.get("/ogc/collections/hazards/items?filter=" + q("area_km2 > 1 AND AND"));
    assertEquals(400, syntax.status());
    assertTrue(syntax.json().get("detail").asText().contains("position 18"), syntax.body());
    for (String bad : List.of("classification = 5", "area_km2 > 'big'", "(id = 1", "id = 1)", "id ==1",
        "S_INTERSECTS(geometry, POINT(1))", "classification = 'SHA", "reported_date > DATE('soon')")) {
      Response r = server.get("/ogc/collections/hazards/items?filter=" + q(bad));
      assertEquals(400, r.status(), bad + " -> " + r.body());
      assertTrue(r.json().get("detail").asText().contains("position"), r.body());
    }
  }

  @Test
  void queryablesAreAJsonSchema() throws Exception {
    Response r = server.get("/ogc/collections/hazards/queryables");
    assertEquals(200, r.status());
    assertEquals("application/schema+json", r.contentType());
    JsonNode props = r.json().get("properties");
    assertEquals("string", props.get("classification").get("type").asText());
    assertEquals("number", props.get("area_km2").get("type").asText());
    assertEquals("date", props.get("reported_date").get("format").asText());
    assertTrue(props.has("geometry"));
    assertEquals(404, server.get("/ogc/collections/nope/queryables").status());
  }
}
