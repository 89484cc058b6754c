package org.landrelease.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landrelease.demo.DemoLoader;
import org.landrelease.demo.FeatureEvents;
import org.landrelease.http.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The as-of slider replays history. Events approved through the API count from the day they are approved (today), so
 * this ledger is loaded with a past instead: historical records, through the demo loader, each counted on its own
 * date (a hazard in June 2023, a technical survey in March 2024, a clearance in May 2024).
 */
class AsOfReplayTest {
  static final double LON = 36.50;
  static final double LAT = 49.50;
  static TestServer server;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    Browser.require();
    Path history = Files.createTempDirectory("as-of-history");
    Files.writeString(history.resolve(DemoLoader.FUNDING_FILE), """
        {"dataset": "as-of replay test", "events": 3,
         "partners": [{"id": "HALO", "name": "The HALO Trust"}],
         "grants": [{"id": "NL-HALO", "donor": "Netherlands", "partner": "HALO", "title": "Land release",
                     "amount": 1000000, "currency": "EUR", "start": "2023-01-01", "end": "2025-12-31"}]}
        """);
    List<String> events = List.of(
        TestServer.event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2023-06-01", "HALO", null,
            TestServer.square(LON, LAT, 0.05)),
        TestServer.event(UUID.randomUUID().toString(), "TECHNICAL_SURVEY", "2024-03-01", "HALO", "NL-HALO",
            TestServer.square(LON, LAT, 0.02)),
        TestServer.event(UUID.randomUUID().toString(), "CLEARANCE", "2024-05-10", "HALO", "NL-HALO",
            TestServer.square(LON + 0.03, LAT, 0.01)));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(history.resolve(DemoLoader.EVENTS_FILE)))) {
      for (String body : events) {
        ObjectNode feature = FeatureEvents.toFeature(TestServer.JSON.readTree(body), TestServer.JSON);
        out.write((TestServer.JSON.writeValueAsString(feature) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    server = TestServer.withHistory(history);
    driver = Browser.start(1280, 800);
  }

  @AfterAll
  static void stop() {
    Browser.quit(driver, server);
  }

  @Test
  void theSliderShowsTheFiguresOfEachPastDay() throws Exception {
    JsonNode april = server.get("/api/stats/summary?asOf=2024-04-01").json();
    JsonNode june = server.get("/api/stats/summary?asOf=2024-06-01").json();
    JsonNode today = server.get("/api/stats/summary").json();
    // the history itself: by April the survey counts and the clearance does not; by June both
    assertTrue(april.get("reducedKm2").asDouble() > 1, april.toString());
    assertEquals(0.0, april.get("clearedKm2").asDouble());
    assertTrue(june.get("clearedKm2").asDouble() > 0.5, june.toString());
    assertEquals(today.get("releasedKm2").asDouble(), june.get("releasedKm2").asDouble());

    Browser.open(driver, server.base() + "/");
    for (String day : List.of("2024-04-01", "2024-06-01", "2023-12-31")) {
      slideTo(day);
      JsonNode then = server.get("/api/stats/summary?asOf=" + day).json();
      Browser.waiting(driver, 10).until(d -> value("sum-releasedKm2") == then.get("releasedKm2").asDouble());
      assertEquals(then.get("reducedKm2").asDouble(), value("sum-reducedKm2"), day);
      assertEquals(then.get("clearedKm2").asDouble(), value("sum-clearedKm2"), day);
      assertEquals(then.get("contaminatedKm2").asDouble(), value("sum-contaminatedKm2"), day);
    }
    assertEquals(0.0, value("sum-releasedKm2"), "nothing was released in 2023");
    Browser.screenshot(driver, "AsOfReplayTest-2023-12-31");
    driver.findElement(By.id("asof-today")).click();
    Browser.waiting(driver, 10).until(d -> "".equals(d.findElement(By.id("summary")).getAttribute("data-asof")));
    assertEquals(today.get("releasedKm2").asDouble(), value("sum-releasedKm2"));
  }

  @Test
  void theSliderRedrawsTheReleasedLandOfEachPastDay() throws Exception {
    Browser.open(driver, server.base() + "/");
    Browser.showMap(driver, LON + 0.025, LAT + 0.025, 12, 1, 2);
    String map = "return document.getElementById('map').dataset.releases + '/' + "
        + "document.getElementById('map').dataset.loading";
    // by day: what was released (reduced in March 2024, cleared in May), drawn from that day's tiles
    for (String[] c : new String[][] {{"2023-12-31", "0"}, {"2024-04-01", "1"}, {"2024-06-01", "2"}}) {
      slideTo(c[0]);
      Browser.waiting(driver, 10).until(d -> (c[1] + "/false").equals(Browser.js(d, map)));
      List<Number> reduced = Browser.tilePixel(driver, "releases", LON + 0.01, LAT + 0.01);
      List<Number> cleared = Browser.tilePixel(driver, "releases", LON + 0.035, LAT + 0.005);
      assertEquals(!c[0].startsWith("2023"), reduced != null && reduced.get(3).intValue() > 0, c[0] + ": " + reduced);
      assertEquals(c[0].equals("2024-06-01"), cleared != null && cleared.get(3).intValue() > 0, c[0] + ": " + cleared);
      assertTrue(Browser.tileRequests(driver).stream().anyMatch(u -> u.startsWith("/tiles/releases/12/")
          && u.endsWith("?asOf=" + c[0])), c[0]);
      Browser.screenshot(driver, "AsOfReplayTest-map-" + c[0]);
    }
    driver.findElement(By.id("asof-today")).click();
    Browser.waiting(driver, 10).until(d -> "2/false".equals(Browser.js(d, map)));
    assertEquals(List.of(), Browser.pageErrors(driver));
  }

  /** Moves the as-of slider to a day, as a user would, and waits for the figures of that day. */
  static void slideTo(WebDriver driver, String day) {
    Browser.waiting(driver, 10).until(d -> d.findElement(By.id("asof-range")).isEnabled());
    WebElement range = driver.findElement(By.id("asof-range"));
    Browser.js(driver, """
        const r = arguments[0];
        const days = Math.round((Date.parse(arguments[2]) - Date.parse(arguments[1])) / 86400000);
        r.value = String(days);
        r.dispatchEvent(new Event('input'));
        """, range, range.getAttribute("data-start"), day);
    Browser.waiting(driver, 10).until(d -> day.equals(d.findElement(By.id("summary")).getAttribute("data-asof")));
  }

  private static void slideTo(String day) {
    slideTo(driver, day);
  }

  private static double value(String id) {
    return Double.parseDouble(driver.findElement(By.id(id)).getAttribute("data-value"));
  }
}
