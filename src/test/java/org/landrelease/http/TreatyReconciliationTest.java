package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Account;
import org.landrelease.service.EventParsing;

/**
 * Random histories of reports (SHA and CHA, mixed hazard types), releases of every outcome and reversals, across the
 * Donetsk/Zaporizhzhia border and three years, recorded as the demo is (each event counted on its own date): for each
 * year, the all view reconciles with the summary at both ends, and every row of every view balances.
 */
class TreatyReconciliationTest {
  private static final String[] RELEASES = {"NON_TECHNICAL_SURVEY", "TECHNICAL_SURVEY", "CLEARANCE"};
  private static final String[] TYPES = {"AP_MINE", "AT_MINE", "CLUSTER_MUNITION", "UXO", "IED", "OTHER"};

  @Test
  void randomHistoriesReconcileWithTheSummaryAndBalance() throws Exception {
    for (long seed : new long[] {7, 8}) {
      try (TestServer server = new TestServer()) {
        server.fund();
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate date = LocalDate.of(2023, 1, 2);
        List<String> releases = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
          date = date.plusDays(random.nextInt(15));
          String id = UUID.randomUUID().toString();
          String body;
          if (i > 10 && !releases.isEmpty() && random.nextInt(12) == 0) {
            body = "{\"id\":\"" + id + "\",\"type\":\"REVERSAL\",\"date\":\"" + date + "\",\"reverses\":\""
                + releases.remove(random.nextInt(releases.size())) + "\",\"reason\":\"found again\"}";
          } else if (i <= 10 || random.nextInt(3) == 0) {
            body = "{\"id\":\"" + id + "\",\"type\":\"HAZARD_REPORT\",\"date\":\"" + date + "\",\"partner\":\"HALO\","
                + "\"classification\":\"" + (random.nextInt(3) == 0 ? "CHA" : "SHA") + "\",\"hazardTypes\":[\""
                + TYPES[random.nextInt(TYPES.length)] + "\",\"" + TYPES[random.nextInt(TYPES.length)]
                + "\"],\"geometry\":" + polygon(random) + "}";
          } else {
            String type = RELEASES[random.nextInt(RELEASES.length)];
            body = TestServer.event(id, type, date.toString(), "HALO", "NL-HALO", polygon(random))
                .replace("{\"AP_MINE\":2}", "{\"" + TYPES[random.nextInt(TYPES.length)] + "\":"
                    + (1 + random.nextInt(9)) + "}");
            releases.add(id);
          }
          server.app().ledger().record(EventParsing.parse(TestServer.JSON.readTree(body), TestServer.JSON),
              Account.system("reconciliation-test"));
        }
        assertTrue(date.getYear() >= 2025, "the history reaches " + date);
        for (int year = 2023; year <= 2025; year++) {
          check(server, year, "seed " + seed + " year " + year);
        }
      }
    }
  }

  private static void check(TestServer server, int year, String where) throws Exception {
    JsonNode report = server.get("/api/reports/land-release?year=" + year).json();
    JsonNode start = server.get("/api/stats/summary?asOf=" + (year - 1) + "-12-31").json();
    JsonNode end = server.get("/api/stats/summary?asOf=" + year + "-12-31").json();
    for (JsonNode v : report.get("views")) {
      JsonNode total = v.get("total");
      String view = where + " " + v.get("view").asText();
      double startKm2 = 0, endKm2 = 0, releasedKm2 = 0;
      int startAreas = 0;
      for (JsonNode r : v.get("rows")) {
        balances(r, view + " " + r.get("code").asText());
        startKm2 += r.get("start").get("total").get("km2").asDouble();
        endKm2 += r.get("end").get("total").get("km2").asDouble();
        releasedKm2 += r.get("released").get("total").get("km2").asDouble();
        startAreas += r.get("start").get("total").get("areas").asInt();
      }
      balances(total, view + " total");
      // regions add up to the total in km²; in areas only at most (an area in two regions counts once in the total)
      assertEquals(total.get("start").get("total").get("km2").asDouble(), startKm2, 1e-5, view);
      assertEquals(total.get("end").get("total").get("km2").asDouble(), endKm2, 1e-5, view);
      assertEquals(total.get("released").get("total").get("km2").asDouble(), releasedKm2, 1e-5, view);
      assertTrue(total.get("start").get("total").get("areas").asInt() <= startAreas, view);
      if (v.get("view").asText().equals("all")) {
        assertEquals(start.get("contaminatedKm2").asDouble(), total.get("start").get("total").get("km2").asDouble(),
            1e-5, view + " start");
        assertEquals(end.get("contaminatedKm2").asDouble(), total.get("end").get("total").get("km2").asDouble(), 1e-5,
            view + " end");
        for (String outcome : List.of("cancelled", "reduced", "cleared")) {
          assertEquals(end.get(outcome + "Km2").asDouble() - start.get(outcome + "Km2").asDouble(),
              total.get("released").get(outcome).get("km2").asDouble(), 1e-5, view + " " + outcome);
        }
        assertEquals(0, total.get("added").get("reclassifiedInKm2").asDouble()
            - total.get("added").get("reclassifiedOutKm2").asDouble(), 1e-5, view + " reclassification moves land");
      }
    }
  }

  private static void balances(JsonNode r, String where) {
    double start = r.get("start").get("total").get("km2").asDouble();
    double added = r.get("added").get("km2").asDouble();
    double released = r.get("released").get("total").get("km2").asDouble();
    assertEquals(r.get("end").get("total").get("km2").asDouble(), start + added - released, 0.001, where);
    assertEquals(start, r.get("start").get("sha").get("km2").asDouble() + r.get("start").get("cha").get("km2")
        .asDouble(), 2e-6, where);
    // no view holds less than nothing (to the ledger's per-region tolerance: snapping residue goes to 'unassigned')
    for (String day : List.of("start", "end")) {
      for (String c : List.of("sha", "cha")) {
        double km2 = r.get(day).get(c).get("km2").asDouble();
        assertTrue(km2 > -0.001, where + " " + c + " at " + day + ": " + km2);
      }
    }
  }

  /** A random polygon of 5-12 vertices, 1-6 km across, around the Donetsk/Zaporizhzhia border. */
  private static String polygon(SplittableRandom random) {
    return TestServer.randomPolygon(random, 36.55, 47.76, 0.10, 0.08);
  }
}
