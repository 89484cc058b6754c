package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.geometry.TileGrid;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Vector tiles over real HTTP, decoded: features and properties, clipping, caching and refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TileApiTest {
  static final GeometryFactory F = new GeometryFactory();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  private TestServer server;

  /** A hazard of 0.03° in Donetsk oblast, and one far from it in Poltava oblast. */
  static final double LON = 37.2;
  static final double LAT = 48.0;
  static final double FAR_LON = 34.0;
  static final double FAR_LAT = 49.5;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    server.fund();
    seed(server);
  }

  /** An event id that is the same on every server, so that two servers' tiles can be compared. */
  static String id(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }

  /** The same small ledger on any server: two hazards and one cleared half of the first, in 2024. */
  static void seed(TestServer s) throws Exception {
    assertEquals(201, s.apply(TestServer.event(id("near"), "HAZARD_REPORT", "2023-03-01", "HALO",
        null, TestServer.square(LON, LAT, 0.03))).status());
    assertEquals(201, s.apply(TestServer.event(id("far"), "HAZARD_REPORT", "2023-03-01", "HALO",
        null, TestServer.square(FAR_LON, FAR_LAT, 0.02))).status());
    assertEquals(201, s.apply(TestServer.event(id("clearance"), "CLEARANCE", "2024-05-01", "HALO",
        "NL-HALO", rectangle(LON, LAT, LON + 0.015, LAT + 0.03))).status());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static String rectangle(double w, double s, double e, double n) {
    return String.format(java.util.Locale.ROOT,
        "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}", w, s, e, s, e, n, w, n,
        w, s);
  }

  record Tile(int status, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return v == null ? null : v.get(0);
    }

    /** The MVT bytes, gunzipped when the answer was gzip. */
    byte[] mvt() throws Exception {
      if ("gzip".equals(header("content-encoding"))) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
          return in.readAllBytes();
        }
      }
      return body;
    }

    JtsLayer layer(String name) throws Exception {
      JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(mvt()), F, new TagKeyValueMapConverter(false, "_fid"));
      JtsLayer layer = mvt.getLayer(name);
      return layer == null ? new JtsLayer(name) : layer;
    }
  }

  static Tile fetch(TestServer s, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.base() + path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Tile(r.statusCode(), r.headers().map(), r.body());
  }

  static String path(String layer, TileGrid t) {
    return "/tiles/" + layer + "/" + t.z() + "/" + t.x() + "/" + t.y() + ".mvt";
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> props(Geometry g) {
    return (Map<String, Object>) g.getUserData();
  }

  @Test
  void aTileOverAHazardHoldsItWithItsProperties() throws Exception {
    JsonNode hazards = server.get("/api/hazards?bbox=37.1,47.9,37.3,48.1").json().get("features");
    assertEquals(1, hazards.size());
    JsonNode hazard = hazards.get(0).get("properties");
    TileGrid t = TileGrid.containing(LON + 0.022, LAT + 0.015, 12);
    Tile tile = fetch(server, path("hazards", t), "Accept-Encoding", "gzip");
    assertEquals(200, tile.status());
    assertEquals("application/vnd.mapbox-vector-tile", tile.header("content-type"));
    List<Geometry> features = new ArrayList<>(tile.layer("hazards").getGeometries());
    assertEquals(1, features.size());
    Map<String, Object> p = props(features.get(0));
    assertEquals(hazard.get("id").asLong(), ((Number) p.get("_fid")).longValue());
    assertEquals(hazard.get("id").asLong(), ((Number) p.get("id")).longValue());
    assertEquals("SHA", p.get("classification"));
    assertEquals("AP_MINE", p.get("hazardTypes"));
    assertEquals(hazard.get("areaKm2").asDouble(), ((Number) p.get("areaKm2")).doubleValue(), 1e-9);
    // the east half is left: in tile units it is the lon/lat rectangle projected onto the tile
    Geometry expected = t.toTileUnits(F.toGeometry(new Envelope(LON + 0.015, LON + 0.03, LAT, LAT + 0.03)));
    Geometry got = features.get(0);
    assertEquals(expected.getArea(), got.getArea(), expected.getArea() * 0.01);
    assertTrue(expected.symDifference(got).getArea() < expected.getArea() * 0.01);
  }

  @Test
  void releasedLandCarriesOutcomePartnerGrantAndDateAndFollowsAsOf() throws Exception {
    TileGrid t = TileGrid.containing(LON + 0.007, LAT + 0.015, 12);
    List<Geometry> now = new ArrayList<>(fetch(server, path("releases", t)).layer("releases").getGeometries());
    assertEquals(1, now.size());
    Map<String, Object> p = props(now.get(0));
    assertEquals("cleared", p.get("outcome"));
    assertEquals("HALO", p.get("partner"));
    assertEquals("NL-HALO", p.get("grant"));
    assertEquals("CLEARANCE", p.get("eventType"));
    assertEquals("UA-14", p.get("region"));
    assertTrue(p.get("date").toString().compareTo("2024-05-01") >= 0, p.toString());
    Tile before = fetch(server, path("releases", t) + "?asOf=2024-04-30");
    assertEquals(204, before.status(), "nothing was released before the clearance");
    assertEquals(204, fetch(server, path("releases", t) + "?grant=NL-DRC").status());
    assertEquals(1, fetch(server, path("releases", t) + "?grant=NL-HALO&asOf=2030-01-01").layer("releases")
        .getGeometries().size());
  }

  @Test
  void aFeatureAcrossATileEdgeIsClippedAtTheBufferInBothTiles() throws Exception {
    // the far hazard, seen at zoom 16: it spans several tiles
    TileGrid west = TileGrid.containing(FAR_LON + 0.001, FAR_LAT + 0.01, 16);
    TileGrid east = new TileGrid(16, west.x() + 1, west.y());
    Geometry a = fetch(server, path("hazards", west)).layer("hazards").getGeometries().iterator().next();
    Geometry b = fetch(server, path("hazards", east)).layer("hazards").getGeometries().iterator().next();
    Envelope ea = a.getEnvelopeInternal();
    Envelope eb = b.getEnvelopeInternal();
    assertEquals(TileGrid.EXTENT + TileGrid.BUFFER, ea.getMaxX(), 0.0, "clipped at the east buffer");
    assertEquals(-TileGrid.BUFFER, eb.getMinX(), 0.0, "clipped at the west buffer");
    assertTrue(ea.getMinY() >= -TileGrid.BUFFER && ea.getMaxY() <= TileGrid.EXTENT + TileGrid.BUFFER);
    // without their buffers the two parts meet: west's x 4096 is east's x 0
    Geometry inWest = a.intersection(F.toGeometry(new Envelope(0, 4096, -64, 4160)));
    Geometry inEastShifted = b.intersection(F.toGeometry(new Envelope(0, 4096, -64, 4160)));
    assertEquals(4096, inWest.getEnvelopeInternal().getMaxX(), 0.0);
    assertEquals(0, inEastShifted.getEnvelopeInternal().getMinX(), 0.0);
  }

  @Test
  void anApprovalInvalidatesExactlyTheTilesItTouches() throws Exception {
    TestServer s = new TestServer();
    try {
      s.fund();
      seed(s);
      TileGrid near = TileGrid.containing(LON + 0.022, LAT + 0.015, 12);
      TileGrid far = TileGrid.containing(FAR_LON + 0.01, FAR_LAT + 0.01, 12);
      Tile a = fetch(s, path("hazards", near));
      Tile b = fetch(s, path("hazards", far));
      TileGrid lviv = TileGrid.containing(24.0, 49.8, 6);
      Tile r = fetch(s, path("regions", lviv));
      assertEquals(304, fetch(s, path("hazards", near), "If-None-Match", a.header("etag")).status());
      assertEquals(304, fetch(s, path("hazards", far), "If-None-Match", b.header("etag")).status());
      // a warm copy is the same tile
      assertArrayEquals(a.mvt(), fetch(s, path("hazards", near)).mvt());
      double before = a.layer("hazards").getGeometries().iterator().next().getArea();
      assertEquals(201, s.apply(TestServer.event(UUID.randomUUID().toString(), "CLEARANCE", "2024-06-01", "HALO",
          "NL-HALO", rectangle(LON + 0.015, LAT, LON + 0.0225, LAT + 0.03))).status());
      Tile a2 = fetch(s, path("hazards", near), "If-None-Match", a.header("etag"));
      assertEquals(200, a2.status(), "the approval touched this tile");
      assertNotEquals(a.header("etag"), a2.header("etag"));
      double after = a2.layer("hazards").getGeometries().iterator().next().getArea();
      assertEquals(before / 2, after, before * 0.02);
      // never stale from the cache, with or without a tag
      assertArrayEquals(a2.mvt(), fetch(s, path("hazards", near)).mvt());
      assertEquals(304, fetch(s, path("hazards", far), "If-None-Match", b.header("etag")).status(),
          "the approval did not touch this tile");
      // the regions of the west are far from Donetsk oblast: their tile is unchanged; Donetsk's figures changed
      assertEquals(304, fetch(s, path("regions", lviv), "If-None-Match", r.header("etag")).status());
      TileGrid donetsk = TileGrid.containing(LON, LAT, 6);
      Tile d = fetch(s, path("regions", donetsk));
      assertEquals(201, s.apply(TestServer.event(UUID.randomUUID().toString(), "CLEARANCE", "2024-06-02", "HALO",
          "NL-HALO", rectangle(LON + 0.0225, LAT, LON + 0.025, LAT + 0.03))).status());
      Tile d2 = fetch(s, path("regions", donetsk), "If-None-Match", d.header("etag"));
      assertEquals(200, d2.status());
      double released = regionFigure(d2, "UA-14", "releasedKm2");
      assertEquals(regionApiFigure(s, "UA-14", "releasedKm2"), released, 1e-9);
    } finally {
      s.close();
    }
  }

  static double regionFigure(Tile t, String code, String field) throws Exception {
    for (Geometry g : t.layer("regions").getGeometries()) {
      if (code.equals(props(g).get("code"))) {
        return ((Number) props(g).get(field)).doubleValue();
      }
    }
    throw new AssertionError("no region " + code + " in the tile");
  }

  static double regionApiFigure(TestServer s, String code, String field) throws Exception {
    for (JsonNode r : s.get("/api/regions").json()) {
      if (r.path("code").asText().equals(code)) {
        return r.path(field).asDouble();
      }
    }
    throw new AssertionError("no region " + code + " in /api/regions");
  }

  @Test
  void tilesOfAPastDayNeverChangeAndTodaysAreRevalidated() throws Exception {
    TileGrid t = TileGrid.containing(LON + 0.007, LAT + 0.015, 12);
    assertTrue(fetch(server, path("releases", t) + "?asOf=2024-12-31").header("cache-control").contains("immutable"));
    assertEquals("no-cache", fetch(server, path("releases", t)).header("cache-control"));
  }

  @Test
  void gzipOnlyWhenTheClientTakesIt() throws Exception {
    TileGrid t = TileGrid.containing(LON + 0.022, LAT + 0.015, 12);
    Tile gz = fetch(server, path("hazards", t), "Accept-Encoding", "gzip");
    Tile plain = fetch(server, path("hazards", t));
    assertEquals("gzip", gz.header("content-encoding"));
    assertEquals(0x1f, gz.body()[0] & 0xff);
    assertEquals(null, plain.header("content-encoding"));
    assertArrayEquals(plain.body(), gz.mvt());
  }

  @Test
  void belowItsMinimumZoomADetailLayerIsEmpty() throws Exception {
    assertEquals(204, fetch(server, path("hazards", TileGrid.containing(LON, LAT, 7))).status());
    assertEquals(200, fetch(server, path("hazards", TileGrid.containing(LON, LAT, 8))).status());
    assertEquals(200, fetch(server, path("regions", TileGrid.containing(LON, LAT, 3))).status());
  }

  @Test
  void badTileRequestsAreProblemsThatSayWhy() throws Exception {
    Map<String, Integer> cases = new TreeMap<>(Map.of(
        "/tiles/hazards/25/0/0.mvt", 400,
        "/tiles/hazards/3/8/0.mvt", 400,
        "/tiles/hazards/3/a/0.mvt", 400,
        "/tiles/hazards/3/0/x.mvt", 400,
        "/tiles/mines/3/0/0.mvt", 404,
        "/tiles/hazards/3/0/0.png", 404,
        "/tiles/hazards/8/153/86.mvt?asOf=2024-01-01", 400,
        "/tiles/releases/8/153/86.mvt?asOf=yesterday", 400,
        "/tiles/releases/8/153/86.mvt?grant=NOPE", 404,
        "/tiles/hazards/8/153/86.mvt?classification=XYZ", 400));
    cases.put("/tiles/nothing.json", 404);
    cases.put("/tiles/hazards/8/153/86.mvt?bbox=1,2,3,4", 400);
    for (Map.Entry<String, Integer> c : cases.entrySet()) {
      TestServer.Response r = server.get(c.getKey());
      assertEquals(c.getValue(), r.status(), c.getKey() + " " + r.body());
      assertEquals("application/problem+json", r.contentType(), c.getKey());
      assertTrue(r.json().path("detail").asText().length() > 10, c.getKey() + " " + r.body());
    }
  }

  @Test
  void tileJsonDescribesEachLayerAndCarriesTheFilters() throws Exception {
    JsonNode doc = server.get("/tiles/releases.json?grant=NL-HALO").json();
    assertEquals("3.0.0", doc.get("tilejson").asText());
    assertEquals(server.base() + "/tiles/releases/{z}/{x}/{y}.mvt?grant=NL-HALO", doc.get("tiles").get(0).asText());
    assertEquals(8, doc.get("minzoom").asInt());
    JsonNode bounds = doc.get("bounds");
    assertTrue(bounds.get(0).asDouble() > 22 && bounds.get(2).asDouble() < 41, bounds.toString());
    JsonNode layer = doc.get("vector_layers").get(0);
    assertEquals("releases", layer.get("id").asText());
    assertEquals("String", layer.get("fields").get("outcome").asText());
    assertEquals(0, server.get("/tiles/regions.json").json().get("minzoom").asInt());
  }

  /** GDAL's MVT driver reads a downloaded tile, georeferenced by its z/x/y. */
  @Test
  void ogrinfoReadsADownloadedTile() throws Exception {
    org.landrelease.ogc.Gdal.require();
    TileGrid t = TileGrid.containing(LON + 0.022, LAT + 0.015, 12);
    Path file = Path.of("target", "tiles-test", "hazards-" + t.z() + "-" + t.x() + "-" + t.y() + ".mvt");
    Files.createDirectories(file.getParent());
    Files.write(file, fetch(server, path("hazards", t)).body());
    String out = org.landrelease.ogc.Gdal.run("/usr/bin/ogrinfo", "-ro", "-al", "-oo", "Z=" + t.z(),
        "-oo", "X=" + t.x(), "-oo", "Y=" + t.y(), file.toString());
    assertTrue(out.contains("Layer name: hazards"), out);
    assertTrue(out.contains("Feature Count: 1"), out);
    assertTrue(out.contains("classification (String) = SHA"), out);
    assertTrue(out.contains("MULTIPOLYGON") || out.contains("POLYGON"), out);
  }
}
