package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.domain.Role;
import org.landrelease.http.TestServer.Response;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The demo's Dutch grants (in Ukraine and in the synthetic Lebanon) as one IATI file, as a donor downloads it:
 * schema-valid, and equal to the grant reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoIatiTest {
  private TestServer server;
  private TestServer donor;

  @BeforeAll
  void start() throws Exception {
    server = DemoServer.get();
    donor = server.as(server.token("nl-mfa", Role.DONOR, null, "Netherlands"));
  }

  @Test
  void theDutchGrantsFileIsValidAndEachActivityAddsUpToItsGrantReport() throws Exception {
    Response r = donor.get("/api/iati?donor=Netherlands");
    assertEquals(200, r.status(), r.body());
    IatiSchema.validate(r.body());
    Document doc = IatiSchema.parse(r.body());
    NodeList activities = IatiSchema.nodes(doc, "/iati-activities/iati-activity");
    JsonNode grants = donor.get("/api/grants").json();
    assertEquals(grants.size(), activities.getLength());
    boolean lebanon = false;
    for (int i = 0; i < activities.getLength(); i++) {
      Element a = (Element) activities.item(i);
      String grant = IatiSchema.text(doc, "/iati-activities/iati-activity[" + (i + 1) + "]/other-identifier/@ref");
      // the synthetic Lebanon's Dutch grant is an activity in Lebanon; every other one in Ukraine
      lebanon |= grant.equals("NL-MAG-LB");
      assertEquals(grant.equals("NL-MAG-LB") ? "LB" : "UA", IatiSchema.text(doc,
          "/iati-activities/iati-activity[" + (i + 1) + "]/recipient-country/@code"), grant);
      assertEquals("NL-1-DEMO-" + grant, IatiSchema.text(doc,
          "/iati-activities/iati-activity[" + (i + 1) + "]/participating-org[@role='1']/@activity-id"));
      NodeList actuals = IatiSchema.nodes(a.getOwnerDocument(), "/iati-activities/iati-activity[" + (i + 1)
          + "]//indicator[reference/@code='LR-RELEASED-KM2']/period/actual/@value");
      double total = 0;
      for (int k = 0; k < actuals.getLength(); k++) {
        total += Double.parseDouble(actuals.item(k).getNodeValue());
      }
      JsonNode report = donor.get("/api/grants/" + grant + "/report").json();
      // each quarter is rounded to the square metre: the sum may differ from the report by a few of them
      assertEquals(report.get("releasedKm2").asDouble(), total, 1e-6 * (actuals.getLength() + 1), grant);
      assertTrue(report.get("releasedKm2").asDouble() > 0, grant);
      assertEquals(report.get("byRegion").size(), IatiSchema.nodes(doc, "/iati-activities/iati-activity["
          + (i + 1) + "]/location").getLength(), grant);
    }
    assertTrue(lebanon, "the Dutch grant in Lebanon is in the file");
  }
}
