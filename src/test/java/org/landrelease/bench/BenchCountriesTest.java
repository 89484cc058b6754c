package org.landrelease.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landrelease.http.TestServer;
import org.landrelease.service.Json;

/**
 * The bench with --countries, on a small workload over real HTTP: the nine other Natural Earth countries load through
 * the admin API the bench uses, the workload then runs as in a single-country ledger, and the figures reconcile: only
 * Ukraine has events, so the cross-country figures are Ukraine's (plus land outside every region, if any).
 */
class BenchCountriesTest {
  private static final Path REGIONS = Path.of("data/ukraine-oblasts.geojson");
  private static final Path COUNTRIES = Path.of("data/countries");
  /** Each figure is answered rounded to 1 m² (1e-6 km²), so a sum of rows may differ from its total by a few. */
  private static final double EPS_KM2 = 5e-5;
  private final ObjectMapper mapper = Json.mapper();

  @Test
  void aRunWithTenCountriesHasThemAllAndItsFiguresAreUkrainesOwn() throws Exception {
    Workload w = WorkloadGenerator.generate(200, 200, 20230101L, REGIONS, mapper);
    try (TestServer server = new TestServer()) {
      BenchHttp http = new BenchHttp(URI.create(server.base() + "/"));
      BenchHttp admin = http.as(server.adminToken), reviewer = http.as(server.reviewerToken);
      BenchLoad.Result funding = BenchLoad.funding(admin, w.funding(), mapper);
      assertEquals(funding.items(), funding.created(), funding.firstProblem());

      String boundary = BenchCountries.boundaryCountry(REGIONS, mapper);
      assertEquals("UA", boundary);
      BenchCountries.Loaded loaded = BenchCountries.load(admin, COUNTRIES, boundary, mapper);
      assertEquals(List.of("AF", "CO", "IQ", "KH", "LA", "LB", "SY", "VN", "YE"), loaded.codes());
      int ukraine = server.get("/api/countries/UA").json().path("regions").size();
      assertEquals(27, ukraine);
      assertEquals(257, loaded.regions() + ukraine, "the ten Natural Earth files hold 257 regions");
      List<String> listed = new ArrayList<>();
      server.get("/api/countries").json().forEach(c -> listed.add(c.path("code").asText()));
      assertEquals(List.of("AF", "CO", "IQ", "KH", "LA", "LB", "SY", "UA", "VN", "YE"), listed.stream().sorted()
          .toList());

      BenchLoad.Result hazards = BenchLoad.hazards(admin, reviewer, w.hazards(), 100, mapper);
      assertEquals(200, hazards.created(), hazards.firstProblem());
      BenchBatch.Result batch = BenchBatch.run(List.of(admin), List.of(reviewer), w.events(), 1, 100, mapper);
      assertEquals(200, batch.approved(), batch.firstProblem());

      JsonNode all = server.get("/api/stats/summary").json(), ua = server.get("/api/stats/summary?country=UA").json();
      assertEquals(10, all.path("countries").size(), all.toString());
      assertTrue(ua.path("releasedKm2").asDouble() > 0, ua.toString());
      Map<String, Double> byCountry = new HashMap<>();
      server.get("/api/stats/released?by=country").json()
          .forEach(r -> byCountry.merge(r.path("key").asText(), r.path("km2").asDouble(), Double::sum));
      double unassigned = byCountry.getOrDefault("unassigned", 0.0);
      assertEquals(ua.path("releasedKm2").asDouble(), byCountry.get("UA"), EPS_KM2, byCountry.toString());
      assertEquals(all.path("releasedKm2").asDouble(), ua.path("releasedKm2").asDouble() + unassigned, EPS_KM2);
      for (String other : loaded.codes()) {
        assertEquals(0, byCountry.getOrDefault(other, 0.0), 0, other + " released nothing: " + byCountry);
        JsonNode s = server.get("/api/stats/summary?country=" + other).json();
        assertEquals(0, s.path("reportedKm2").asDouble(), 0, other + ": " + s);
        assertEquals(0, s.path("events").asInt(), other + ": " + s);
      }
      // Ukraine reconciles on its own: reported − released = remaining, and its regions sum to its national figure.
      assertEquals(ua.path("reportedKm2").asDouble() - ua.path("releasedKm2").asDouble(),
          ua.path("contaminatedKm2").asDouble(), EPS_KM2, ua.toString());
      double regions = 0;
      for (JsonNode r : server.get("/api/stats/released?by=region&country=UA").json()) {
        assertTrue(r.path("key").asText().startsWith("UA-"), r.toString());
        regions += r.path("km2").asDouble();
      }
      assertEquals(ua.path("releasedKm2").asDouble(), regions, EPS_KM2);
      BenchAccounting.Check check = BenchAccounting.check(admin, mapper);
      assertEquals(0, check.residualM2(), 1, check.toString());
      assertNotEquals(0, check.releasedKm2());

      List<BenchQueries.Stats> timed = BenchQueries.run(admin, w.hazardCentres(), boundary, 5, 1);
      assertEquals(List.of("summary", "released by region", "released by partner", "released by grant",
          "released by month", "summary of UA", "released by country", "released by region of UA",
          "hazards 50 km bbox"), timed.stream().map(BenchQueries.Stats::name).toList());
    }
  }
}
