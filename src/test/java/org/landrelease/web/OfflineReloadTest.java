package org.landrelease.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Role;
import org.landrelease.http.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A real loss of connection: the service stops. The page, reloaded, still comes up from the browser's cache with
 * the last figures, and a submission lands in the offline queue (a real network failure, no stub). The user is
 * signed in: what only the token may read (grants, funding figures, the account) never enters the shared cache.
 */
class OfflineReloadTest {
  static TestServer server;
  static ChromeDriver driver;
  static String fieldHalo;

  @BeforeAll
  static void start() throws Exception {
    Browser.require();
    server = new TestServer();
    server.fund();
    TestServer.Response r = server.apply(TestServer.event(java.util.UUID.randomUUID().toString(),
        "HAZARD_REPORT", "2024-02-01", "HALO", null, TestServer.square(30.5, 50.6, 0.03)));
    assertEquals(201, r.status(), r.body());
    fieldHalo = server.token("field-halo", Role.FIELD, "HALO", null);
    driver = Browser.start(1280, 800);
  }

  @AfterAll
  static void stop() {
    Browser.quit(driver, server);
  }

  @Test
  void theClientReloadsWithoutTheServiceAndQueuesWhatIsSubmitted() throws Exception {
    JsonNode summary = server.get("/api/stats/summary").json();
    driver.get(server.base() + "/favicon.svg");
    Browser.js(driver, "localStorage.setItem('ledger.token', arguments[0])", fieldHalo);
    Browser.open(driver, server.base() + "/");
    Browser.waiting(driver, 10).until(d -> d.findElement(By.id("account-state")).getText()
        .equals("Signed in as field-halo (FIELD, HALO)"));
    // the service worker takes the page and caches the client and the figures
    Browser.waiting(driver, 15).until(d -> Boolean.TRUE.equals(Browser.js(d,
        "return !!navigator.serviceWorker.controller")));
    driver.navigate().refresh();
    Browser.waiting(driver, 20).until(d -> "true".equals(Browser.js(d,
        "return document.documentElement.dataset.loaded")));
    Browser.waiting(driver, 15).until(d -> Boolean.TRUE.equals(Browser.js(d, """
        const done = arguments[arguments.length - 1];
        return caches.open('landrelease-v2').then((c) => c.keys()).then((keys) =>
          keys.some((k) => k.url.endsWith('/api/stats/summary')) && keys.some((k) => k.url.endsWith('/js/app.js'))
          && keys.some((k) => k.url.endsWith('/api/partners')));
        """)));
    java.util.List<String> cached = Browser.js(driver, """
        return caches.keys().then((names) => Promise.all(names.map((n) => caches.open(n).then((c) => c.keys()))))
          .then((lists) => lists.flat().map((k) => new URL(k.url).pathname + new URL(k.url).search));
        """);
    for (String url : cached) {
      assertTrue(!url.startsWith("/api/grants") && !url.startsWith("/api/me") && !url.startsWith("/api/events")
          && !url.contains("by=donor") && !url.contains("by=grant"), "a token's answer is never cached: " + url);
    }

    server.close();
    server = null;
    driver.navigate().refresh();
    Browser.waiting(driver, 20).until(d -> "true".equals(Browser.js(d,
        "return document.documentElement.dataset.ready")));
    double shown = Double.parseDouble(driver.findElement(By.id("sum-reportedKm2")).getAttribute("data-value"));
    assertEquals(summary.get("reportedKm2").asDouble(), shown, 0.0, "the last figures, from the cache");
    assertEquals(27, driver.findElements(By.cssSelector("path.lr-region")).size(), "the offline base layer");
    assertEquals(fieldHalo, Browser.js(driver, "return localStorage.getItem('ledger.token')"),
        "offline, the token is kept: it is checked when the service returns");

    driver.findElement(By.id("tab-submit")).click();
    Browser.waiting(driver, 10).until(d -> d.findElements(By.cssSelector("#f-partner option[value=HALO]")).size() == 1);
    new Select(driver.findElement(By.id("f-type"))).selectByValue("CLEARANCE");
    new Select(driver.findElement(By.id("f-partner"))).selectByValue("HALO");
    new Select(driver.findElement(By.id("f-method"))).selectByValue("MANUAL");
    driver.findElement(By.id("f-dev-AP_MINE")).sendKeys("2");
    Path file = Files.createTempFile("clearance", ".geojson");
    Files.writeString(file, TestServer.square(30.51, 50.61, 0.005));
    driver.findElement(By.id("f-file")).sendKeys(file.toAbsolutePath().toString());
    Browser.waiting(driver, 5).until(d -> d.findElement(By.id("f-geometry-status")).getText().contains("Polygon"));
    driver.findElement(By.id("f-submit")).click();
    Browser.waiting(driver, 20).until(d -> "queued".equals(d.findElement(By.id("submit-result"))
        .getAttribute("data-status")));
    JsonNode queued = TestServer.JSON.readTree((String) Browser.js(driver,
        "return JSON.stringify(JSON.parse(localStorage.getItem('landrelease.offlineQueue.v1')))"));
    assertEquals(1, queued.size());
    JsonNode event = queued.get(0).get("event");
    assertEquals("CLEARANCE", event.get("type").asText());
    assertEquals("MANUAL", event.get("method").asText());
    assertEquals(2, event.get("devicesFound").get("AP_MINE").asInt());
    assertTrue(event.get("id").asText().matches("[0-9a-f-]{36}"), "the client id travels with the event");
    Browser.screenshot(driver, "OfflineReloadTest-queued-while-the-service-is-down");
  }
}
