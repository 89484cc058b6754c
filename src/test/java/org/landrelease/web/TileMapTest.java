package org.landrelease.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.landrelease.domain.Role;
import org.landrelease.http.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The map on the service's vector tiles, in chromium against the real service: the choropleth alone at country zoom,
 * hazards and released land drawn from tiles closer in (the canvases' own pixels are read), popups by mouse and by
 * keyboard, the as-of slider, an approval drawn without a reload, and the service worker's tile cache. Each test
 * saves a screenshot under target/screenshots/.
 */
class TileMapTest {
  static TestServer server;
  static ChromeDriver driver;
  static String fieldHalo;
  static String reviewer;
  static String donorNl;
  static Path files;
  private String testName;

  // three hazards side by side in Kharkiv oblast (SHA, CHA, SHA), then a release in the south-west corner of each
  static final double LON = KharkivFixture.LON;
  static final double LAT = KharkivFixture.LAT;
  /** The view over all three at zoom 12. */
  static final double VIEW_LON = LON + 0.12;
  static final double VIEW_LAT = LAT + 0.025;

  static final int[] SHA_FILL = {0xfe, 0xc4, 0x4f};
  static final int[] CHA_FILL = {0xdd, 0x34, 0x97};
  static final int[] CLEARED = {0x00, 0x6d, 0x2c};
  static final int[] REDUCED = {0x41, 0xab, 0x5d};

  @BeforeAll
  static void start() throws Exception {
    Browser.require();
    server = new TestServer();
    KharkivFixture.load(server);
    files = Files.createTempDirectory("tile-map-files");
    fieldHalo = server.token("field-halo", Role.FIELD, "HALO", null);
    reviewer = server.token("reviewer-anna", Role.REVIEWER, null, null);
    donorNl = server.token("donor-nl", Role.DONOR, null, "Netherlands");
    driver = Browser.start(1280, 800);
  }

  @AfterAll
  static void stop() {
    Browser.quit(driver, server);
  }

  @BeforeEach
  void open(TestInfo info) {
    testName = info.getTestMethod().orElseThrow().getName();
    Browser.openSignedOut(driver, server.base());
  }

  @AfterEach
  void screenshot() throws Exception {
    Browser.screenshot(driver, "TileMapTest-" + testName);
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  static void post(String body) throws Exception {
    TestServer.Response r = server.apply(body);
    assertEquals(201, r.status(), r.body());
  }

  static String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  static String map(String attribute) {
    return driver.findElement(By.id("map")).getAttribute("data-" + attribute);
  }

  /** Asserts a canvas pixel: the colour (±3 per channel) and the alpha of the fill opacity (±3 of 255). */
  static void assertFill(int[] rgb, double opacity, List<Number> rgba, String what) {
    assertNotNull(rgba, what + ": no tile drawn there");
    String got = rgba.toString();
    for (int i = 0; i < 3; i++) {
      assertEquals(rgb[i], rgba.get(i).intValue(), 3, what + ": " + got);
    }
    assertEquals(opacity * 255, rgba.get(3).doubleValue(), 3, what + " (alpha): " + got);
  }

  static void assertEmpty(List<Number> rgba, String what) {
    assertTrue(rgba == null || rgba.get(3).intValue() == 0, what + ": " + rgba);
  }

  /** The open popup's text ("" when none); read in one step, as the popup's content is replaced when it loads. */
  static String popupText() {
    return Browser.js(driver,
        "const c = document.querySelector('.leaflet-popup-content'); return c ? c.innerText : ''");
  }

  static void signIn(String token, String shown) {
    driver.findElement(By.id("signin-toggle")).click();
    driver.findElement(By.id("signin-token")).sendKeys(token);
    driver.findElement(By.id("signin-submit")).click();
    Browser.waiting(driver, 10).until(d -> text("account-state").equals("Signed in as " + shown));
  }

  @Test
  void countryZoomShowsTheChoroplethOnlyAndAsksForNoDetailTile() throws Exception {
    Browser.showMap(driver, 32, 49, 6, 0, 0);
    assertEquals("false", map("detail"));
    assertEquals(27, driver.findElements(By.cssSelector("path.lr-choropleth")).size());
    assertEquals(List.of(), Browser.tileRequests(driver), "below zoom 8 the map asks for no hazard or release tile");
    assertEquals(0, driver.findElements(By.cssSelector(".lr-tiles canvas")).size());
    assertEquals("Zoom in to see hazards and released land", text("map-status"));
    Browser.screenshot(driver, "TileMapTest-zoom6");
  }

  @Test
  void zoom12DrawsHazardsAndReleasedLandFromTilesInTheirStyles() throws Exception {
    long t0 = System.nanoTime();
    Browser.showMap(driver, VIEW_LON, VIEW_LAT, 12, 3, 3);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    List<String> requests = Browser.tileRequests(driver);
    assertTrue(requests.stream().anyMatch(u -> u.startsWith("/tiles/hazards/12/")), requests.toString());
    assertTrue(requests.stream().anyMatch(u -> u.startsWith("/tiles/releases/12/")), requests.toString());
    assertTrue(requests.stream().allMatch(u -> u.matches("/tiles/(hazards|releases)/12/\\d+/\\d+\\.mvt")),
        "current state, no filter: " + requests);
    assertEquals("true", map("detail"));
    assertTrue(text("map-status").startsWith("Showing 3 hazards and 3 released pieces"), text("map-status"));

    // the canvases' own pixels: each layer's fill where its features lie, nothing between them
    assertFill(CHA_FILL, 0.55, Browser.tilePixel(driver, "hazards", LON + 0.14, LAT + 0.04), "the CHA hazard");
    assertFill(SHA_FILL, 0.55, Browser.tilePixel(driver, "hazards", LON + 0.04, LAT + 0.04), "an SHA hazard");
    assertFill(CLEARED, 0.5, Browser.tilePixel(driver, "releases", LON + 0.105, LAT + 0.005), "the cleared piece");
    assertFill(REDUCED, 0.5, Browser.tilePixel(driver, "releases", LON + 0.01, LAT + 0.01), "the reduced piece");
    assertEmpty(Browser.tilePixel(driver, "hazards", LON + 0.105, LAT + 0.005), "cleared land is no hazard");
    assertEmpty(Browser.tilePixel(driver, "hazards", LON + 0.08, LAT + 0.03), "between the hazards");
    assertEmpty(Browser.tilePixel(driver, "releases", LON + 0.08, LAT + 0.03), "between the hazards");

    JsonNode timing = TestServer.JSON.readTree((String) Browser.js(driver, """
        const t = window.landrelease.tiles;
        return JSON.stringify({ ratio: window.devicePixelRatio, hazards: t.hazards.timing,
          releases: t.releases.timing });
        """));
    System.out.printf("zoom 12 view drawn from tiles in %d ms (setView to settled, WebDriver polling included): %s%n",
        ms, timing);
    Browser.screenshot(driver, "TileMapTest-zoom12");
    assertEquals(List.of(), Browser.severeLogs(driver));
    assertEquals(List.of(), Browser.pageErrors(driver));
  }

  @Test
  void aScreenOfTwoDevicePixelsPerPixelGetsCanvasesOfItsResolution() throws Exception {
    Browser.showMap(driver, VIEW_LON, VIEW_LAT, 12, 3, 3);
    String widths = "return [...document.querySelectorAll('.lr-tiles-hazards canvas[data-features]:not([data-features=\"0\"])')]"
        + ".map((c) => c.width + 'x' + c.height + '/' + c.style.width).join(' ')";
    String before = Browser.js(driver, widths);
    assertTrue(before.matches("(256x256/256px ?)+"), before);
    try {
      // as when the window moves to a high-density screen: the tiles are painted again, sharp, at the same size
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 1280, "height", 800,
          "deviceScaleFactor", 2, "mobile", false));
      Browser.waiting(driver, 10).until(d -> ((String) Browser.js(d, widths)).matches("(512x512/256px ?)+"));
      assertFill(CHA_FILL, 0.55, Browser.tilePixel(driver, "hazards", LON + 0.14, LAT + 0.04), "at 2 dppx");
      assertEquals("3", map("hazards"));
      Browser.screenshot(driver, "TileMapTest-zoom12-2dppx");
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }
    Browser.waiting(driver, 10).until(d -> ((String) Browser.js(d, widths)).matches("(256x256/256px ?)+"));
  }

  @Test
  void aClickOnAHazardOpensItsPopupWithTheHistoryAndAClickBesideOpensTheRegion() throws Exception {
    Browser.showMap(driver, VIEW_LON, VIEW_LAT, 12, 3, 3);
    // the CHA hazard lost a corner to a clearance: its history has the report and the clearance
    Browser.clickMap(driver, LON + 0.14, LAT + 0.04);
    Browser.waiting(driver, 10).until(d -> d.findElements(By.cssSelector(".popup-hazard table.history tbody tr"))
        .size() == 2);
    String popup = popupText();
    JsonNode hazard = server.get("/api/hazards?classification=CHA").json().get("features").get(0).get("properties");
    assertTrue(popup.contains("Hazard #" + hazard.get("id").asInt()), popup);
    assertTrue(popup.contains("Confirmed hazardous area (CHA)"), popup);
    assertTrue(popup.contains(String.format(Locale.UK, "%,.2f ha", hazard.get("areaHa").asDouble())), popup);
    assertTrue(popup.contains("Cleared") && popup.contains("Added"), popup);

    // a released piece: the event, and the hazard it came from with its history
    Browser.clickMap(driver, LON + 0.105, LAT + 0.005);
    Browser.waiting(driver, 10).until(d -> popupText()
        .contains("Released by the event"));
    popup = popupText();
    assertTrue(popup.contains("Clearance on ") && popup.contains("NL-HALO"), popup);
    Browser.waiting(driver, 10).until(d -> popupText()
        .contains("Hazard #" + hazard.get("id").asInt() + ":"));

    // beside the hazards the region answers
    Browser.closePopup(driver);
    Browser.clickMap(driver, LON + 0.08, LAT + 0.03);
    Browser.waiting(driver, 10).until(d -> !d.findElements(By.cssSelector(".popup-region")).isEmpty());
    assertTrue(popupText().contains("Kharkiv"));
    assertEquals(1, driver.findElements(By.cssSelector(".leaflet-popup")).size(), "one popup at a time");
    assertEquals(List.of(), Browser.pageErrors(driver));
  }

  @Test
  void enterOpensThePopupOfWhatLiesAtTheCentreAndEscapeGivesTheFocusBack() throws Exception {
    Browser.showMap(driver, LON + 0.14, LAT + 0.04, 13, null, null);
    WebElement map = driver.findElement(By.id("map"));
    Browser.js(driver, "arguments[0].focus()", map);
    map.sendKeys(Keys.ENTER);
    Browser.waiting(driver, 10).until(d -> d.findElements(By.cssSelector(".popup-hazard table.history tbody tr"))
        .size() == 2);
    assertTrue(text("map").contains("Confirmed hazardous area (CHA)"));
    WebElement focused = driver.switchTo().activeElement();
    assertTrue(focused.getAttribute("class").contains("leaflet-popup-content"), "the popup takes the focus");
    focused.sendKeys(Keys.ESCAPE);
    Browser.waiting(driver, 5).until(d -> d.findElements(By.cssSelector(".leaflet-popup")).isEmpty());
    assertEquals(map, driver.switchTo().activeElement(), "the focus is back on the map");

    // the arrow keys move the map off the hazards: Enter then opens the region there
    Browser.showMap(driver, LON + 0.08, LAT + 0.03, 13, null, null);
    Browser.js(driver, "arguments[0].focus()", map);
    map.sendKeys(Keys.ENTER);
    Browser.waiting(driver, 10).until(d -> !d.findElements(By.cssSelector(".popup-region")).isEmpty());
    assertEquals(List.of(), Browser.pageErrors(driver));
  }

  @Test
  void theAsOfSliderChangesTheReleasedLandDrawn() throws Exception {
    Browser.showMap(driver, VIEW_LON, VIEW_LAT, 12, 3, 3);
    assertFill(CLEARED, 0.5, Browser.tilePixel(driver, "releases", LON + 0.105, LAT + 0.005), "today");
    // approved today, these releases count from today: on 1 April 2024 nothing was released yet (the replay of a
    // past where each event counts on its own date is AsOfReplayTest)
    AsOfReplayTest.slideTo(driver, "2024-04-01");
    Browser.waiting(driver, 10).until(d -> "0".equals(map("releases")) && "false".equals(map("loading")));
    assertEmpty(Browser.tilePixel(driver, "releases", LON + 0.105, LAT + 0.005), "on 1 April 2024");
    assertEquals("3", map("hazards"), "hazards are today's");
    assertTrue(text("map-status").contains("hazards are shown as of today"), text("map-status"));
    List<String> requests = Browser.tileRequests(driver);
    assertTrue(requests.stream().anyMatch(u -> u.matches("/tiles/releases/12/\\d+/\\d+\\.mvt\\?asOf=2024-04-01")),
        requests.toString());
    assertTrue(requests.stream().noneMatch(u -> u.startsWith("/tiles/hazards/") && u.contains("asOf")),
        "the hazards layer has no asOf: " + requests);

    driver.findElement(By.id("asof-today")).click();
    Browser.waiting(driver, 10).until(d -> "3".equals(map("releases")) && "false".equals(map("loading")));
    assertFill(CLEARED, 0.5, Browser.tilePixel(driver, "releases", LON + 0.105, LAT + 0.005), "today again");
  }

  @Test
  void theStatusLineSaysWhenTheServiceLeftSmallFeaturesOut() throws Exception {
    Browser.showMap(driver, VIEW_LON, VIEW_LAT, 12, 3, 3);
    assertFalse(text("map-status").contains("left out"), text("map-status"));
    assertEquals("0", map("dropped"));
    // as a tile over 500 kB is answered: the same tile, with the count of the features it left out
    Browser.js(driver, """
        const real = window.fetch;
        window.fetch = async (url, init) => {
          const res = await real(url, init);
          if (!String(url).startsWith('/tiles/hazards/')) return res;
          const headers = new Headers(res.headers);
          headers.set('X-Tile-Dropped-Features', '7');
          return new Response(res.status === 204 ? null : await res.arrayBuffer(), { status: res.status, headers });
        };
        return window.landrelease.refresh();
        """);
    Browser.waiting(driver, 10).until(d -> text("map-status").contains("small features left out: zoom in"));
    assertEquals(0, Integer.parseInt(map("dropped")) % 7, "7 for each hazard tile in view: " + map("dropped"));
    assertTrue(Integer.parseInt(map("dropped")) >= 7);
    assertEquals("3", map("hazards"));
  }

  @Test
  void aGrantChosenInTheDonorViewNarrowsTheReleasedLandDrawn() throws Exception {
    Browser.showMap(driver, VIEW_LON, VIEW_LAT, 12, 3, 3);
    signIn(donorNl, "donor-nl (DONOR, Netherlands)");
    driver.findElement(By.id("tab-donors")).click();
    new Select(driver.findElement(By.id("donor"))).selectByValue("Netherlands");
    new Select(driver.findElement(By.id("grant"))).selectByValue("NL-DRC");
    // only the non-technical survey of DRC was funded by NL-DRC
    Browser.waiting(driver, 10).until(d -> "1".equals(map("releases")) && "false".equals(map("loading")));
    assertTrue(text("map-status").contains("released land of grant NL-DRC only"), text("map-status"));
    assertEmpty(Browser.tilePixel(driver, "releases", LON + 0.105, LAT + 0.005), "cleared under NL-HALO");
    assertTrue(Browser.tileRequests(driver).stream().anyMatch(u -> u.matches(
        "/tiles/releases/12/\\d+/\\d+\\.mvt\\?grant=NL-DRC")), Browser.tileRequests(driver).toString());
    assertEquals("3", map("hazards"));

    // another donor's choice, or none, shows every grant's land again
    new Select(driver.findElement(By.id("grant"))).selectByValue("");
    Browser.waiting(driver, 10).until(d -> "3".equals(map("releases")) && "false".equals(map("loading")));
    assertFalse(text("map-status").contains("grant"), text("map-status"));
  }

  @Test
  void aSubmittedPolygonIsDrawnOnceApprovedWithoutAReload() throws Exception {
    double lon = LON + 0.30;
    double lat = LAT + 0.01;
    Browser.js(driver, "window.sameDocument = 'yes'");
    signIn(fieldHalo, "field-halo (FIELD, HALO)");
    driver.findElement(By.id("tab-submit")).click();
    new Select(driver.findElement(By.id("f-type"))).selectByValue("HAZARD_REPORT");
    new Select(driver.findElement(By.id("f-partner"))).selectByValue("HALO");
    driver.findElement(By.cssSelector("input[name=hazardTypes][value=UXO]")).click();
    Path file = files.resolve("new-hazard.geojson");
    Files.writeString(file, TestServer.square(lon, lat, 0.02));
    driver.findElement(By.id("f-file")).sendKeys(file.toAbsolutePath().toString());
    Browser.waiting(driver, 5).until(d -> text("f-geometry-status").contains("Polygon"));
    driver.findElement(By.id("f-submit")).click();
    Browser.waiting(driver, 10).until(d -> "201".equals(driver.findElement(By.id("submit-result"))
        .getAttribute("data-status")));
    String eventId = driver.findElement(By.id("submit-result")).getAttribute("data-event-id");

    // submitted, not approved: the map shows the one hazard of the seed in this view, not the new one
    Browser.showMap(driver, lon + 0.01, lat + 0.01, 12, 1, null);
    assertEmpty(Browser.tilePixel(driver, "hazards", lon + 0.01, lat + 0.01), "awaiting review");

    driver.findElement(By.id("signout")).click();
    signIn(reviewer, "reviewer-anna (REVIEWER)");
    driver.findElement(By.id("tab-review")).click();
    Browser.click(driver, By.cssSelector("#review-list li[data-event-id='" + eventId + "'] .review-approve"));
    Browser.waiting(driver, 10).until(d -> "approved".equals(d.findElement(By.id("review-result"))
        .getAttribute("data-status")));

    // the approval redraws the tiles in place: the new hazard is there, in the same document
    Browser.waiting(driver, 10).until(d -> "2".equals(map("hazards")) && "false".equals(map("loading")));
    assertFill(SHA_FILL, 0.55, Browser.tilePixel(driver, "hazards", lon + 0.01, lat + 0.01), "the approved hazard");
    assertEquals("yes", Browser.js(driver, "return window.sameDocument"), "no reload");
    Browser.screenshot(driver, "TileMapTest-approved-hazard");
    assertEquals(List.of(), Browser.pageErrors(driver));
  }

  @Test
  void theServiceWorkerKeepsAnonymousTilesButNotThoseAskedWithAToken() throws Exception {
    Browser.waiting(driver, 15).until(d -> Boolean.TRUE.equals(Browser.js(d,
        "return !!navigator.serviceWorker.controller")));
    Browser.showMap(driver, VIEW_LON, VIEW_LAT, 11, 3, 3);
    Browser.waiting(driver, 10).until(d -> cachedTiles().stream().anyMatch(u -> u.startsWith("/tiles/hazards/11/")));

    signIn(fieldHalo, "field-halo (FIELD, HALO)");
    Browser.showMap(driver, VIEW_LON, VIEW_LAT, 13, null, null);
    List<String> requests = Browser.tileRequests(driver);
    assertTrue(requests.stream().anyMatch(u -> u.startsWith("/tiles/hazards/13/")), requests.toString());
    Thread.sleep(500); // the worker writes its cache after answering
    assertFalse(cachedTiles().stream().anyMatch(u -> u.contains("/13/")), "asked with a token: " + cachedTiles());
    List<String> shell = Browser.js(driver, """
        return caches.open('landrelease-v2').then((c) => c.keys())
          .then((keys) => keys.map((k) => new URL(k.url).pathname).filter((p) => p.startsWith('/tiles/')));
        """);
    assertEquals(List.of(), shell, "tiles never enter the cache of the client's files");
  }

  static List<String> cachedTiles() {
    return Browser.js(driver, """
        return caches.open('landrelease-tiles-v1').then((c) => c.keys())
          .then((keys) => keys.map((k) => new URL(k.url).pathname + new URL(k.url).search));
        """);
  }
}
