package org.landrelease.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.landrelease.http.TestServer;

/**
 * The land the map tests look at: three hazards in Kharkiv oblast (SHA, CHA, SHA of another partner), then a release
 * over part of each (reduced, cleared, cancelled), funded and approved.
 */
final class KharkivFixture {
  static final double LON = 36.50;
  static final double LAT = 49.50;

  private KharkivFixture() {}

  static void load(TestServer server) throws Exception {
    server.fund();
    post(server, TestServer.event(id(), "HAZARD_REPORT", "2023-06-01", "HALO", null,
        TestServer.square(LON, LAT, 0.05)));
    post(server, TestServer.event(id(), "HAZARD_REPORT", "2023-06-01", "HALO", null,
        TestServer.square(LON + 0.10, LAT, 0.05)).replace("\"SHA\"", "\"CHA\""));
    post(server, TestServer.event(id(), "HAZARD_REPORT", "2023-07-01", "DRC", null,
        TestServer.square(LON + 0.20, LAT, 0.04)));
    post(server, TestServer.event(id(), "TECHNICAL_SURVEY", "2024-03-01", "HALO", "NL-HALO",
        TestServer.square(LON, LAT, 0.02)));
    post(server, TestServer.event(id(), "CLEARANCE", "2024-05-10", "HALO", "NL-HALO",
        TestServer.square(LON + 0.10, LAT, 0.01)));
    post(server, TestServer.event(id(), "NON_TECHNICAL_SURVEY", "2024-06-01", "DRC", "NL-DRC",
        TestServer.square(LON + 0.20, LAT, 0.015)));
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private static void post(TestServer server, String body) throws Exception {
    TestServer.Response r = server.apply(body);
    assertEquals(201, r.status(), r.body());
  }
}
