package org.landrelease.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web client end to end: the real service with a few hazards and releases, driven through headless chromium.
 * Each test saves a screenshot under target/screenshots/. The map's tiles, popups and keyboard are TileMapTest's.
 */
class WebClientTest {
  static TestServer server;
  static ChromeDriver driver;
  static Path files;
  static String fieldHalo;
  static String fieldDrc;
  static String donorNl;
  private String testName;

  // three hazards in Kharkiv oblast, then a release over part of each
  static final double LON = KharkivFixture.LON;
  static final double LAT = KharkivFixture.LAT;

  @BeforeAll
  static void start() throws Exception {
    Browser.require();
    server = new TestServer();
    KharkivFixture.load(server);
    files = Files.createTempDirectory("web-client-files");
    fieldHalo = server.token("field-halo", Role.FIELD, "HALO", null);
    fieldDrc = server.token("field-drc", Role.FIELD, "DRC", null);
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
    Browser.screenshot(driver, "WebClientTest-" + testName);
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  static JsonNode post(String body) throws Exception {
    TestServer.Response r = server.apply(body);
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  static JsonNode summary() throws Exception {
    return server.get("/api/stats/summary").json();
  }

  static String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  static double value(String id) {
    return Double.parseDouble(driver.findElement(By.id(id)).getAttribute("data-value"));
  }

  /** The figure as displayed: "1,234.56 km²" → 1234.56. */
  static double shown(String id) {
    return Double.parseDouble(text(id).replace(" km²", "").replace(",", ""));
  }

  static void showTab(String tab) {
    driver.findElement(By.id(tab)).click();
  }

  static Path geojson(String name, String geometry) throws Exception {
    Path file = files.resolve(name);
    Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
        + "\"geometry\":" + geometry + "}]}");
    return file;
  }

  /** Fills the submit form for a hazard report by HALO, today, with the area uploaded from a file. */
  static void fillHazardReport(Path file) {
    showTab("tab-submit");
    new Select(driver.findElement(By.id("f-type"))).selectByValue("HAZARD_REPORT");
    new Select(driver.findElement(By.id("f-partner"))).selectByValue("HALO");
    driver.findElement(By.cssSelector("input[name=hazardTypes][value=UXO]")).click();
    driver.findElement(By.id("f-file")).sendKeys(file.toAbsolutePath().toString());
    Browser.waiting(driver, 5).until(d -> text("f-geometry-status").contains("Polygon"));
  }

  static String resultStatus() {
    return driver.findElement(By.id("submit-result")).getAttribute("data-status");
  }

  /** Signs in with the header's control and waits for the account it names. */
  static void signIn(String token, String shown) {
    driver.findElement(By.id("signin-toggle")).click();
    WebElement input = driver.findElement(By.id("signin-token"));
    assertEquals(input, driver.switchTo().activeElement(), "opening the control focuses the token field");
    input.sendKeys(token);
    driver.findElement(By.id("signin-submit")).click();
    Browser.waiting(driver, 10).until(d -> text("account-state").equals("Signed in as " + shown));
  }

  /** Approves an event as the reviewer, over HTTP, and makes the client read the figures again. */
  static JsonNode approve(String eventId) throws Exception {
    TestServer.Response r = server.as(server.reviewerToken).post("/api/events/" + eventId + "/approve", "");
    assertEquals(200, r.status(), r.body());
    Browser.js(driver, "return window.landrelease.refresh()");
    return r.json();
  }

  @Test
  void summaryShowsTheApiFiguresAndTheRegionTableAddsUp() throws Exception {
    JsonNode api = summary();
    for (String k : List.of("reportedKm2", "contaminatedKm2", "releasedKm2", "cancelledKm2", "reducedKm2",
        "clearedKm2")) {
      double expected = api.get(k).asDouble();
      assertEquals(expected, value("sum-" + k), 0.0, k + " is kept exactly");
      assertEquals(String.format(Locale.ROOT, "%.2f", expected), String.format(Locale.ROOT, "%.2f", shown("sum-" + k)),
          k + " as displayed: " + text("sum-" + k));
      assertTrue(text("sum-" + k).endsWith(" km²"));
    }
    assertEquals(api.get("events").asInt(), (int) value("sum-events"));
    assertTrue(api.get("reportedKm2").asDouble() > 0 && api.get("releasedKm2").asDouble() > 0, "seeded");

    // the region table: Kharkiv first (the only contaminated region), with the API's figures
    JsonNode kharkiv = null;
    for (JsonNode r : server.get("/api/regions").json()) {
      if (r.get("contaminatedKm2").asDouble() > 0) {
        kharkiv = r;
      }
    }
    WebElement first = driver.findElement(By.cssSelector("#region-table tbody tr"));
    assertEquals(kharkiv.get("code").asText(), first.getAttribute("data-code"));
    assertEquals(kharkiv.get("contaminatedKm2").asDouble(),
        Double.parseDouble(first.findElements(By.cssSelector("td")).get(1).getAttribute("data-value")), 0.0);
    assertEquals(27, driver.findElements(By.cssSelector("#region-table tbody tr")).size());
  }

  @Test
  void regionTableSortsAndAKeyboardEnterZoomsToTheRegion() {
    WebElement nameHeader = driver.findElement(By.cssSelector("#region-table th[data-key=name] button"));
    nameHeader.click();
    assertEquals("ascending", driver.findElement(By.cssSelector("#region-table th[data-key=name]"))
        .getAttribute("aria-sort"));
    List<WebElement> rows = driver.findElements(By.cssSelector("#region-table tbody tr th"));
    assertEquals("Autonomous Republic of Crimea", rows.get(0).getText());
    nameHeader.click();
    assertEquals("descending", driver.findElement(By.cssSelector("#region-table th[data-key=name]"))
        .getAttribute("aria-sort"));

    double zoomBefore = ((Number) Browser.js(driver, "return window.landrelease.map.getZoom()")).doubleValue();
    WebElement kharkiv = driver.findElement(By.cssSelector("#region-table tbody tr[data-code='UA-63']"));
    Browser.js(driver, "arguments[0].focus()", kharkiv);
    kharkiv.sendKeys(Keys.ENTER);
    Browser.waiting(driver, 5).until(d -> ((Number) Browser.js(d, "return window.landrelease.map.getZoom()"))
        .doubleValue() > zoomBefore);
    List<Number> center = Browser.js(driver,
        "const c = window.landrelease.map.getCenter(); return [c.lng, c.lat];");
    assertTrue(center.get(0).doubleValue() > 34.5 && center.get(0).doubleValue() < 38.5, "centred on Kharkiv");
    assertTrue(driver.findElement(By.cssSelector(".leaflet-popup-content")).getText().contains("Kharkiv"));
  }

  @Test
  void aSubmittedPolygonAwaitsReviewAndCountsOnceApproved() throws Exception {
    double before = value("sum-reportedKm2");
    int eventsBefore = summary().get("events").asInt();
    signIn(fieldHalo, "field-halo (FIELD, HALO)");
    fillHazardReport(geojson("report.geojson", TestServer.square(LON, LAT + 0.3, 0.02)));
    assertEquals("HALO", new Select(driver.findElement(By.id("f-partner"))).getFirstSelectedOption()
        .getAttribute("value"), "a field account's partner is chosen for it");
    driver.findElement(By.id("f-submit")).click();
    Browser.waiting(driver, 10).until(d -> "201".equals(resultStatus()));
    String answer = text("submit-result");
    assertTrue(answer.contains("Submitted, awaiting review"), answer);
    assertTrue(text("result-review").contains("counts once a reviewer approves it"), answer);
    assertTrue(driver.findElements(By.id("result-changed")).isEmpty(), "no released or added figure yet");
    String eventId = driver.findElement(By.id("submit-result")).getAttribute("data-event-id");
    JsonNode submitted = server.get("/api/events/" + eventId).json();
    assertEquals("SUBMITTED", submitted.get("status").asText());
    assertEquals("field-halo", submitted.get("submittedBy").asText());
    assertEquals(eventsBefore, summary().get("events").asInt(), "nothing counts before the review");
    assertEquals(before, value("sum-reportedKm2"));

    JsonNode approved = approve(eventId);
    JsonNode api = summary();
    assertEquals(eventsBefore + 1, api.get("events").asInt());
    Browser.waiting(driver, 10).until(d -> value("sum-reportedKm2") == api.get("reportedKm2").asDouble());
    assertTrue(value("sum-reportedKm2") > before);
    assertEquals(api.get("reportedKm2").asDouble() - before, approved.get("addedKm2").asDouble(), 1e-5);
    assertEquals("UA-63", approved.get("byRegion").get(0).get("code").asText());
  }

  @Test
  void aPolygonDrawnOnTheMapReleasesLandAndTheAnswerNamesTheHazard() throws Exception {
    // a hazard of its own, away from the seeded ones that other tests count
    double lon = LON + 0.6;
    double lat = LAT - 0.3;
    post(TestServer.event(id(), "HAZARD_REPORT", "2024-01-15", "DRC", null, TestServer.square(lon, lat, 0.04)));
    driver.navigate().refresh();
    Browser.open(driver, server.base() + "/");
    JsonNode before = summary();
    signIn(fieldDrc, "field-drc (FIELD, DRC)");
    showTab("tab-submit");
    new Select(driver.findElement(By.id("f-type"))).selectByValue("NON_TECHNICAL_SURVEY");
    new Select(driver.findElement(By.id("f-partner"))).selectByValue("DRC");
    assertTrue(driver.findElements(By.cssSelector("#f-classification")).stream().noneMatch(WebElement::isDisplayed),
        "a survey has no classification");
    // a release records the land's use after release, as the completion report says
    new Select(driver.findElement(By.id("f-landUse"))).selectByValue("AGRICULTURE");
    // the hazard fills the view; draw a square inside it
    Browser.js(driver, "window.landrelease.map.setView([arguments[0], arguments[1]], 13)", lat + 0.02, lon + 0.02);
    Browser.waiting(driver, 10).until(d -> "false".equals(d.findElement(By.id("map")).getAttribute("data-loading")));
    driver.findElement(By.id("f-draw")).click();
    WebElement map = driver.findElement(By.id("map"));
    for (int[] p : new int[][] {{-60, -60}, {60, -60}, {60, 60}, {-60, 60}, {-60, -60}}) {
      new Actions(driver).moveToElement(map, p[0], p[1]).pause(50).click().pause(100).perform();
    }
    Browser.waiting(driver, 5).until(d -> text("f-geometry-status").startsWith("Polygon, 5 vertices, drawn"));
    assertEquals(1, driver.findElements(By.cssSelector("path.lr-draft")).size());
    driver.findElement(By.id("f-submit")).click();
    Browser.waiting(driver, 10).until(d -> "201".equals(resultStatus()));
    assertTrue(text("submit-result").contains("awaiting review"), text("submit-result"));
    assertEquals(before.get("releasedKm2").asDouble(), summary().get("releasedKm2").asDouble(), "not yet counted");
    String eventId = driver.findElement(By.id("submit-result")).getAttribute("data-event-id");
    assertEquals("AGRICULTURE", server.get("/api/events/" + eventId).json().get("landUse").asText());
    JsonNode approval = approve(eventId);
    JsonNode after = summary();
    double released = approval.get("releasedKm2").asDouble();
    assertTrue(released > 0, "the square lies in a hazard");
    assertEquals(after.get("releasedKm2").asDouble() - before.get("releasedKm2").asDouble(), released, 1e-5);
    assertEquals(after.get("cancelledKm2").asDouble() - before.get("cancelledKm2").asDouble(), released, 1e-5);
    Browser.waiting(driver, 10).until(d -> value("sum-releasedKm2") == after.get("releasedKm2").asDouble());
    assertTrue(approval.get("byHazard").get(0).get("hazardId").asLong() > 0, "the approval names the hazard");
    assertEquals(List.of(), Browser.severeLogs(driver));
  }

  @Test
  void anInvalidPolygonShowsTheProblemAndAMarkerWhereItIs() throws Exception {
    String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[36.0,48.0],[36.1,48.1],[36.1,48.0],[36.0,48.1],"
        + "[36.0,48.0]]]}";
    JsonNode expected = server.apply(TestServer.event(id(), "HAZARD_REPORT",
        java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), "HALO", null, bowTie)).json();
    assertEquals(422, expected.get("status").asInt());
    int events = summary().get("events").asInt();

    signIn(fieldHalo, "field-halo (FIELD, HALO)");
    fillHazardReport(geojson("bowtie.geojson", bowTie));
    driver.findElement(By.id("f-submit")).click();
    Browser.waiting(driver, 10).until(d -> "422".equals(resultStatus()));
    assertEquals(expected.get("detail").asText(), text("problem-detail"));
    WebElement marker = Browser.waiting(driver, 5).until(d -> d.findElement(By.cssSelector(".lr-problem-marker")));
    assertTrue(marker.isDisplayed());
    List<Number> offset = Browser.js(driver, """
        const r = arguments[0].getBoundingClientRect();
        const m = window.landrelease.map;
        const box = m.getContainer().getBoundingClientRect();
        const p = m.latLngToContainerPoint([arguments[2], arguments[1]]);
        return [r.left + r.width / 2 - box.left - p.x, r.top + r.height / 2 - box.top - p.y];
        """, marker, expected.get("coordinate").get(0).asDouble(), expected.get("coordinate").get(1).asDouble());
    assertEquals(0, offset.get(0).doubleValue(), 1.5, "the marker stands on the coordinate");
    assertEquals(0, offset.get(1).doubleValue(), 1.5);
    assertEquals(events, summary().get("events").asInt(), "nothing recorded");
    // Chrome reports the refused POST as a failed resource load; nothing else may be in the console
    for (String message : Browser.severeLogs(driver)) {
      assertTrue(message.contains("/api/events") && message.contains("422"), message);
    }
  }

