package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.demo.DemoLoader;
import org.landrelease.demo.FeatureEvents;
import org.landrelease.domain.Role;
import org.landrelease.http.TestServer.Response;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * IATI files of grants over real HTTP: valid against the official 2.03 schema, with actual values equal to the grant
 * report's, on a small hand-made scenario: releases of grant NL-HALO in two regions and two quarters of 2024, and a
 * reversal in the second quarter of one of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IatiApiTest {
  private static final String HALO_ORG = "GB-CHC-1001813";
  private static final String ACTIVITY = HALO_ORG + "-NL-HALO";
  private static final String DONOR_ACTIVITY = "NL-1-PPR-12345";
  /** Each figure is rounded to the square metre, and a sum of rounded months may differ by one more. */
  private static final double KM2 = 2.1e-6;
  private TestServer server;
  /** km² of each release as its approval answered it. */
  private double cancelledQ1;
  private double reducedQ1;
  private double clearedQ2A;
  private double clearedQ2B;

  @BeforeAll
  void start() throws Exception {
    // a history: each event counts on its own date, as the demo's do (an approval today would count today)
    Path history = Files.createTempDirectory("iati-history");
    Files.writeString(history.resolve(DemoLoader.FUNDING_FILE), """
        {"dataset": "IATI test", "events": 7,
         "partners": [{"id": "HALO", "name": "The HALO Trust"}, {"id": "DRC", "name": "Danish Refugee Council"}],
         "grants": [{"id": "NL-HALO", "donor": "Netherlands", "partner": "HALO", "title": "Land release",
                     "amount": 1000000, "currency": "EUR", "start": "2023-01-01", "end": "2030-12-31"},
                    {"id": "NL-DRC", "donor": "Netherlands", "partner": "DRC", "title": "Survey",
                     "amount": 500000, "currency": "EUR", "start": "2024-01-01", "end": "2024-12-31"}]}
        """);
    // two hazards in two oblasts (Donetsk, Kharkiv), then releases of NL-HALO in both, in two quarters of 2024
    String cancelled = id();
    String reduced = id();
    String clearedB = id();
    String clearedA = id();
    List<String> events = List.of(
        event(id(), "HAZARD_REPORT", "2023-06-01", "HALO", null, square(37.0, 48.0, 0.05)),
        event(id(), "HAZARD_REPORT", "2023-06-01", "HALO", null, square(36.3, 49.9, 0.05)),
        event(id(), "NON_TECHNICAL_SURVEY", "2023-08-01", "HALO", "NL-HALO", square(37.03, 48.03, 0.005)),
        event(cancelled, "NON_TECHNICAL_SURVEY", "2024-02-10", "HALO", "NL-HALO", square(37.0, 48.0, 0.01)),
        event(reduced, "TECHNICAL_SURVEY", "2024-03-05", "HALO", "NL-HALO", square(36.3, 49.9, 0.01)),
        event(clearedB, "CLEARANCE", "2024-05-10", "HALO", "NL-HALO", square(36.32, 49.92, 0.01)),
        event(clearedA, "CLEARANCE", "2024-05-20", "HALO", "NL-HALO", square(37.02, 48.02, 0.005)));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(history.resolve(DemoLoader.EVENTS_FILE)))) {
      for (String body : events) {
        ObjectNode feature = FeatureEvents.toFeature(TestServer.JSON.readTree(body), TestServer.JSON);
        out.write((TestServer.JSON.writeValueAsString(feature) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    server = TestServer.withHistory(history);
    ok(server.put("/api/partners/HALO/iati", "{\"iatiOrgId\":\"" + HALO_ORG + "\",\"iatiOrgType\":\"21\"}"));
    ok(server.put("/api/grants/NL-HALO/reporting", "{\"iatiIdentifier\":\"" + ACTIVITY + "\",\"donorOrgId\":\"NL-1\","
        + "\"donorActivityId\":\"" + DONOR_ACTIVITY + "\",\"targets\":[{\"quarter\":\"2024-Q1\",\"outcome\":"
        + "\"released\",\"km2\":1.5},{\"quarter\":\"2024-Q2\",\"outcome\":\"cleared\",\"km2\":0.25}]}"));
    cancelledQ1 = released(cancelled);
    reducedQ1 = released(reduced);
    clearedQ2B = released(clearedB);
    clearedQ2A = released(clearedA);
    // a correction approved today: the ledger counts it today, in the quarter of today
    Response reversal = server.apply("{\"id\":\"" + id() + "\",\"type\":\"REVERSAL\",\"date\":\"2024-06-01\","
        + "\"partner\":\"HALO\",\"reverses\":\"" + clearedB + "\",\"reason\":\"not cleared to depth\"}");
    assertEquals(201, reversal.status(), reversal.body());
  }

  private double released(String eventId) throws Exception {
    Response r = server.get("/api/events/" + eventId);
    assertEquals(200, r.status(), r.body());
    double km2 = r.json().get("releasedKm2").asDouble();
    assertTrue(km2 > 0, r.body());
    return km2;
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private static void ok(Response r) {
    assertEquals(200, r.status(), r.body());
  }

  private Document xml(TestServer as, String path) throws Exception {
    Response r = as.get(path);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/xml"), r.contentType());
    IatiSchema.validate(r.body());
    return IatiSchema.parse(r.body());
  }

  /** The actual value of an indicator in the period starting on a day. */
  private static double actual(Document doc, String code, String periodStart) throws Exception {
    String v = IatiSchema.text(doc, "//indicator[reference/@code='" + code + "']/period[period-start/@iso-date='"
        + periodStart + "']/actual/@value");
    assertTrue(!v.isEmpty(), code + " has no period starting " + periodStart);
    return Double.parseDouble(v);
  }

  @Test
  void theGrantsActivityIsValidIati203WithTheDonorLinkedUp() throws Exception {
    Document doc = xml(server, "/api/grants/NL-HALO/iati?from=2024-01-01&to=2024-06-30");
    Element activity = (Element) IatiSchema.nodes(doc, "/iati-activities/iati-activity").item(0);
    assertEquals("1", activity.getAttribute("humanitarian"));
    assertEquals("EUR", activity.getAttribute("default-currency"));
    assertEquals(ACTIVITY, IatiSchema.text(doc, "//iati-identifier"));
    assertEquals(HALO_ORG, IatiSchema.text(doc, "//reporting-org/@ref"));
    assertEquals("21", IatiSchema.text(doc, "//reporting-org/@type"));
    assertEquals(DONOR_ACTIVITY, IatiSchema.text(doc, "//participating-org[@role='1']/@activity-id"));
    assertEquals("NL-1", IatiSchema.text(doc, "//participating-org[@role='1']/@ref"));
    assertEquals(HALO_ORG, IatiSchema.text(doc, "//participating-org[@role='4']/@ref"));
    assertEquals(DONOR_ACTIVITY, IatiSchema.text(doc, "//transaction/provider-org/@provider-activity-id"));
    assertEquals(1_000_000, Double.parseDouble(IatiSchema.text(doc, "//transaction/value")));
    assertEquals("15250", IatiSchema.text(doc, "//sector[@vocabulary='1']/@code"));
    assertEquals("UA", IatiSchema.text(doc, "//recipient-country/@code"));
    assertEquals("2023-01-01", IatiSchema.text(doc, "//activity-date[@type='1']/@iso-date"));
    assertEquals("2030-12-31", IatiSchema.text(doc, "//activity-date[@type='3']/@iso-date"));
    assertEquals("NL-HALO", IatiSchema.text(doc, "//other-identifier[@type='A1']/@ref"));
    assertEquals(2, IatiSchema.nodes(doc, "//period[../reference/@code='LR-RELEASED-KM2']").getLength());
    String uri = IatiSchema.text(doc, "//indicator/reference[@code='LR-CLEARED-KM2']/@indicator-uri");
    assertEquals(server.base() + "/api/iati/indicators#LR-CLEARED-KM2", uri);
    assertEquals("99", IatiSchema.text(doc, "//indicator/reference[@code='LR-CLEARED-KM2']/@vocabulary"));
  }

  @Test
  void theFileNamesTheLedgerStateItWasComputedFrom() throws Exception {
    Response r = server.get("/api/grants/NL-HALO/iati");
    // seven events of the history and the reversal, each approved once
    long applied = server.get("/api/events?limit=1000").json().get("events").size();
    assertEquals(8, applied);
    assertTrue(r.body().contains("from its state after approval " + applied + " (event sequence "), r.body());
    Document doc = IatiSchema.parse(r.body());
    String updated = ((Element) IatiSchema.nodes(doc, "//iati-activity").item(0))
        .getAttribute("last-updated-datetime");
    assertTrue(r.body().contains("approved " + updated), updated);
  }

  @Test
  void actualValuesAreTheGrantReportsFiguresPerQuarter() throws Exception {
    Document doc = xml(server, "/api/grants/NL-HALO/iati");
    // quarters start in the month the ledger counts each release in (the later of its date and its approval)
    JsonNode report = server.get("/api/grants/NL-HALO/report").json();
    // per quarter: the report's months added up, and /api/stats/released for the grant and that quarter
    Map<String, double[]> quarters = new HashMap<>();
    for (JsonNode m : report.get("byMonth")) {
      LocalDate first = LocalDate.parse(m.get("key").asText() + "-01");
      String start = first.withMonth((first.getMonthValue() - 1) / 3 * 3 + 1).toString();
      double[] q = quarters.computeIfAbsent(start, k -> new double[4]);
      q[0] += m.get("km2").asDouble();
      q[1] += m.get("cancelledKm2").asDouble();
      q[2] += m.get("reducedKm2").asDouble();
      q[3] += m.get("clearedKm2").asDouble();
    }
    assertTrue(quarters.keySet().containsAll(java.util.Set.of("2023-07-01", "2024-01-01", "2024-04-01")),
        quarters.toString());
    assertEquals(4, quarters.size(), quarters.toString());
    double total = 0;
    for (var q : quarters.entrySet()) {
      LocalDate start = LocalDate.parse(q.getKey());
      assertEquals(q.getValue()[0], actual(doc, "LR-RELEASED-KM2", q.getKey()), KM2, q.getKey());
      assertEquals(q.getValue()[1], actual(doc, "LR-CANCELLED-KM2", q.getKey()), KM2, q.getKey());
      assertEquals(q.getValue()[2], actual(doc, "LR-REDUCED-KM2", q.getKey()), KM2, q.getKey());
      assertEquals(q.getValue()[3], actual(doc, "LR-CLEARED-KM2", q.getKey()), KM2, q.getKey());
      JsonNode stats = server.get("/api/stats/released?by=grant&from=" + start + "&to="
          + start.plusMonths(3).minusDays(1)).json();
      for (JsonNode row : stats) {
        if (row.get("key").asText().equals("NL-HALO")) {
          assertEquals(row.get("km2").asDouble(), actual(doc, "LR-RELEASED-KM2", q.getKey()), KM2);
        }
      }
      total += actual(doc, "LR-RELEASED-KM2", q.getKey());
    }
    assertEquals(report.get("releasedKm2").asDouble(), total, 1e-5);
    // the quarters without releases are there with 0 (32 quarters of 2023-2030)
    assertEquals(32, IatiSchema.nodes(doc, "//indicator[reference/@code='LR-RELEASED-KM2']/period").getLength());
    assertEquals(0, actual(doc, "LR-RELEASED-KM2", "2025-01-01"));
  }

  @Test
  void theHandMadeScenarioGivesTheHandComputedQuarters() throws Exception {
    Document doc = xml(server, "/api/grants/NL-HALO/iati?from=2024-01-01&to=2024-06-30");
    assertEquals(cancelledQ1 + reducedQ1, actual(doc, "LR-RELEASED-KM2", "2024-01-01"), KM2);
    assertEquals(cancelledQ1, actual(doc, "LR-CANCELLED-KM2", "2024-01-01"), KM2);
    assertEquals(reducedQ1, actual(doc, "LR-REDUCED-KM2", "2024-01-01"), KM2);
    assertEquals(clearedQ2A + clearedQ2B, actual(doc, "LR-RELEASED-KM2", "2024-04-01"), KM2);
    assertEquals(clearedQ2A + clearedQ2B, actual(doc, "LR-CLEARED-KM2", "2024-04-01"), KM2);
    // the clearance of 10 May, reversed by an approval of today, comes off in the quarter of today
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    String quarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).toString();
    Document now = xml(server, "/api/grants/NL-HALO/iati?from=" + quarter);
    assertEquals(-clearedQ2B, actual(now, "LR-CLEARED-KM2", quarter), KM2);
    assertEquals(-clearedQ2B, actual(now, "LR-RELEASED-KM2", quarter), KM2);
    assertEquals(0, actual(now, "LR-CANCELLED-KM2", quarter));
    // targets where set, on whole quarters
    assertEquals("1.5", IatiSchema.text(doc,
        "//indicator[reference/@code='LR-RELEASED-KM2']/period[period-start/@iso-date='2024-01-01']/target/@value"));
    assertEquals("0.25", IatiSchema.text(doc,
        "//indicator[reference/@code='LR-CLEARED-KM2']/period[period-start/@iso-date='2024-04-01']/target/@value"));
    assertEquals(0, IatiSchema.nodes(doc, "//indicator[reference/@code='LR-CANCELLED-KM2']//target").getLength());
  }

  @Test
  void aPeriodCutInsideAQuarterCarriesNoTarget() throws Exception {
    Document doc = xml(server, "/api/grants/NL-HALO/iati?from=2024-02-01&to=2024-03-31");
    assertEquals("2024-02-01", IatiSchema.text(doc, "//indicator[reference/@code='LR-RELEASED-KM2']/period/"
        + "period-start/@iso-date"));
    assertEquals(0, IatiSchema.nodes(doc, "//target").getLength());
    assertEquals(cancelledQ1 + reducedQ1, actual(doc, "LR-RELEASED-KM2", "2024-02-01"), KM2);
  }

  @Test
  void oneLocationPerRegionWithReleasedLandWithAPointOnIt() throws Exception {
    Document doc = xml(server, "/api/grants/NL-HALO/iati?from=2024-01-01&to=2024-06-30");
    JsonNode report = server.get("/api/grants/NL-HALO/report").json();
    NodeList locations = IatiSchema.nodes(doc, "//iati-activity/location");
    assertEquals(2, locations.getLength());
    for (int i = 0; i < locations.getLength(); i++) {
      Element location = (Element) locations.item(i);
      String region = location.getAttribute("ref");
      assertTrue(report.get("byRegion").toString().contains("\"" + region + "\""), region);
      String[] pos = IatiSchema.text(doc, "//location[@ref='" + region + "']/point/pos").split(" ");
      double lat = Double.parseDouble(pos[0]);
      double lon = Double.parseDouble(pos[1]);
      // on the releases of the scenario: near (37.0, 48.0) or (36.3, 49.9), latitude first
      assertTrue(lon > 37.0 && lon < 37.03 && lat > 48.0 && lat < 48.03
          || lon > 36.3 && lon < 36.33 && lat > 49.9 && lat < 49.93, lat + " " + lon);
      assertEquals("http://www.opengis.net/def/crs/EPSG/0/4326",
          IatiSchema.text(doc, "//location[@ref='" + region + "']/point/@srsName"));
    }
  }

  @Test
  void theDonorFileHoldsItsPublishableGrants() throws Exception {
    Response r = server.get("/api/iati?donor=Netherlands&from=2024-01-01&to=2024-12-31");
    assertEquals(200, r.status(), r.body());
    IatiSchema.validate(r.body());
    Document doc = IatiSchema.parse(r.body());
    // NL-DRC's partner has no IATI organisation identifier: left out, and said so
    assertEquals(1, IatiSchema.nodes(doc, "//iati-activity").getLength());
    assertEquals(ACTIVITY, IatiSchema.text(doc, "//iati-identifier"));
    assertTrue(r.body().contains("Left out, as their partner has no IATI organisation identifier: NL-DRC"));
    assertEquals(404, server.get("/api/iati?donor=Nobody").status());
  }

  @Test
  void aDonorReadsTheIatiFilesOfItsOwnGrantsOnly() throws Exception {
    server.post("/api/grants", "{\"id\":\"JP-HALO-IATI\",\"donor\":\"Japan\",\"partner\":\"HALO\",\"title\":\"t\","
        + "\"start\":\"2024-01-01\",\"end\":\"2024-12-31\"}");
    TestServer nl = server.as(server.token("donor-nl-" + id().substring(0, 6), Role.DONOR, null, "Netherlands"));
    assertEquals(200, nl.get("/api/grants/NL-HALO/iati").status());
    Response other = nl.get("/api/grants/JP-HALO-IATI/iati");
    assertEquals(403, other.status());
    assertEquals("application/problem+json", other.contentType());
    assertEquals(403, nl.get("/api/iati?donor=Japan").status());
    assertEquals(200, nl.get("/api/iati?donor=Netherlands").status());
    assertEquals(401, server.as(null).get("/api/grants/NL-HALO/iati").status());
    assertEquals(401, server.as(null).get("/api/iati?donor=Netherlands").status());
    TestServer drcField = server.as(server.token("field-drc-" + id().substring(0, 6), Role.FIELD, "DRC", null));
    assertEquals(403, drcField.get("/api/grants/NL-HALO/iati").status());
    assertEquals(404, drcField.get("/api/iati?donor=Japan").status());
  }

  @Test
  void badParametersAreProblems() throws Exception {
    for (String[] c : new String[][] {
        {"/api/grants/NL-HALO/iati?from=2024-06-01&to=2024-01-01", "400", "after"},
        {"/api/grants/NL-HALO/iati?from=2024-13-01", "400", "YYYY-MM-DD"},
        {"/api/grants/NL-HALO/iati?year=2024", "400", "unknown query parameter"},
        {"/api/grants/NO-SUCH-GRANT/iati", "404", "NO-SUCH-GRANT"},
        {"/api/grants/NL-DRC/iati", "422", "no IATI organisation identifier"},
        {"/api/iati", "400", "'donor' is required"},
        {"/api/iati?donor=Netherlands&to=2024-01-01&from=2024-01-02", "400", "after"},
        {"/api/iati?donor=Netherlands&to=2024-02-30", "400", "YYYY-MM-DD"}}) {
      Response r = server.get(c[0]);
      assertEquals(Integer.parseInt(c[1]), r.status(), c[0] + ": " + r.body());
      assertEquals("application/problem+json", r.contentType(), c[0]);
      assertTrue(r.json().get("detail").asText().contains(c[2]), r.body());
    }
  }

  @Test
  void identifiersThatBreakTheIatiRulesAreRefusedAndNothingIsStored() throws Exception {
    String before = server.databaseContent();
    for (String[] c : new String[][] {
        {"{\"iatiIdentifier\":\"" + HALO_ORG + "-NL HALO\"}", "without spaces"},
        {"{\"iatiIdentifier\":\"XM-DAC-41114-NL-HALO\"}", "partner's IATI organisation identifier"},
        {"{\"donorOrgId\":\"NL-1\",\"donorActivityId\":\"NL-1-PPR 12345\"}", "without spaces"},
        {"{\"donorOrgId\":\"NL 1\"}", "IATI organisation identifier"},
        {"{\"donorActivityId\":\"NL-1-PPR-12345\"}", "needs 'donorOrgId'"},
        {"{\"targets\":[{\"quarter\":\"2024-Q5\",\"outcome\":\"released\",\"km2\":1}]}", "2024-Q1"},
        {"{\"targets\":[{\"quarter\":\"2031-Q1\",\"outcome\":\"released\",\"km2\":1}]}", "outside grant"},
        {"{\"targets\":[{\"quarter\":\"2024-Q1\",\"outcome\":\"demined\",\"km2\":1}]}", "'outcome'"},
        {"{\"targets\":[{\"quarter\":\"2024-Q1\",\"outcome\":\"cleared\",\"km2\":-1}]}", "at least 0"}}) {
      Response r = server.put("/api/grants/NL-HALO/reporting", c[0]);
      assertEquals(422, r.status(), c[0] + ": " + r.body());
      assertEquals("application/problem+json", r.contentType());
      assertTrue(r.json().get("detail").asText().contains(c[1]), r.body());
    }
    Response space = server.put("/api/partners/HALO/iati", "{\"iatiOrgId\":\"GB-CHC 1001813\",\"iatiOrgType\":\"21\"}");
    assertEquals(422, space.status(), space.body());
    assertEquals(422, server.post("/api/partners", "{\"id\":\"MAG\",\"name\":\"MAG\",\"iatiOrgId\":\"GB CHC\","
        + "\"iatiOrgType\":\"21\"}").status());
    assertEquals(422, server.post("/api/grants", "{\"id\":\"NL-HALO-2\",\"donor\":\"Netherlands\",\"partner\":\"HALO\","
        + "\"title\":\"t\",\"start\":\"2024-01-01\",\"end\":\"2024-12-31\",\"iatiIdentifier\":\"GB-CHC-1001813 x\"}")
        .status());
    assertEquals(404, server.put("/api/grants/NOPE/reporting", "{}").status());
    assertEquals(before, server.databaseContent());
    assertEquals(ACTIVITY, server.get("/api/grants/NL-HALO/reporting").json().get("iatiIdentifier").asText());
  }

  @Test
  void aGrantCreatedWithItsIatiSettingsKeepsThemAndAReplayIsIdempotent() throws Exception {
    String body = "{\"id\":\"NL-HALO-B\",\"donor\":\"Netherlands\",\"partner\":\"HALO\",\"title\":\"t\","
        + "\"amount\":250000.50,\"currency\":\"EUR\",\"start\":\"2024-01-01\",\"end\":\"2024-12-31\","
        + "\"iatiIdentifier\":\"" + HALO_ORG + "-B\",\"donorOrgId\":\"NL-1\",\"donorActivityId\":\"NL-1-PPR-2\","
        + "\"targets\":[{\"quarter\":\"2024-Q3\",\"outcome\":\"cleared\",\"km2\":0.5}]}";
    assertEquals(201, server.post("/api/grants", body).status());
    assertEquals(200, server.post("/api/grants", body).status());
    assertEquals(409, server.post("/api/grants", body.replace("NL-1-PPR-2", "NL-1-PPR-3")).status());
    JsonNode reporting = server.get("/api/grants/NL-HALO-B/reporting").json();
    assertEquals("NL-1-PPR-2", reporting.get("donorActivityId").asText());
    assertEquals(0.5, reporting.get("targets").get(0).get("km2").asDouble());
    Document doc = xml(server, "/api/grants/NL-HALO-B/iati");
    assertEquals(250000.5, Double.parseDouble(IatiSchema.text(doc, "//budget/value")));
    assertEquals(HALO_ORG, server.get("/api/partners").json().findValues("iatiOrgId").get(0).asText());
  }

  @Test
  void aPartnerReplayWithOtherIatiSettingsIsAConflict() throws Exception {
    assertEquals(201, server.post("/api/partners", "{\"id\":\"MAG\",\"name\":\"MAG\",\"iatiOrgId\":"
        + "\"XM-DEMO-MAG\",\"iatiOrgType\":\"21\"}").status());
    assertEquals(200, server.post("/api/partners", "{\"id\":\"MAG\",\"name\":\"MAG\",\"iatiOrgId\":"
        + "\"XM-DEMO-MAG\",\"iatiOrgType\":\"21\"}").status());
    assertEquals(200, server.post("/api/partners", "{\"id\":\"MAG\",\"name\":\"MAG\"}").status());
    assertEquals(409, server.post("/api/partners", "{\"id\":\"MAG\",\"name\":\"MAG\",\"iatiOrgId\":"
        + "\"XM-DEMO-MAG2\",\"iatiOrgType\":\"21\"}").status());
    assertEquals("XM-DEMO-MAG", partnerOrg("MAG"));
  }

  private String partnerOrg(String partner) throws Exception {
    for (JsonNode p : server.get("/api/partners").json()) {
      if (p.get("id").asText().equals(partner)) {
        return p.path("iatiOrgId").asText(null);
      }
    }
    return null;
  }

  @Test
  void aDonorFileWithNothingToPublishIsAProblemNotAnEmptyFile() throws Exception {
    server.post("/api/grants", "{\"id\":\"DK-DRC\",\"donor\":\"Denmark\",\"partner\":\"DRC\",\"title\":\"t\","
        + "\"start\":\"2024-01-01\",\"end\":\"2024-12-31\"}");
    Response r = server.get("/api/iati?donor=Denmark");
    assertEquals(422, r.status(), r.body());
    assertTrue(r.json().get("detail").asText().contains("DK-DRC"), r.body());
  }

  @Test
  void theIndicatorsAreDefinedAtTheirUri() throws Exception {
    Response r = server.as(null).get("/api/iati/indicators");
    assertEquals(200, r.status());
    assertEquals(4, r.json().size());
    assertTrue(r.body().contains("\"LR-RELEASED-KM2\"") && r.body().contains("WGS84"), r.body());
  }
}
