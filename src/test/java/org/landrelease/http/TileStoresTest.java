package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.landrelease.geometry.TileGrid;
import org.landrelease.store.PgCluster;
import org.locationtech.jts.geom.Geometry;

/**
 * The same ledger on H2GIS (encoded in Java) and on PostGIS (ST_AsMVT) gives the same tiles: the same features with
 * the same properties, and shapes that differ at most by the snapping to the tile grid. And an approval through one
 * instance is in the next tile another instance serves.
 */
class TileStoresTest {
  private static final String PENTAGON = "{\"type\":\"Polygon\",\"coordinates\":[[[37.50,48.20],[37.56,48.21],"
      + "[37.57,48.26],[37.52,48.28],[37.49,48.24],[37.50,48.20]]]}";
  private static final String WITH_HOLE = "{\"type\":\"Polygon\",\"coordinates\":[[[37.60,48.00],[37.66,48.00],"
      + "[37.66,48.05],[37.60,48.05],[37.60,48.00]],[[37.62,48.02],[37.64,48.02],[37.64,48.03],[37.62,48.03],"
      + "[37.62,48.02]]]}";

  private static void seed(TestServer s) throws Exception {
    s.fund();
    TileApiTest.seed(s);
    for (String g : List.of(PENTAGON, WITH_HOLE)) {
      assertEquals(201, s.apply(TestServer.event(TileApiTest.id(g), "HAZARD_REPORT", "2023-04-01",
          "HALO", null, g)).status());
    }
    assertEquals(201, s.apply(TestServer.event(TileApiTest.id("nts"), "NON_TECHNICAL_SURVEY", "2024-02-01",
        "DRC", "NL-DRC", TileApiTest.rectangle(37.52, 48.22, 37.60, 48.30))).status());
  }

  @Test
  void h2AndPostgresGiveTheSameFeatures() throws Exception {
    PgCluster.get();
    try (TestServer h2 = new TestServer(); TestServer pg = TestServer.onPostgres(Files.createTempDirectory("tiles"))) {
      seed(h2);
      seed(pg);
      List<String> paths = new ArrayList<>();
      for (int z : new int[] {8, 10, 12, 14}) {
        for (double[] p : new double[][] {{37.21, 48.01}, {37.53, 48.24}, {37.63, 48.02}, {34.01, 49.51}}) {
          TileGrid t = TileGrid.containing(p[0], p[1], z);
          paths.add(TileApiTest.path("hazards", t));
          paths.add(TileApiTest.path("releases", t));
          paths.add(TileApiTest.path("releases", t) + "?asOf=2024-03-01");
        }
      }
      for (int z : new int[] {4, 6, 9}) {
        paths.add(TileApiTest.path("regions", TileGrid.containing(37.5, 48.1, z)));
      }
      int compared = 0;
      for (String path : paths) {
        TileApiTest.Tile a = TileApiTest.fetch(h2, path);
        TileApiTest.Tile b = TileApiTest.fetch(pg, path);
        assertEquals(a.status(), b.status(), path);
        if (a.status() == 204) {
          continue;
        }
        String layer = path.split("/")[2];
        Map<String, Geometry> fa = byKey(a, layer);
        Map<String, Geometry> fb = byKey(b, layer);
        assertEquals(fa.keySet(), fb.keySet(), path);
        for (String key : fa.keySet()) {
          Map<String, Object> pa = TileApiTest.props(fa.get(key));
          Map<String, Object> pb = TileApiTest.props(fb.get(key));
          assertEquals(pa.keySet(), pb.keySet(), path + " " + key);
          for (String name : pa.keySet()) {
            Object va = pa.get(name);
            Object vb = pb.get(name);
            if (va instanceof Number na) {
              assertEquals(na.doubleValue(), ((Number) vb).doubleValue(), 1e-9, path + " " + key + " " + name);
            } else {
              assertEquals(va, vb, path + " " + key + " " + name);
            }
          }
          Geometry ga = fa.get(key);
          Geometry gb = fb.get(key);
          // an MVT polygon must be valid (specification 2.1, 4.3.4.4); PostGIS makes it so, and so must the Java path
          assertTrue(ga.isValid(), path + " " + key + " from H2 is not valid: " + ga);
          // both snap to the same grid; they may differ by a unit where a vertex rounds the other way
          double tolerance = Math.max(ga.getLength() * 1.0, 2);
          assertTrue(ga.symDifference(gb).getArea() <= tolerance, path + " " + key + ": " + ga + " vs " + gb);
          compared++;
        }
      }
      assertTrue(compared > 40, "compared " + compared + " features");
    }
  }

  private static Map<String, Geometry> byKey(TileApiTest.Tile t, String layer) throws Exception {
    Map<String, Geometry> out = new TreeMap<>();
    for (Geometry g : t.layer(layer).getGeometries()) {
      Map<String, Object> p = TileApiTest.props(g);
      String key = layer.equals("regions") ? (String) p.get("code") : String.valueOf(p.get("_fid"));
      assertTrue(out.put(key, g) == null, "two features " + key);
    }
    return out;
  }

  /** Instance a has the tile in its cache; b approves a clearance on it; a's next answer has it. */
  @Test
  void anApprovalThroughAnotherInstanceIsInTheNextTile() throws Exception {
    PgCluster.get();
    Path dir = Files.createTempDirectory("tiles-two");
    try (TestServer a = TestServer.onPostgres(dir); TestServer b = TestServer.onPostgres(dir)) {
      seed(a);
      TileGrid t = TileGrid.containing(37.54, 48.215, 12);
      String hazards = TileApiTest.path("hazards", t);
      String releases = TileApiTest.path("releases", t);
      TileApiTest.Tile h1 = TileApiTest.fetch(a, hazards);
      TileApiTest.Tile r1 = TileApiTest.fetch(a, releases);
      assertArrayEquals(h1.mvt(), TileApiTest.fetch(a, hazards).mvt(), "warm");
      assertEquals(201, b.apply(TestServer.event(UUID.randomUUID().toString(), "CLEARANCE", "2024-07-01", "HALO",
          "NL-HALO", TileApiTest.rectangle(37.53, 48.21, 37.55, 48.22))).status());
      TileApiTest.Tile h2 = TileApiTest.fetch(a, hazards, "If-None-Match", h1.header("etag"));
      assertEquals(200, h2.status());
      assertNotEquals(h1.header("etag"), h2.header("etag"));
      assertTrue(area(h2, "hazards") < area(h1, "hazards") - 1, "the cleared land left the hazard layer");
      TileApiTest.Tile r2 = TileApiTest.fetch(a, releases);
      assertTrue(r2.layer("releases").getGeometries().stream()
          .anyMatch(g -> "cleared".equals(TileApiTest.props(g).get("outcome"))), "the clearance is drawn");
      assertTrue(r2.layer("releases").getGeometries().size() > r1.layer("releases").getGeometries().size());
    }
  }

  private static double area(TileApiTest.Tile t, String layer) throws Exception {
    return t.layer(layer).getGeometries().stream().mapToDouble(Geometry::getArea).sum();
  }
}
