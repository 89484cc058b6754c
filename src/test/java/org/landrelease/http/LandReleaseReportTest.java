package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The treaty land-release report of 2024 on the hand-computed scenario of {@link TreatyScenario}: every number of
 * each view, the filters, the ledger state and the bad parameters, over real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LandReleaseReportTest {
  private static final double KM2 = 2e-6;
  private TestServer server;
  private TreatyScenario s;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    s = new TreatyScenario(server);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private JsonNode report(String query) throws Exception {
    TestServer.Response r = server.as(null).get("/api/reports/land-release?" + query);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private static JsonNode view(JsonNode report, String name) {
    for (JsonNode v : report.get("views")) {
      if (v.get("view").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no view " + name + " in " + report);
  }

  private static JsonNode row(JsonNode view, String code) {
    if (code.equals("total")) {
      return view.get("total");
    }
    for (JsonNode r : view.get("rows")) {
      if (r.get("code").asText().equals(code)) {
        return r;
      }
    }
    throw new AssertionError("no row " + code + " in " + view);
  }

  private static List<String> codes(JsonNode view) {
    List<String> out = new ArrayList<>();
    view.get("rows").forEach(r -> out.add(r.get("code").asText()));
    return out;
  }

  /** Areas and km² of one figure, e.g. at("start", "sha"). */
  private static void areas(JsonNode row, String group, String part, int areas, double km2) {
    JsonNode a = row.get(group).get(part);
    String where = row.get("code").asText() + " " + group + "." + part;
    assertEquals(areas, a.get("areas").asInt(), where + " areas");
    assertEquals(km2, a.get("km2").asDouble(), KM2, where + " km2");
  }

  private static void added(JsonNode row, double reported, double in, double out) {
    JsonNode a = row.get("added");
    assertEquals(reported, a.get("reportedKm2").asDouble(), KM2, "reported");
    assertEquals(in, a.get("reclassifiedInKm2").asDouble(), KM2, "reclassified in");
    assertEquals(out, a.get("reclassifiedOutKm2").asDouble(), KM2, "reclassified out");
    assertEquals(reported + in - out, a.get("km2").asDouble(), KM2, "added");
  }

  private static void devices(JsonNode row, String expected) {
    assertEquals(expected, row.get("devices").toString(), row.get("code").asText() + " devices");
  }

  @Test
  void allViewHasEveryNumberOfTheScenario() throws Exception {
    JsonNode all = view(report("year=2024&view=all"), "all");
    assertEquals(List.of("UA-14", "UA-23"), codes(all));
    JsonNode d = row(all, "UA-14");
    areas(d, "start", "sha", 2, s.west + s.h2);
    areas(d, "start", "cha", 1, s.h3Donetsk);
    areas(d, "start", "total", 3, s.west + s.h2 + s.h3Donetsk);
    added(d, 0, 0, 0);
    areas(d, "released", "cancelled", 0, -s.east);
    areas(d, "released", "reduced", 1, s.west);
    areas(d, "released", "cleared", 1, s.h2);
    areas(d, "released", "total", 2, s.west + s.h2 - s.east);
    areas(d, "end", "sha", 1, s.east);
    areas(d, "end", "cha", 1, s.h3Donetsk);
    areas(d, "end", "total", 2, s.east + s.h3Donetsk);
    devices(d, "{\"CLUSTER_MUNITION\":5,\"UXO\":1}");

    JsonNode z = row(all, "UA-23");
    areas(z, "start", "sha", 1, s.h4);
    areas(z, "start", "cha", 1, s.h3Zaporizhzhia);
    added(z, s.h5, s.h4, s.h4);
    areas(z, "released", "total", 0, 0);
    areas(z, "end", "sha", 1, s.h5);
    areas(z, "end", "cha", 2, s.h4 + s.h3Zaporizhzhia);
    devices(z, "{}");

    // H3 lies in both regions: it counts in each region's row and once in the total
    JsonNode t = row(all, "total");
    areas(t, "start", "sha", 3, s.west + s.h2 + s.h4);
    areas(t, "start", "cha", 1, s.h3());
    areas(t, "start", "total", 4, s.west + s.h2 + s.h4 + s.h3());
    added(t, s.h5, s.h4, s.h4);
    areas(t, "released", "cancelled", 0, -s.east);
    areas(t, "released", "reduced", 1, s.west);
    areas(t, "released", "cleared", 1, s.h2);
    areas(t, "released", "total", 2, s.west + s.h2 - s.east);
    areas(t, "end", "sha", 2, s.east + s.h5);
    areas(t, "end", "cha", 2, s.h3() + s.h4);
    areas(t, "end", "total", 4, s.east + s.h5 + s.h3() + s.h4);
    devices(t, "{\"CLUSTER_MUNITION\":5,\"UXO\":1}");
  }

  @Test
  void apmbcViewHoldsTheHazardsOfAntiPersonnelMinesOrIeds() throws Exception {
    JsonNode v = view(report("year=2024&view=apmbc"), "apmbc");
    assertEquals("[\"AP_MINE\",\"IED\"]", v.get("hazardTypes").toString());
    JsonNode d = row(v, "UA-14");
    areas(d, "start", "sha", 1, s.west);
    areas(d, "start", "cha", 1, s.h3Donetsk);
    areas(d, "released", "cancelled", 0, -s.east);
    areas(d, "released", "reduced", 1, s.west);
    areas(d, "released", "cleared", 0, 0);
    areas(d, "end", "sha", 1, s.east);
    areas(d, "end", "cha", 1, s.h3Donetsk);
    devices(d, "{}");
    JsonNode z = row(v, "UA-23");
    areas(z, "start", "sha", 0, 0);
    areas(z, "start", "cha", 1, s.h3Zaporizhzhia);
    added(z, s.h5, 0, 0);
    areas(z, "end", "sha", 1, s.h5);
    areas(z, "end", "cha", 1, s.h3Zaporizhzhia);
    JsonNode t = row(v, "total");
    areas(t, "start", "total", 2, s.west + s.h3());
    added(t, s.h5, 0, 0);
    areas(t, "released", "total", 1, s.west - s.east);
    areas(t, "end", "sha", 2, s.east + s.h5);
    areas(t, "end", "cha", 1, s.h3());
    devices(t, "{}");
  }

  @Test
  void ccmViewCountsConfirmedLandThatGainedClusterMunitionsAsAdded() throws Exception {
    JsonNode v = view(report("year=2024&view=ccm"), "ccm");
    JsonNode d = row(v, "UA-14");
    areas(d, "start", "sha", 1, s.h2);
    areas(d, "start", "cha", 1, s.h3Donetsk);
    areas(d, "released", "cleared", 1, s.h2);
    areas(d, "released", "total", 1, s.h2);
    areas(d, "end", "sha", 0, 0);
    areas(d, "end", "cha", 1, s.h3Donetsk);
    devices(d, "{\"CLUSTER_MUNITION\":5,\"UXO\":1}");
    // H4 (UXO) was not in the view; its confirmation as CLUSTER_MUNITION brings its land in
    JsonNode z = row(v, "UA-23");
    areas(z, "start", "total", 1, s.h3Zaporizhzhia);
    added(z, 0, s.h4, 0);
    areas(z, "end", "cha", 2, s.h3Zaporizhzhia + s.h4);
    JsonNode t = row(v, "total");
    areas(t, "start", "sha", 1, s.h2);
    areas(t, "start", "cha", 1, s.h3());
    added(t, 0, s.h4, 0);
    areas(t, "released", "total", 1, s.h2);
    areas(t, "end", "sha", 0, 0);
    areas(t, "end", "cha", 2, s.h3() + s.h4);
  }

  @Test
  void everyRowOfEveryViewBalances() throws Exception {
    for (JsonNode v : report("year=2024").get("views")) {
      List<JsonNode> rows = new ArrayList<>();
      v.get("rows").forEach(rows::add);
      rows.add(v.get("total"));
      for (JsonNode r : rows) {
        double start = r.get("start").get("total").get("km2").asDouble();
        double end = r.get("end").get("total").get("km2").asDouble();
        double added = r.get("added").get("km2").asDouble();
        double released = r.get("released").get("total").get("km2").asDouble();
        assertEquals(end, start + added - released, 0.001, v.get("view") + " " + r.get("code"));
      }
    }
  }

  @Test
  void allViewReconcilesWithTheSummaryAtBothEndsOfTheYear() throws Exception {
    for (int year = 2023; year <= 2025; year++) {
      JsonNode t = view(report("year=" + year + "&view=all"), "all").get("total");
      JsonNode start = server.get("/api/stats/summary?asOf=" + (year - 1) + "-12-31").json();
      JsonNode end = server.get("/api/stats/summary?asOf=" + year + "-12-31").json();
      assertEquals(start.get("contaminatedKm2").asDouble(), t.get("start").get("total").get("km2").asDouble(), 1e-6);
      assertEquals(end.get("contaminatedKm2").asDouble(), t.get("end").get("total").get("km2").asDouble(), 1e-6);
      for (String outcome : List.of("cancelled", "reduced", "cleared")) {
        assertEquals(end.get(outcome + "Km2").asDouble() - start.get(outcome + "Km2").asDouble(),
            t.get("released").get(outcome).get("km2").asDouble(), 1e-6, year + " " + outcome);
      }
      assertEquals(end.get("releasedKm2").asDouble() - start.get("releasedKm2").asDouble(),
          t.get("released").get("total").get("km2").asDouble(), 1e-6, year + " released");
    }
    // 2025: H3 is cancelled, across both regions, and counts as one area released
    JsonNode t2025 = view(report("year=2025&view=all"), "all").get("total");
    areas(t2025, "released", "cancelled", 1, s.h3());
    areas(t2025, "end", "cha", 1, s.h4);
  }

  @Test
  void regionAndHazardTypeFiltersNarrowTheHazards() throws Exception {
    JsonNode v = view(report("year=2024&view=all&region=UA-23"), "all");
    assertEquals(List.of("UA-23"), codes(v));
    areas(row(v, "total"), "start", "cha", 1, s.h3Zaporizhzhia);
    areas(row(v, "total"), "end", "cha", 2, s.h3Zaporizhzhia + s.h4);
    JsonNode ied = view(report("year=2024&view=all&hazardTypes=ied"), "all");
    assertEquals("[\"IED\"]", report("year=2024&view=all&hazardTypes=ied").get("hazardTypes").toString());
    areas(row(ied, "total"), "start", "total", 0, 0);
    added(row(ied, "total"), s.h5, 0, 0);
    areas(row(ied, "total"), "end", "sha", 1, s.h5);
    JsonNode two = view(report("year=2024&view=all&hazardTypes=UXO,IED"), "all");
    areas(row(two, "total"), "start", "sha", 1, s.h4);
    // H4's land moved to a CHA hazard of CLUSTER_MUNITION and UXO: still UXO, so it stays in
    added(row(two, "total"), s.h5, s.h4, s.h4);
    areas(row(two, "total"), "end", "cha", 1, s.h4);
  }

  @Test
  void theReportNamesTheLedgerStateItWasComputedFrom() throws Exception {
    JsonNode r = report("year=2024");
    assertEquals(2024, r.get("year").asInt());
    assertEquals("2023-12-31", r.get("start").asText());
    assertEquals("2024-12-31", r.get("end").asText());
    assertEquals("region", r.get("groupedBy").asText());
    assertEquals(s.lastSequence, r.get("ledger").get("lastEventSequence").asLong());
    assertTrue(r.get("ledger").get("appliedUpTo").asLong() >= 11, r.toString());
    assertEquals("user", r.get("ledger").get("dataset").asText());
    assertTrue(r.get("ledger").get("computedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), r.toString());
    assertEquals(List.of("all", "apmbc", "ccm"),
        List.of(r.get("views").get(0).get("view").asText(), r.get("views").get(1).get("view").asText(),
            r.get("views").get(2).get("view").asText()));
  }

  @Test
  void badParametersAreProblems() throws Exception {
    for (String query : List.of("", "year=24", "year=abc", "year=2024&hazardTypes=AP_MINE,FOO", "year=2024&view=x",
        "year=2024&format=doc", "year=2024&zone=1")) {
      TestServer.Response r = server.get("/api/reports/land-release?" + query);
      assertEquals(400, r.status(), query + ": " + r.body());
      assertEquals("application/problem+json", r.contentType(), query);
      assertTrue(r.json().get("detail").asText().length() > 10, r.body());
    }
    TestServer.Response unknown = server.get("/api/reports/land-release?year=2024&region=UA-99");
    assertEquals(404, unknown.status(), unknown.body());
    assertTrue(unknown.json().get("detail").asText().contains("UA-99"), unknown.body());
  }
}
