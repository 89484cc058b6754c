package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Role;

/**
 * Zonings over real HTTP on the test store: loading (dry run, refusals), back-fill, the figures by zone and their
 * reconciliation with the national figures for every asOf, and that no zoning changes a region, partner or grant
 * figure.
 */
class ZoningApiTest {
  private static final String[] TYPES = {"HAZARD_REPORT", "NON_TECHNICAL_SURVEY", "TECHNICAL_SURVEY", "CLEARANCE"};
  private static final String[] AS_OF = {"2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31",
      "2024-06-30", "2024-07-31", "2024-08-31", "2024-09-30", "2024-10-31", "2024-11-30", ""};

  @Test
  void aDryRunShowsTheZonesWithTheirAreasAndStoresNothing() throws Exception {
    try (TestServer server = new TestServer()) {
      String before = server.databaseContent();
      var r = ZoningFixtures.upload(server, server.adminToken, "grid",
          "codeField=code&nameField=name&classField=class&dryRun=true",
          ZoningFixtures.testGrid().getBytes(StandardCharsets.UTF_8));
      assertEquals(200, r.status(), r.body());
      assertEquals(15, r.json().get("zones").asInt());
      assertEquals(false, r.json().get("stored").asBoolean());
      assertEquals(0, r.json().get("problems").size());
      JsonNode z00 = r.json().get("zoneList").get(0);
      assertEquals("Z00", z00.get("code").asText());
      assertEquals("cropland", z00.get("zoneClass").asText());
      // a 0.05° cell at 47.7° N: 5,556 m × 3,745 m, about 20.8 km²
      assertEquals(20.8, z00.get("areaKm2").asDouble(), 0.1);
      assertEquals(before, server.databaseContent());
      assertEquals(404, server.get("/api/zonings/grid").status());
    }
  }

  @Test
  void randomSequencesReconcileByZoneForEveryAsOf() throws Exception {
    for (long seed : new long[] {7, 8}) {
      try (TestServer server = new TestServer()) {
        server.fund();
        SplittableRandom random = new SplittableRandom(seed);
        List<String> releases = new ArrayList<>();
        for (int i = 1; i <= 90; i++) {
          if (i == 40) {
            // half the ledger exists when the zoning arrives: back-filled, the rest split on write
            assertEquals(201, ZoningFixtures.load(server, "grid", ZoningFixtures.testGrid()).status());
          }
          if (i % 15 == 0 && !releases.isEmpty()) {
            String target = releases.remove(random.nextInt(releases.size()));
            record(server, "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"REVERSAL\",\"date\":\"2024-"
                + (10 + random.nextInt(2)) + "-01\",\"reverses\":\"" + target + "\",\"reason\":\"quality control\"}");
            continue;
          }
          String type = TYPES[random.nextInt(i < 10 ? 1 : TYPES.length)];
          String id = UUID.randomUUID().toString();
          record(server, TestServer.event(id, type, "2024-0" + (1 + random.nextInt(9)) + "-15",
              random.nextBoolean() ? "HALO" : "DRC", null, polygon(random)));
          if (!type.equals("HAZARD_REPORT")) {
            releases.add(id);
          }
        }
        for (String asOf : AS_OF) {
          assertReconciles(server, "grid", asOf, "seed " + seed + " asOf " + asOf);
        }
      }
    }
  }

  /**
   * Records an event of the past, approved and counted on its own date (as the demo loader does), so that asOf
   * sees the ledger's history; an event approved through the API counts from the day of its approval.
   */
  static void record(TestServer server, String body) throws Exception {
    server.app().ledger().record(org.landrelease.service.EventParsing.parse(TestServer.JSON.readTree(body),
        TestServer.JSON), org.landrelease.domain.Account.system("test"));
  }

