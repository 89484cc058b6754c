package org.landrelease.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import java.util.UUID;
import org.landrelease.http.TestServer;

/**
 * The land the OGC tests look at: five hazard reports of 0.01° squares (four near Kyiv in UTM zone 36N, one in
 * Donetsk oblast, zone 37N) on known dates, and a clearance of the north-east quarter of the first one.
 */
final class OgcFixture {
  static final String[] REPORT_DATES = {"2024-01-10", "2024-03-10", "2024-05-10", "2024-06-01", "2024-06-15"};
  static final double[][] CORNERS = {{30.00, 50.00}, {30.10, 50.00}, {30.20, 50.00}, {30.30, 50.00}, {36.00, 48.00}};
  static final String CLEARANCE_DATE = "2024-07-01";

  private OgcFixture() {}

  static void load(TestServer server) throws Exception {
    server.fund();
    for (int i = 0; i < CORNERS.length; i++) {
      post(server, event(UUID.randomUUID().toString(), "HAZARD_REPORT", REPORT_DATES[i], "HALO", "NL-HALO",
          square(CORNERS[i][0], CORNERS[i][1], 0.01)));
    }
    post(server, event(UUID.randomUUID().toString(), "CLEARANCE", CLEARANCE_DATE, "HALO", "NL-HALO",
        square(30.005, 50.005, 0.005)));
  }

  private static void post(TestServer server, String body) throws Exception {
    TestServer.Response r = server.apply(body);
    assertEquals(201, r.status(), r.body());
  }
}