  @Test
  void anEventSubmittedOfflineIsQueuedAndSentOnceWhenTheConnectionReturns() throws Exception {
    int events = summary().get("events").asInt();
    signIn(fieldHalo, "field-halo (FIELD, HALO)");
    // the network goes down for POSTs: fetch fails as it does without a connection
    Browser.js(driver, """
        window.realFetch = window.fetch;
        window.fetch = (url, init) => init && init.method === 'POST'
          ? Promise.reject(new TypeError('Failed to fetch')) : window.realFetch(url, init);
        """);
    fillHazardReport(geojson("offline.geojson", TestServer.square(LON + 0.4, LAT + 0.3, 0.02)));
    driver.findElement(By.id("f-submit")).click();
    Browser.waiting(driver, 10).until(d -> "queued".equals(resultStatus()));
    assertEquals(1, (int) value("queue-count"));
    assertEquals("1 queued", driver.findElement(By.id("queue-badge")).getText());
    String queued = Browser.js(driver, "return JSON.stringify(window.landrelease.queue.list()[0])");
    String queuedId = TestServer.JSON.readTree(queued).get("id").asText();
    assertEquals(404, server.get("/api/events/" + queuedId).status(), "nothing reached the service");

    // the connection returns: the 'online' event flushes the queue with the batch endpoint, with the token
    Browser.js(driver, "window.fetch = window.realFetch; window.dispatchEvent(new Event('online'));");
    Browser.waiting(driver, 10).until(d -> value("queue-count") == 0);
    assertEquals("SUBMITTED", server.get("/api/events/" + queuedId).json().get("status").asText());
    assertEquals("field-halo", server.get("/api/events/" + queuedId).json().get("submittedBy").asText());
    assertTrue(text("queue-status").contains("1 submitted for review"), text("queue-status"));
    assertTrue(!driver.findElement(By.id("queue-badge")).isDisplayed());
    approve(queuedId);
    assertEquals(events + 1, summary().get("events").asInt());
    Browser.waiting(driver, 10).until(d -> value("sum-events") == events + 1);

    // the same event queued again (a tablet that missed the answer) is answered as already recorded
    Browser.js(driver, "window.landrelease.queue.enqueue(JSON.parse(arguments[0]));", queued);
    Object flushed = Browser.js(driver, """
        return window.landrelease.flush().then((s) => JSON.stringify(s));
        """);
    JsonNode s = TestServer.JSON.readTree((String) flushed);
    assertEquals(1, s.get("replayed").asInt());
    assertEquals(0, s.get("created").asInt());
    assertEquals(events + 1, summary().get("events").asInt(), "resending never counts twice");
    Browser.js(driver, "window.dispatchEvent(new Event('online'));");
    assertEquals(events + 1, summary().get("events").asInt());
  }

