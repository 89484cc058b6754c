package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The read-only views a GIS officer opens in QGIS (hazards, releases, regions, events) give the API's figures, on
 * whichever store the tests run.
 */
class GisViewsTest {
  @Test
  void theViewsGiveTheSameFiguresAsTheApi() throws Exception {
    try (TestServer server = new TestServer()) {
      server.fund();
      server.apply(event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2023-03-01", "HALO", null,
          square(36.0, 48.5, 0.03)));
      server.apply(event(UUID.randomUUID().toString(), "CLEARANCE", "2024-03-01", "HALO", "NL-HALO",
          square(36.01, 48.51, 0.01)));
      server.apply(event(UUID.randomUUID().toString(), "NON_TECHNICAL_SURVEY", "2024-04-01", "HALO", "NL-HALO",
          square(36.025, 48.5, 0.01)));
      JsonNode summary = server.get("/api/stats/summary").json();
      double[] v = server.app().database().read(c -> {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
            SELECT (SELECT SUM(reported_km2) FROM regions), (SELECT SUM(released_km2) FROM regions),
              (SELECT SUM(remaining_km2) FROM regions), (SELECT SUM(area_km2) FROM hazards),
              (SELECT SUM(area_km2) FROM releases), (SELECT COUNT(*) FROM events),
              (SELECT COUNT(*) FROM regions WHERE geom IS NOT NULL)""")) {
          rs.next();
          return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
              rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)};
        }
      });
      assertEquals(summary.get("reportedKm2").asDouble(), v[0], 1e-6);
      assertEquals(summary.get("releasedKm2").asDouble(), v[1], 1e-6);
      assertEquals(summary.get("contaminatedKm2").asDouble(), v[2], 1e-6);
      assertEquals(summary.get("hazardAreaKm2").asDouble(), v[3], 1e-6);
      assertEquals(summary.get("releasedKm2").asDouble(), v[4], 1e-6);
      assertEquals(3, (int) v[5]);
      assertEquals(27, (int) v[6], "every region of the boundary file, with its geometry");
    }
  }
}