  /** Sum over the zones plus 'outside' = the national reported, released and remaining, to 0.001 km². */
  static void assertReconciles(TestServer server, String zoning, String asOf, String when) throws Exception {
    String q = asOf.isEmpty() ? "" : "asOf=" + asOf;
    String and = q.isEmpty() ? "" : "&" + q;
    JsonNode s = server.get("/api/stats/summary?" + q).json();
    double reported = 0, released = 0, remaining = 0;
    JsonNode zones = server.get("/api/stats/zones?zoning=" + zoning + and).json();
    assertTrue(zones.isArray(), zones.toString());
    for (JsonNode z : zones) {
      reported += z.get("reportedKm2").asDouble();
      released += z.get("releasedKm2").asDouble();
      remaining += z.get("remainingKm2").asDouble();
    }
    assertEquals(s.get("reportedKm2").asDouble(), reported, 0.001, when + ": reported");
    assertEquals(s.get("releasedKm2").asDouble(), released, 0.001, when + ": released");
    assertEquals(s.get("contaminatedKm2").asDouble(), remaining, 0.001, when + ": remaining");
    double byZone = 0, cleared = 0;
    for (JsonNode row : server.get("/api/stats/released?by=zone&zoning=" + zoning + and).json()) {
      byZone += row.get("km2").asDouble();
      cleared += row.get("clearedKm2").asDouble();
    }
    assertEquals(s.get("releasedKm2").asDouble(), byZone, 0.001, when + ": released by zone");
    assertEquals(s.get("clearedKm2").asDouble(), cleared, 0.001, when + ": cleared by zone");
    double byClass = 0;
    for (JsonNode row : server.get("/api/stats/released?by=zoneClass&zoning=" + zoning + and).json()) {
      byClass += row.get("km2").asDouble();
    }
    assertEquals(s.get("releasedKm2").asDouble(), byClass, 0.001, when + ": released by class of zone");
  }

  /** A random polygon of 5-12 vertices, 1-6 km across, over the grid, its gap and beyond its east edge. */
  static String polygon(SplittableRandom random) {
    return TestServer.randomPolygon(random, 36.55, 47.72, 0.16, 0.16);
  }

  /** The same events into two ledgers: one had the zoning from the start, one back-fills it. */
  @Test
  void aBackFillEqualsAZoningLoadedFromTheStartPieceByPiece() throws Exception {
    try (TestServer fromStart = new TestServer(); TestServer later = new TestServer()) {
      assertEquals(201, ZoningFixtures.load(fromStart, "grid", ZoningFixtures.testGrid()).status());
      SplittableRandom random = new SplittableRandom(11);
      for (TestServer s : List.of(fromStart, later)) {
        s.fund();
      }
      for (int i = 1; i <= 40; i++) {
        String body = TestServer.event(UUID.randomUUID().toString(), TYPES[random.nextInt(i < 6 ? 1 : 4)],
            "2024-0" + (1 + random.nextInt(9)) + "-15", "HALO", "NL-HALO", polygon(random));
        assertEquals(201, fromStart.apply(body).status());
        assertEquals(201, later.apply(body).status());
      }
      var r = ZoningFixtures.load(later, "grid", ZoningFixtures.testGrid());
      assertEquals(201, r.status(), r.body());
      List<String> a = splits(fromStart), b = splits(later);
      assertTrue(a.size() > 40, "pieces were split: " + a.size());
      assertEquals(a.size(), r.json().get("piecesSplit").asInt() > 0 ? b.size() : -1);
      assertEquals(a, b);
      assertEquals(fromStart.get("/api/stats/zones?zoning=grid").body(), later.get("/api/stats/zones?zoning=grid").body());
    }
  }