  @Test
  void donorViewShowsTheGrantReportAndOffersItsCsv() throws Exception {
    signIn(donorNl, "donor-nl (DONOR, Netherlands)");
    showTab("tab-donors");
    assertTrue(!driver.findElement(By.id("donors-signin")).isDisplayed());
    assertEquals(List.of("", "Netherlands"), new Select(driver.findElement(By.id("donor"))).getOptions().stream()
        .map(o -> o.getAttribute("value")).toList(), "a donor sees its own grants only");
    new Select(driver.findElement(By.id("donor"))).selectByValue("Netherlands");
    new Select(driver.findElement(By.id("grant"))).selectByValue("NL-HALO");
    Browser.waiting(driver, 10).until(d -> d.findElement(By.id("grant-csv")).isEnabled());
    JsonNode report = server.get("/api/grants/NL-HALO/report").json();
    List<WebElement> figures = driver.findElements(By.cssSelector("#grant-figures dd"));
    assertEquals(report.get("releasedKm2").asDouble(), Double.parseDouble(figures.get(0).getAttribute("data-value")));
    assertEquals(report.get("reducedKm2").asDouble(), Double.parseDouble(figures.get(2).getAttribute("data-value")));
    assertEquals(report.get("clearedKm2").asDouble(), Double.parseDouble(figures.get(3).getAttribute("data-value")));
    String text = driver.findElement(By.id("grant-report")).getText();
    assertTrue(text.contains("Kharkiv"), text);
    assertNotEquals(0.0, report.get("releasedKm2").asDouble());
  }

