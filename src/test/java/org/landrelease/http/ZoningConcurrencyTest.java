package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Loading a zoning while events are approved, on one instance and across two: no piece is ever written without its
 * split by every loaded zoning, and each piece's parts add up to it.
 */
class ZoningConcurrencyTest {
  private static final String[] TYPES = {"HAZARD_REPORT", "NON_TECHNICAL_SURVEY", "TECHNICAL_SURVEY", "CLEARANCE"};

  @Test
  void aLoadDuringApprovalsLeavesNoPieceUnsplit() throws Exception {
    try (TestServer server = new TestServer()) {
      server.fund();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      AtomicInteger written = new AtomicInteger();
      Thread writer = new Thread(() -> {
        SplittableRandom random = new SplittableRandom(5);
        try {
          for (int i = 1; i <= 60; i++) {
            var r = server.apply(TestServer.event(UUID.randomUUID().toString(), TYPES[random.nextInt(i < 8 ? 1 : 4)],
                "2024-05-15", "HALO", null, ZoningApiTest.polygon(random)));
            assertEquals(201, r.status(), r.body());
            written.incrementAndGet();
          }
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      writer.start();
      while (written.get() < 10 && writer.isAlive()) {
        Thread.sleep(20);
      }
      assertEquals(201, ZoningFixtures.load(server, "grid", ZoningFixtures.testGrid()).status());
      // replaced while approvals go on: the new zones' splits replace the old ones, none is left out
      assertEquals(201, ZoningFixtures.load(server, "grid", ZoningFixtures.grid(36.5, 47.7, 0.1, 2, 1, 1)).status());
      writer.join();
      if (failure.get() != null) {
        throw new AssertionError("writer failed", failure.get());
      }
      assertEveryPieceSplit(server, "grid");
      ZoningApiTest.assertReconciles(server, "grid", "", "after concurrent approvals");
    }
  }

  /** One instance loads a zoning; the other, which had not heard of it, splits its next approvals by it. */
  @Test
  void anotherInstanceSplitsByAZoningLoadedOnThisOne() throws Exception {
    var dir = Files.createTempDirectory("ledger-two-zonings");
    try (TestServer a = TestServer.onPostgres(dir); TestServer b = TestServer.onPostgres(dir)) {
      a.fund();
      SplittableRandom random = new SplittableRandom(9);
      for (int i = 1; i <= 10; i++) {
        assertEquals(201, b.apply(TestServer.event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2024-05-15", "HALO",
            null, ZoningApiTest.polygon(random))).status());
      }
      assertEquals(201, ZoningFixtures.load(a, "grid", ZoningFixtures.testGrid()).status());
      for (int i = 1; i <= 15; i++) {
        assertEquals(201, b.apply(TestServer.event(UUID.randomUUID().toString(), TYPES[1 + random.nextInt(3)],
            "2024-05-15", "HALO", null, ZoningApiTest.polygon(random))).status());
      }
      assertEveryPieceSplit(b, "grid");
      assertEquals(1, b.get("/api/zonings").json().size());
      ZoningApiTest.assertReconciles(b, "grid", "", "on the other instance");
      assertEquals(a.get("/api/stats/zones?zoning=grid").body(), b.get("/api/stats/zones?zoning=grid").body());
      assertEquals(204, a.delete("/api/zonings/grid").status());
      assertEquals(404, b.get("/api/stats/zones?zoning=grid").status());
      assertEquals(201, b.apply(TestServer.event(UUID.randomUUID().toString(), "CLEARANCE", "2024-05-16", "HALO",
          null, ZoningApiTest.polygon(random))).status());
      int splits = b.app().database().read(c -> {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM piece_zone")) {
          rs.next();
          return rs.getInt(1);
        }
      });
      assertEquals(0, splits, "no split rows after the deletion, none for the approval after it");
    }
  }

  /** Every piece has rows in piece_zone for the zoning, and they add up to its area. */
  static void assertEveryPieceSplit(TestServer server, String zoning) throws Exception {
    List<String> wrong = server.app().database().read(c -> {
      List<String> out = new ArrayList<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT p.id, p.area_m2, (SELECT SUM(z.area_m2) FROM piece_zone z WHERE z.piece_id = p.id AND z.zoning = '"
              + zoning + "') FROM piece p WHERE p.area_m2 <> 0")) {
        int n = 0;
        while (rs.next()) {
          n++;
          double split = rs.getDouble(3);
          if (rs.wasNull() || Math.abs(split - rs.getDouble(2)) > 1e-6 * Math.max(1, Math.abs(rs.getDouble(2)))) {
            out.add("piece " + rs.getLong(1) + ": " + rs.getDouble(2) + " m², split " + split);
          }
        }
        if (n == 0) {
          out.add("no pieces at all");
        }
      }
      return out;
    });
    assertTrue(wrong.isEmpty(), wrong.toString());
  }
}
