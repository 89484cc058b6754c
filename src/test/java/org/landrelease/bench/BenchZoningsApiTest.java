package org.landrelease.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.landrelease.http.TestServer;
import org.landrelease.service.Json;
import org.locationtech.jts.geom.Envelope;

/** The bench's grids as the service takes them: accepted through the admin API, and split the existing pieces. */
class BenchZoningsApiTest {
  @Test
  void benchGridsLoadThroughTheAdminApiAndBackFillExistingPieces() throws Exception {
    Envelope area = WorkloadRegions.read(Path.of("data/ukraine-oblasts.geojson"), Json.mapper()).envelope();
    try (TestServer server = new TestServer()) {
      server.fund();
      TestServer.Response hazard = server.apply(TestServer.event(UUID.randomUUID().toString(), "HAZARD_REPORT",
          "2024-02-01", "HALO", null, TestServer.square(31.0, 49.0, 0.02)));
      assertEquals(201, hazard.status(), hazard.body());
      BenchHttp admin = new BenchHttp(URI.create(server.base() + "/")).as(server.adminToken);
      List<BenchZonings.Grid> layers = BenchZonings.layers(area, 150);
      for (BenchZonings.Grid g : layers) {
        BenchZonings.Loaded l = BenchZonings.upload(admin, g, Json.mapper());
        assertNull(l.problem(), g.name());
        assertEquals(201, l.status());
        assertEquals(g.cells().size(), l.zones());
        assertTrue(l.piecesSplit() >= 1, g.name() + " split the hazard's piece: " + l.piecesSplit());
      }
    }
  }
}