  /** Every split row, keyed by what the piece is (event, hazard, region, kind), with its area to the mm². */
  private static List<String> splits(TestServer server) throws Exception {
    return server.app().database().read(c -> {
      List<String> out = new ArrayList<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
          SELECT e.id, p.hazard_id, p.region, p.kind, z.zone_code, z.area_m2, z.event_date, z.partner_id, z.grant_id
          FROM piece_zone z JOIN piece p ON p.id = z.piece_id JOIN event e ON e.seq = p.event_seq
          WHERE z.zoning = 'grid'""")) {
        while (rs.next()) {
          out.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
              + rs.getString(5) + " " + String.format(Locale.ROOT, "%.6f", rs.getDouble(6)) + " " + rs.getString(7)
              + " " + rs.getString(8) + " " + rs.getString(9));
        }
      }
      out.sort(null);
      return out;
    });
  }

  @Test
  void badZoningFilesGetAProblemAndStoreNothing() throws Exception {
    try (TestServer server = new TestServer()) {
      String before = server.databaseContent();
      String bowtie = ZoningFixtures.collection(ZoningFixtures.feature("B1", "Bow", "other",
          "[[[36.5,47.7],[36.6,47.8],[36.6,47.7],[36.5,47.8],[36.5,47.7]]]"));
      var r = ZoningFixtures.load(server, "bad", bowtie);
      assertEquals(422, r.status(), r.body());
      assertEquals("application/problem+json", r.contentType());
      assertTrue(r.json().get("type").asText().endsWith("invalid-geometry"), r.body());
      assertTrue(r.json().get("detail").asText().contains("B1"), r.body());
      assertEquals(36.55, r.json().get("coordinate").get(0).asDouble(), 1e-6);
      assertEquals(47.75, r.json().get("coordinate").get(1).asDouble(), 1e-6);

      String overlap = ZoningFixtures.collection(
          ZoningFixtures.feature("A", "A", "forest", "[[[36.5,47.7],[36.61,47.7],[36.61,47.8],[36.5,47.8],[36.5,47.7]]]"),
          ZoningFixtures.feature("B", "B", "forest", "[[[36.6,47.7],[36.7,47.7],[36.7,47.8],[36.6,47.8],[36.6,47.7]]]"));
      r = ZoningFixtures.load(server, "bad", overlap);
      assertEquals(422, r.status(), r.body());
      assertTrue(r.json().get("type").asText().endsWith("overlapping-zones"), r.body());
      assertTrue(r.json().get("detail").asText().contains("'A' and 'B'"), r.body());
      double lon = r.json().get("coordinate").get(0).asDouble();
      assertTrue(lon > 36.6 && lon < 36.61, r.body());

      r = ZoningFixtures.upload(server, server.adminToken, "bad", "codeField=nope",
          ZoningFixtures.testGrid().getBytes(StandardCharsets.UTF_8));
      assertEquals(422, r.status(), r.body());
      assertTrue(r.json().get("detail").asText().contains("'nope'"), r.body());

      r = ZoningFixtures.upload(server, server.adminToken, "bad", "nameField=name",
          ZoningFixtures.testGrid().getBytes(StandardCharsets.UTF_8));
      assertEquals(400, r.status(), r.body());

      r = ZoningFixtures.upload(server, server.adminToken, "bad", "codeField=code",
          "code,wkt\nA,POINT (1 2)\n".getBytes(StandardCharsets.UTF_8));
      assertEquals(422, r.status(), r.body());
      r = ZoningFixtures.upload(server, server.adminToken, "bad", "codeField=code&format=kml",
          ZoningFixtures.testGrid().getBytes(StandardCharsets.UTF_8));
      assertEquals(400, r.status(), r.body());
      r = ZoningFixtures.upload(server, server.adminToken, "bad", "codeField=code",
          new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});
      assertTrue(r.status() >= 400 && r.status() < 500, r.status() + " " + r.body());
      assertEquals("application/problem+json", r.contentType());

      String duplicate = ZoningFixtures.collection(
          ZoningFixtures.feature("A", "A", "forest", "[[[36.5,47.7],[36.6,47.7],[36.6,47.8],[36.5,47.8],[36.5,47.7]]]"),
          ZoningFixtures.feature("A", "B", "forest", "[[[36.6,47.7],[36.7,47.7],[36.7,47.8],[36.6,47.8],[36.6,47.7]]]"));
      r = ZoningFixtures.load(server, "bad", duplicate);
      assertEquals(422, r.status(), r.body());
      assertTrue(r.json().get("type").asText().endsWith("duplicate-code"), r.body());

      r = ZoningFixtures.load(server, "Bad%20Name", ZoningFixtures.testGrid());
      assertTrue(r.status() == 400 || r.status() == 404, r.status() + " " + r.body());
      assertEquals(before, server.databaseContent());
    }
  }

  @Test
  void loadingReplacingAndDeletingAZoningLeaveEveryOtherFigureUntouched() throws Exception {
    try (TestServer server = new TestServer()) {
      server.fund();
      SplittableRandom random = new SplittableRandom(3);
      for (int i = 1; i <= 30; i++) {
        server.apply(TestServer.event(UUID.randomUUID().toString(), TYPES[random.nextInt(i < 6 ? 1 : 4)],
            "2024-0" + (1 + random.nextInt(9)) + "-15", "HALO", "NL-HALO", polygon(random)));
      }
      String figures = otherFigures(server);
      String tables = tablesBesideZonings(server);
      assertEquals(201, ZoningFixtures.load(server, "grid", ZoningFixtures.testGrid()).status());
      assertEquals(figures, otherFigures(server));
      // replaced by a coarser grid: its splits replace the old ones
      var r = ZoningFixtures.load(server, "grid", ZoningFixtures.grid(36.5, 47.7, 0.1, 2, -1, -1));
      assertEquals(201, r.status(), r.body());
      assertEquals(4, server.get("/api/zonings/grid").json().get("zones").size());
      assertReconciles(server, "grid", "", "replaced");
      assertEquals(figures, otherFigures(server));
      assertEquals(204, server.delete("/api/zonings/grid").status());
      assertEquals(figures, otherFigures(server));
      assertEquals(tables, tablesBesideZonings(server));
      assertEquals(404, server.get("/api/stats/zones?zoning=grid").status());
      assertEquals(404, server.delete("/api/zonings/grid").status());
      assertEquals(0, server.get("/api/zonings").json().size());
    }
  }

  private static String otherFigures(TestServer server) throws Exception {
    return server.get("/api/stats/summary").body() + server.get("/api/regions").body()
        + server.get("/api/stats/released?by=region").body() + server.get("/api/stats/released?by=partner").body()
        + server.get("/api/stats/released?by=grant").body()
        // the grant report names the time it was computed: every other field must stay
        + server.get("/api/grants/NL-HALO/report").body().replaceAll("\"computedAt\":\"[^\"]*\"", "");
  }

  /** Every table but the zonings' own and ledger_state (whose zoning_version counts the changes). */
  private static String tablesBesideZonings(TestServer server) throws Exception {
    String all = server.databaseContent();
    StringBuilder out = new StringBuilder();
    boolean keep = true;
    for (String line : all.split("\n")) {
      if (line.startsWith("-- ")) {
        String t = line.toLowerCase(Locale.ROOT);
        keep = !(t.startsWith("-- zoning") || t.startsWith("-- piece_zone") || t.startsWith("-- ledger_state"));
      }
      if (keep) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  @Test
  void releasedByZoneFiltersByDatesPartnerAndGrant() throws Exception {
    try (TestServer server = new TestServer()) {
      server.fund();
      assertEquals(201, ZoningFixtures.load(server, "grid", ZoningFixtures.testGrid()).status());
      // one hazard across cells Z00 and Z10 (the line lon 36.55), cleared by HALO in March and DRC in June
      record(server, TestServer.event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2024-01-10", "HALO", null,
          TestServer.square(36.54, 47.71, 0.02)));
      record(server, TestServer.event(UUID.randomUUID().toString(), "CLEARANCE", "2024-03-10", "HALO", "NL-HALO",
          TestServer.square(36.54, 47.71, 0.01)));
      record(server, TestServer.event(UUID.randomUUID().toString(), "CLEARANCE", "2024-06-10", "DRC", "NL-DRC",
          TestServer.square(36.55, 47.71, 0.01)));
      JsonNode all = server.get("/api/stats/released?by=zone&zoning=grid").json();
      assertEquals(2, all.size(), all.toString());
      assertEquals("Z00", all.get(0).get("key").asText());
      assertEquals("cropland", all.get(0).get("zoneClass").asText());
      assertEquals("Z10", all.get(1).get("key").asText());
      // by class of zone: each class holds its zones' km² (here one zone each)
      JsonNode classes = server.get("/api/stats/released?by=zoneClass&zoning=grid").json();
      assertEquals(2, classes.size(), classes.toString());
      for (int i = 0; i < 2; i++) {
        JsonNode zone = all.get(i);
        JsonNode cls = null;
        for (JsonNode c : classes) {
          cls = c.get("key").asText().equals(zone.get("zoneClass").asText()) ? c : cls;
        }
        assertNotNull(cls, zone + " in " + classes);
        assertEquals(zone.get("km2").asDouble(), cls.get("km2").asDouble(), 1e-9);
        assertEquals(zone.get("clearedKm2").asDouble(), cls.get("clearedKm2").asDouble(), 1e-9);
      }
      JsonNode halo = server.get("/api/stats/released?by=zone&zoning=grid&partner=HALO").json();
      assertEquals(List.of("Z00"), keys(halo), halo + " of " + all);
      JsonNode march = server.get("/api/stats/released?by=zone&zoning=grid&asOf=2024-03-31").json();
      assertEquals(List.of("Z00"), keys(march));
      assertEquals(halo.toString(), march.toString());
      JsonNode fromApril = server.get("/api/stats/released?by=zone&zoning=grid&from=2024-04-01").json();
      assertEquals(List.of("Z10"), keys(fromApril));
      JsonNode drcGrant = server.get("/api/stats/released?by=zone&zoning=grid&grant=NL-DRC").json();
      assertEquals(fromApril.toString(), drcGrant.toString());
      assertNotEquals(0, drcGrant.get(0).get("clearedKm2").asDouble());
      // a grant's figures are not public
      assertEquals(401, server.as(null).get("/api/stats/released?by=zone&zoning=grid&grant=NL-DRC").status());
      String japan = server.token("donor-jp", Role.DONOR, null, "Japan");
      assertEquals(404, server.as(japan).get("/api/stats/released?by=zone&zoning=grid&grant=NL-DRC").status());
      assertEquals(404, server.get("/api/stats/released?by=zone&zoning=nope").status());
      assertEquals(400, server.get("/api/stats/released?by=zone").status());
      assertEquals(400, server.get("/api/stats/released?by=region&asOf=2024-01-01").status());
      assertEquals(400, server.get("/api/stats/released?by=zone&zoning=grid&zone=Z00").status());
    }
  }

  @Test
  void eventsAndHazardsFilterByZone() throws Exception {
    try (TestServer server = new TestServer()) {
      server.fund();
      assertEquals(201, ZoningFixtures.load(server, "grid", ZoningFixtures.testGrid()).status());
      String west = UUID.randomUUID().toString(), east = UUID.randomUUID().toString();
      server.apply(TestServer.event(west, "HAZARD_REPORT", "2024-01-10", "HALO", null,
          TestServer.square(36.51, 47.71, 0.01)));
      server.apply(TestServer.event(east, "HAZARD_REPORT", "2024-01-10", "HALO", null,
          TestServer.square(36.66, 47.71, 0.01)));
      JsonNode events = server.get("/api/events?zoning=grid&zone=Z00").json().get("events");
      assertEquals(1, events.size(), events.toString());
      assertEquals(west, events.get(0).get("id").asText());
      JsonNode hazards = server.get("/api/hazards?zoning=grid&zone=Z30").json().get("features");
      assertEquals(1, hazards.size(), hazards.toString());
      assertEquals(0, server.get("/api/hazards?zoning=grid&zone=Z11").json().get("features").size());
      assertEquals(2, server.get("/api/hazards").json().get("features").size());
      assertEquals(400, server.get("/api/events?zoning=grid").status());
      assertEquals(404, server.get("/api/hazards?zoning=grid&zone=Z99").status());
      assertEquals(404, server.get("/api/events?zoning=nope&zone=Z00").status());
    }
  }

  @Test
  void eachZoningIsAnOgcCollectionWithTheFiguresPerZone() throws Exception {
    try (TestServer server = new TestServer()) {
      server.fund();
      assertEquals(201, ZoningFixtures.upload(server, server.adminToken, "grid",
          "codeField=code&nameField=name&classField=class&synthetic=true&title=Test%20grid",
          ZoningFixtures.testGrid().getBytes(StandardCharsets.UTF_8)).status());
      record(server, TestServer.event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2024-01-10", "HALO", null,
          TestServer.square(36.54, 47.71, 0.02)));
      record(server, TestServer.event(UUID.randomUUID().toString(), "CLEARANCE", "2024-03-10", "HALO", "NL-HALO",
          TestServer.square(36.54, 47.71, 0.01)));
      List<String> ids = new ArrayList<>();
      server.get("/ogc/collections").json().get("collections").forEach(c -> ids.add(c.get("id").asText()));
      assertTrue(ids.contains("zoning-grid"), ids.toString());
      JsonNode c = server.get("/ogc/collections/zoning-grid").json();
      assertTrue(c.get("title").asText().contains("SYNTHETIC"), c.toString());
      JsonNode items = server.get("/ogc/collections/zoning-grid/items?limit=100").json();
      assertEquals(15, items.get("features").size());
      JsonNode z00 = server.get("/ogc/collections/zoning-grid/items/Z00").json().get("properties");
      JsonNode row = server.get("/api/stats/zones?zoning=grid").json().get(0);
      assertEquals("Z00", row.get("code").asText());
      assertEquals(row.get("releasedKm2").asDouble(), z00.get("released_km2").asDouble(), 1e-9);
      assertEquals(row.get("remainingKm2").asDouble(), z00.get("hazard_km2").asDouble(), 1e-9);
      assertTrue(z00.get("released_km2").asDouble() > 0);
      assertEquals("cropland", z00.get("zone_class").asText());
      JsonNode before = server.get("/ogc/collections/zoning-grid/items?datetime=../2024-02-01&filter="
          + java.net.URLEncoder.encode("code = 'Z00'", StandardCharsets.UTF_8)).json();
      assertEquals(1, before.get("features").size(), before.toString());
      assertEquals(0.0, before.get("features").get(0).get("properties").get("released_km2").asDouble());
      assertEquals(404, server.get("/ogc/collections/zoning-nope/items").status());
    }
  }

  private static List<String> keys(JsonNode rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.get("key").asText()));
    return out;
  }

  /** The treaty report by the zones of a zoning: the same totals as by region, and its zone rows add up to them. */
  @Test
  void theTreatyReportByZoneHasTheRegionReportsTotalsAndItsZonesAddUpToThem() throws Exception {
    try (TestServer server = new TestServer()) {
      server.fund();
      SplittableRandom random = new SplittableRandom(11);
      for (int i = 1; i <= 24; i++) {
        server.apply(TestServer.event(UUID.randomUUID().toString(), TYPES[random.nextInt(i < 6 ? 1 : 4)],
            "2024-0" + (1 + random.nextInt(9)) + "-15", "HALO", "NL-HALO", polygon(random)));
      }
      assertEquals(201, ZoningFixtures.load(server, "grid", ZoningFixtures.testGrid()).status());
      String year = "year=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear();
      JsonNode byRegion = server.get("/api/reports/land-release?view=all&" + year).json().get("views").get(0);
      JsonNode byZone = server.get("/api/reports/land-release?view=all&zoning=grid&" + year).json();
      assertEquals("zone of grid", byZone.get("groupedBy").asText());
      JsonNode view = byZone.get("views").get(0);
      String[][] figures = {{"end", "sha"}, {"end", "cha"}, {"end", "total"}, {"released", "cancelled"},
          {"released", "reduced"}, {"released", "cleared"}, {"released", "total"}};
      for (String[] f : figures) {
        double total = view.get("total").get(f[0]).get(f[1]).get("km2").asDouble();
        assertEquals(byRegion.get("total").get(f[0]).get(f[1]).get("km2").asDouble(), total, 0.001, f[0] + "." + f[1]);
        double zones = 0;
        for (JsonNode row : view.get("rows")) {
          zones += row.get(f[0]).get(f[1]).get("km2").asDouble();
        }
        assertEquals(total, zones, 0.001, f[0] + "." + f[1] + " over the zones");
      }
      assertTrue(view.get("total").get("released").get("total").get("km2").asDouble() > 1, view.toString());
      assertTrue(view.get("rows").size() > 1, view.toString());
      // one zone of it; an unknown zone or zoning is a 404
      String zone = view.get("rows").get(0).get("code").asText();
      assertEquals(200, server.get("/api/reports/land-release?zoning=grid&region=" + zone + "&" + year).status());
      assertEquals(404, server.get("/api/reports/land-release?zoning=grid&region=UA-14&" + year).status());
      assertEquals(404, server.get("/api/reports/land-release?zoning=nothing&" + year).status());
    }
  }
}
