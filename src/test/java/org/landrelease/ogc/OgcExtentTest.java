package org.landrelease.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.landrelease.http.TestServer;

/** Collection extents are cached between requests, and follow the ledger when it changes. */
class OgcExtentTest {
  @Test
  void extentFollowsANewEvent() throws Exception {
    try (TestServer server = new TestServer()) {
      server.fund();
      assertFalse(server.get("/ogc/collections/hazards").json().get("extent").has("spatial"));
      server.apply(TestServer.event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2024-02-01", "HALO",
          null, TestServer.square(31.0, 49.0, 0.02)));
      JsonNode bbox = server.get("/ogc/collections/hazards").json().get("extent").get("spatial").get("bbox").get(0);
      assertEquals(31.0, bbox.get(0).asDouble(), 1e-9);
      assertEquals(49.02, bbox.get(3).asDouble(), 1e-9);
      server.apply(TestServer.event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2024-02-02", "HALO",
          null, TestServer.square(32.0, 48.0, 0.02)));
      bbox = server.get("/ogc/collections").json().get("collections").get(0).get("extent").get("spatial").get("bbox")
          .get(0);
      assertEquals(48.0, bbox.get(1).asDouble(), 1e-9);
      assertEquals(32.02, bbox.get(2).asDouble(), 1e-9);
    }
  }
}