  @Test
  void aDonorDownloadsTheGrantReportAsAPdfWithItsToken() throws Exception {
    signIn(donorNl, "donor-nl (DONOR, Netherlands)");
    showTab("tab-donors");
    new Select(driver.findElement(By.id("donor"))).selectByValue("Netherlands");
    new Select(driver.findElement(By.id("grant"))).selectByValue("NL-HALO");
    WebElement pdf = driver.findElement(By.id("grant-pdf"));
    Browser.waiting(driver, 10).until(d -> pdf.isEnabled());
    assertTrue(pdf.isDisplayed());
    assertTrue(driver.findElement(By.id("grant-xlsx")).isDisplayed());
    // keep what the page saves: the blob behind the download link, and the name it is saved under
    Browser.js(driver, """
        window.savedBlobs = [];
        const original = URL.createObjectURL;
        URL.createObjectURL = (blob) => { window.savedBlobs.push(blob); return original(blob); };
        window.savedNames = [];
        document.addEventListener('click', (e) => {
          if (e.target.download) window.savedNames.push(e.target.download);
        }, true);
        """);
    pdf.click();
    Browser.waiting(driver, 30).until(d -> ((Number) Browser.js(d, "return window.savedBlobs.length")).intValue() > 0);
    Object head = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const blob = window.savedBlobs[0];
        blob.slice(0, 5).text().then((t) => done(t + '|' + blob.type + '|' + blob.size));
        """);
    String[] parts = head.toString().split("\\|");
    assertEquals("%PDF-", parts[0], "the saved file is a PDF");
    assertEquals("application/pdf", parts[1]);
    assertTrue(Integer.parseInt(parts[2]) > 10_000, "size " + parts[2]);
    String name = Browser.js(driver, "return window.savedNames.join(',')");
    assertTrue(name.matches("grant-NL-HALO-\\d{4}-\\d\\d-\\d\\d-\\d{4}-\\d\\d-\\d\\d\\.pdf"), name);
    assertEquals(List.of(), Browser.pageErrors(driver));
  }

  @Test
  void signingInShowsTheAccountKeepsTheTokenAndSigningOutForgetsIt() throws Exception {
    assertTrue(!driver.findElement(By.id("account-state")).isDisplayed(), "nobody is signed in");
    // a wrong token is refused by the service and not kept
    driver.findElement(By.id("signin-toggle")).click();
    driver.findElement(By.id("signin-token")).sendKeys("lr_not-a-token");
    driver.findElement(By.id("signin-submit")).click();
    Browser.waiting(driver, 10).until(d -> text("signin-error").contains("does not know this token"));
    assertEquals("true", driver.findElement(By.id("signin-token")).getAttribute("aria-invalid"));
    assertEquals(null, (Object) Browser.js(driver, "return localStorage.getItem('ledger.token')"));
    driver.findElement(By.id("signin-cancel")).click();

    signIn(fieldHalo, "field-halo (FIELD, HALO)");
    assertEquals(fieldHalo, Browser.js(driver, "return localStorage.getItem('ledger.token')"));
    assertTrue(driver.findElement(By.id("signout")).isDisplayed());
    assertTrue(!driver.findElement(By.id("signin-toggle")).isDisplayed());
    showTab("tab-submit");
    assertTrue(!driver.findElement(By.id("submit-signin")).isDisplayed(), "no sign-in request once signed in");
    Browser.screenshot(driver, "WebClientTest-signed-in-header");

    // the token survives a reload and is checked again
    Browser.open(driver, server.base() + "/");
    Browser.waiting(driver, 10).until(d -> text("account-state").equals("Signed in as field-halo (FIELD, HALO)"));

    driver.findElement(By.id("signout")).click();
    assertEquals(null, (Object) Browser.js(driver, "return localStorage.getItem('ledger.token')"));
    assertTrue(driver.findElement(By.id("signin-toggle")).isDisplayed());
    showTab("tab-submit");
    assertTrue(driver.findElement(By.id("submit-signin")).isDisplayed(), "signed out, the form asks for a sign-in");
    assertEquals(List.of(), Browser.pageErrors(driver));
  }

  @Test
  void aRevokedTokenIsForgottenAndThePublicFiguresStillLoad() throws Exception {
    String token = server.token("field-revoked", Role.FIELD, "HALO", null);
    Browser.js(driver, "localStorage.setItem('ledger.token', arguments[0])", token);
    assertEquals(204, server.delete("/api/users/field-revoked").status());
    Browser.open(driver, server.base() + "/");
    Browser.waiting(driver, 10).until(d -> Browser.js(d, "return localStorage.getItem('ledger.token')") == null);
    assertEquals(summary().get("reportedKm2").asDouble(), value("sum-reportedKm2"), "the figures load anonymously");
    assertTrue(driver.findElement(By.id("signin-toggle")).isDisplayed());
    assertEquals(List.of(), Browser.pageErrors(driver));
  }

  @Test
  void anonymousSubmissionIsAskedToSignInAndA403ShowsTheDetail() throws Exception {
    showTab("tab-submit");
    assertTrue(driver.findElement(By.id("submit-signin")).isDisplayed());
    fillHazardReport(geojson("anonymous.geojson", TestServer.square(LON + 0.5, LAT + 0.3, 0.02)));
    driver.findElement(By.id("f-submit")).click();
    Browser.waiting(driver, 10).until(d -> "401".equals(resultStatus()));
    assertTrue(text("submit-result").contains("Sign in to submit"), text("submit-result"));
    assertTrue(text("f-geometry-status").contains("Polygon"), "the form keeps what was entered");
    assertEquals(0, (int) value("queue-count"), "a 401 refuses the sender, the event is not queued either");
    driver.findElement(By.cssSelector("#submit-result .signin-open")).click();
    assertTrue(driver.findElement(By.id("signin-form")).isDisplayed(), "the answer's button opens the sign-in");
    driver.findElement(By.id("signin-cancel")).click();

    // a field account of HALO may not submit for DRC: the problem's detail is shown
    signIn(fieldHalo, "field-halo (FIELD, HALO)");
    new Select(driver.findElement(By.id("f-partner"))).selectByValue("DRC");
    driver.findElement(By.id("f-submit")).click();
    Browser.waiting(driver, 10).until(d -> "403".equals(resultStatus()));
    assertTrue(text("problem-detail").contains("submits for partner 'HALO' only"), text("problem-detail"));
  }

  @Test
  void aQueuedEventWithoutATokenStaysQueuedUntilSomeoneSignsIn() throws Exception {
    String event = TestServer.event(id(), "HAZARD_REPORT", "2024-06-02", "HALO", null,
        TestServer.square(LON + 0.5, LAT - 0.4, 0.02));
    Browser.js(driver, "window.landrelease.queue.enqueue(JSON.parse(arguments[0]))", event);
    // the app does not send what the service would refuse with 401: it asks for a sign-in
    Browser.js(driver, "return window.landrelease.flush()");
    showTab("tab-submit");
    assertEquals("Sign in to send 1 queued event: they stay on this device until then.", text("queue-status"));
    // sent anyway (another tab signed out meanwhile): the service answers 401 and the event stays queued
    String summaryJson = Browser.js(driver, "return window.landrelease.queue.flush().then((s) => JSON.stringify(s))");
    JsonNode s = TestServer.JSON.readTree(summaryJson);
    assertEquals("unauthorized", s.get("error").asText());
    assertEquals(401, s.get("problem").get("status").asInt());
    assertEquals(1, s.get("kept").asInt());
    assertEquals(0, s.get("refused").asInt());
    assertEquals(1, (int) value("queue-count"));
    assertEquals(0, ((List<?>) Browser.js(driver, "return window.landrelease.queue.refused()")).size());

    // signing in sends it
    signIn(fieldHalo, "field-halo (FIELD, HALO)");
    Browser.waiting(driver, 10).until(d -> value("queue-count") == 0);
    assertTrue(text("queue-status").contains("1 submitted for review"), text("queue-status"));
    String eventId = TestServer.JSON.readTree(event).get("id").asText();
    assertEquals("SUBMITTED", server.get("/api/events/" + eventId).json().get("status").asText());
  }

  @Test
  void donorsPanelAsksAnonymousReadersToSignIn() throws Exception {
    showTab("tab-donors");
    WebElement ask = driver.findElement(By.id("donors-signin"));
    assertTrue(ask.isDisplayed());
    assertTrue(ask.getText().contains("Sign in with a donor, reviewer or administrator token to see grant reports"));
    assertTrue(!driver.findElement(By.id("donor")).isDisplayed());
    assertTrue(driver.findElement(By.id("notice")).getAttribute("hidden") != null, "no error: a request for a sign-in");
    assertEquals(List.of(), Browser.severeLogs(driver), "no grant was asked for anonymously");
    ask.findElement(By.cssSelector(".signin-open")).click();
    driver.findElement(By.id("signin-token")).sendKeys(donorNl);
    driver.findElement(By.id("signin-submit")).click();
    Browser.waiting(driver, 10).until(d -> d.findElement(By.id("donor")).isDisplayed());
    assertTrue(!ask.isDisplayed());
    new Select(driver.findElement(By.id("donor"))).selectByValue("Netherlands");
    new Select(driver.findElement(By.id("grant"))).selectByValue("NL-HALO");
    Browser.waiting(driver, 10).until(d -> d.findElement(By.id("grant-csv")).isEnabled());
    JsonNode report = server.as(donorNl).get("/api/grants/NL-HALO/report").json();
    assertEquals(report.get("releasedKm2").asDouble(), Double.parseDouble(driver.findElement(
        By.cssSelector("#grant-figures dd")).getAttribute("data-value")));
    // the grant's IATI file, fetched with the donor's token (HALO publishes to IATI once it has an identifier)
    assertEquals(200, server.put("/api/partners/HALO/iati",
        "{\"iatiOrgId\":\"GB-CHC-1001813\",\"iatiOrgType\":\"21\"}").status());
    driver.findElement(By.id("grant-iati")).click();
    Browser.waiting(driver, 10).until(d -> d.findElement(By.id("grant-download")).getText().startsWith("Downloaded"));
    String note = text("grant-download");
    int bytes = server.as(donorNl).get("/api/grants/NL-HALO/iati").body().getBytes(
        java.nio.charset.StandardCharsets.UTF_8).length;
    assertTrue(note.contains("grant-NL-HALO-iati-") && note.contains(".xml"), note);
    assertTrue(Integer.parseInt(note.replaceAll(".*\\((.*) bytes.*", "$1").replace(",", "")) > 1000, note);
    assertTrue(bytes > 1000, "the file the service writes: " + bytes + " bytes");
    // signing out hides the report again
    driver.findElement(By.id("signout")).click();
    Browser.waiting(driver, 10).until(d -> d.findElement(By.id("donors-signin")).isDisplayed());
    assertEquals("", text("grant-report"));
  }

  @Test
  void monthChartAndAsOfReplay() throws Exception {
    showTab("tab-chart");
    Number bars = Browser.waiting(driver, 10).until(d -> (Number) Browser.js(d,
        "const c = Chart.getChart('month-chart'); return c ? c.data.labels.length : null;"));
    assertEquals(server.get("/api/stats/released?by=month").json().size(), bars.intValue());

    // back to 2024-04-01: approved today, these events count from today, so nothing was released then (the
    // replay of a real past, where each event counts on its own date, is AsOfReplayTest)
    WebElement range = driver.findElement(By.id("asof-range"));
    Browser.js(driver, """
        const r = arguments[0];
        const start = arguments[1];
        const days = Math.round((Date.parse('2024-04-01') - Date.parse(start)) / 86400000);
        r.value = String(days);
        r.dispatchEvent(new Event('input'));
        """, range, range.getAttribute("data-start"));
    Browser.waiting(driver, 10).until(d -> "2024-04-01".equals(
        d.findElement(By.id("summary")).getAttribute("data-asof")));
    JsonNode then = server.get("/api/stats/summary?asOf=2024-04-01").json();
    Browser.waiting(driver, 10).until(d -> value("sum-releasedKm2") == then.get("releasedKm2").asDouble());
    assertEquals(then.get("clearedKm2").asDouble(), value("sum-clearedKm2"));
    assertEquals(0.0, then.get("clearedKm2").asDouble());
    assertEquals("1 Apr 2024", driver.findElement(By.id("asof-value")).getText());
    driver.findElement(By.id("asof-today")).click();
    Browser.waiting(driver, 10).until(d -> "".equals(d.findElement(By.id("summary")).getAttribute("data-asof")));
    assertEquals(summary().get("releasedKm2").asDouble(), value("sum-releasedKm2"));
  }

  @Test
  void phoneWidthStacksTheMapAboveThePanelsWithoutSideScrolling() throws Exception {
    Browser.viewport(driver, 390, 844);
    Browser.open(driver, server.base() + "/");
    Number overflow = Browser.js(driver,
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertEquals(0, overflow.intValue(), "no horizontal scrolling at 390 px");
    assertEquals(Boolean.TRUE, phoneLayout(), "the scripts read the stylesheet's phone layout");
    WebElement map = driver.findElement(By.id("map"));
    WebElement summary = driver.findElement(By.id("summary"));
    assertTrue(map.getSize().getHeight() >= 300, "the map keeps a usable height");
    assertTrue(summary.getLocation().getY() >= map.getLocation().getY() + map.getSize().getHeight() - 1,
        "the panels come below the map");
    assertTrue(value("sum-reportedKm2") > 0);
    signIn(donorNl, "donor-nl (DONOR, Netherlands)");
    for (String tab : List.of("tab-chart", "tab-donors", "tab-submit", "tab-regions")) {
      showTab(tab);
      if (tab.equals("tab-donors")) {
        new Select(driver.findElement(By.id("donor"))).selectByValue("Netherlands");
        new Select(driver.findElement(By.id("grant"))).selectByValue("NL-HALO");
        Browser.waiting(driver, 10).until(d -> d.findElement(By.id("grant-csv")).isEnabled());
      }
      Number wide = Browser.js(driver,
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0, wide.intValue(), "no horizontal scrolling at 390 px in " + tab);
      Browser.screenshot(driver, "WebClientTest-phone-" + tab);
    }
    Browser.viewport(driver, 1280, 800);
    assertEquals(Boolean.FALSE, phoneLayout(), "at desktop width the same page is no longer laid out for a phone");
  }

  /** What web/js/layout.js says of the page as it is now laid out. */
  private Boolean phoneLayout() {
    return (Boolean) driver.executeAsyncScript(
        "const done = arguments[0]; import('/js/layout.js').then((m) => done(m.isPhoneLayout()), () => done(null));");
  }

  @Test
  void theConsoleStaysCleanThroughATourOfTheClient() throws Exception {
    Browser.severeLogs(driver); // start from an empty log
    Browser.open(driver, server.base() + "/");
    Browser.showMap(driver, LON + 0.12, LAT + 0.025, 12, 3, 3);
    Browser.clickMap(driver, LON + 0.105, LAT + 0.005); // the cleared piece
    Browser.waiting(driver, 10).until(d -> d.findElement(By.cssSelector(".leaflet-popup-content")).getText()
        .contains("Released by the event"));
    Browser.closePopup(driver);
    Browser.clickMap(driver, LON + 0.04, LAT + 0.04); // an SHA hazard
    Browser.waiting(driver, 10).until(d -> !d.findElements(By.cssSelector(".popup-hazard table.history")).isEmpty());
    for (String tab : List.of("tab-chart", "tab-donors", "tab-submit", "tab-regions")) {
      showTab(tab);
    }
    driver.findElement(By.id("tab-regions")).sendKeys(Keys.ARROW_RIGHT);
    assertEquals("true", driver.findElement(By.id("tab-chart")).getAttribute("aria-selected"), "arrow keys move tabs");
    Browser.js(driver, "window.landrelease.map.setView([49, 32], 6)");
    Browser.waiting(driver, 10).until(d -> "0".equals(d.findElement(By.id("map")).getAttribute("data-hazards")));
    assertEquals(List.of(), Browser.severeLogs(driver));
    assertEquals(List.of(), Browser.pageErrors(driver));
    // every form field has a label
    Number unlabelled = Browser.js(driver, """
        return [...document.querySelectorAll('input, select, textarea')].filter((el) => el.type !== 'hidden'
          && !el.closest('.leaflet-control-layers') && !(el.labels && el.labels.length)
          && !el.getAttribute('aria-label')).length;
        """);
    assertEquals(0, unlabelled.intValue());
  }
}
