package org.landrelease.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.landrelease.domain.Role;
import org.landrelease.http.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The reviewers' panel end to end: a field team submits over HTTP, a reviewer decides in headless chromium, and the
 * ledger's own answers (status, history, summary) say what each click did. The tests run in order on one ledger:
 * the queue the second one reads is the one the first one leaves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewPanelTest {
  static TestServer server;
  static ChromeDriver driver;
  static String field;
  static String reviewer;
  /** The three submissions of the field team, oldest first. */
  static final List<String> SUBMITTED = new ArrayList<>();

  // one hazard in Kharkiv oblast; the field team's releases lie side by side inside it
  static final double LON = 36.50;
  static final double LAT = 49.50;

  @BeforeAll
  static void start() throws Exception {
    Browser.require();
    server = new TestServer();
    server.fund();
    TestServer.Response hazard = server.apply(TestServer.event(id(), "HAZARD_REPORT", "2023-06-01", "HALO", null,
        TestServer.square(LON, LAT, 0.1)));
    assertEquals(201, hazard.status(), hazard.body());
    field = server.token("field-halo", Role.FIELD, "HALO", null);
    reviewer = server.token("reviewer-anna", Role.REVIEWER, null, null);
    SUBMITTED.add(submit("NON_TECHNICAL_SURVEY", "2024-03-01", TestServer.square(LON, LAT, 0.02)));
    SUBMITTED.add(submit("TECHNICAL_SURVEY", "2024-04-01", TestServer.square(LON + 0.03, LAT, 0.02)));
    SUBMITTED.add(submit("CLEARANCE", "2024-05-01", TestServer.square(LON + 0.06, LAT, 0.02)));
    driver = Browser.start(1280, 900);
  }

  @AfterAll
  static void stop() {
    Browser.quit(driver, server);
  }

  @BeforeEach
  void viewport() {
    Browser.viewport(driver, 1280, 900);
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  /** Submits a release of HALO under NL-HALO as the field team, without approving it. */
  static String submit(String type, String date, String geometry) throws Exception {
    String id = id();
    TestServer.Response r = server.as(field).post("/api/events",
        TestServer.event(id, type, date, "HALO", "NL-HALO", geometry));
    assertEquals(201, r.status(), r.body());
    assertEquals("SUBMITTED", r.json().get("status").asText());
    return id;
  }

  /** Opens the client with the token kept on the device (null: signed out) and waits for the account it names. */
  static void openAs(String token, String shown) {
    driver.get(server.base() + "/favicon.svg");
    Browser.js(driver, "localStorage.clear(); if (arguments[0]) localStorage.setItem('ledger.token', arguments[0]);",
        token);
    Browser.open(driver, server.base() + "/");
    if (shown != null) {
      Browser.waiting(driver, 10).until(d -> text("account-state").startsWith("Signed in as " + shown));
    }
  }

  /** Opens the review tab and waits until its queue holds n events. */
  static void showQueue(int n) {
    driver.findElement(By.id("tab-review")).click();
    Browser.waiting(driver, 10).until(d -> "true".equals(panel().getAttribute("data-loaded"))
        && rows().size() == n && !"true".equals(panel().getAttribute("aria-busy")));
  }

  static WebElement panel() {
    return driver.findElement(By.id("panel-review"));
  }

  static List<WebElement> rows() {
    return driver.findElements(By.cssSelector("#review-list li.review-item"));
  }

  static WebElement row(String eventId) {
    return driver.findElement(By.cssSelector("#review-list li[data-event-id='" + eventId + "']"));
  }

  static String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  static void waitForResult(String status, String eventId) {
    Browser.waiting(driver, 10).until(d -> {
      WebElement r = d.findElement(By.id("review-result"));
      return status.equals(r.getAttribute("data-status")) && (eventId == null
          || eventId.equals(r.getAttribute("data-event-id")));
    });
  }

  static JsonNode summary() throws Exception {
    return server.get("/api/stats/summary").json();
  }

  static String status(String eventId) throws Exception {
    return server.get("/api/events/" + eventId).json().get("status").asText();
  }

  /** Waits for the client to show the summary the API gives (the panel refreshes the figures after a decision). */
  static void waitForFigures(JsonNode api) {
    Browser.waiting(driver, 10).until(d -> Double.parseDouble(d.findElement(By.id("sum-releasedKm2"))
        .getAttribute("data-value")) == api.get("releasedKm2").asDouble());
  }

  @Test
  @Order(1)
  void onlyReviewersAndAdministratorsSeeTheQueue() throws Exception {
    openAs(null, null);
    assertFalse(driver.findElement(By.id("tab-review")).isDisplayed(), "signed out: no review tab");

    openAs(field, "field-halo (FIELD, HALO)");
    assertFalse(driver.findElement(By.id("tab-review")).isDisplayed(), "a field team does not review");
    assertFalse(panel().isDisplayed());
    driver.findElement(By.id("tab-submit")).click();
    driver.findElement(By.id("tab-submit")).sendKeys(Keys.ARROW_RIGHT);
    assertEquals("true", driver.findElement(By.id("tab-regions")).getAttribute("aria-selected"),
        "the arrow keys pass over the hidden tab");
    assertEquals(List.of(), Browser.pageErrors(driver));

    // an administrator sees the queue, read-only: the service lets reviewers alone decide
    openAs(server.adminToken, "test-admin-");
    showQueue(3);
    assertTrue(text("review-readonly").contains("need a reviewer token"));
    assertFalse(driver.findElement(By.id("review-approve-selected")).isDisplayed());
    assertTrue(driver.findElements(By.cssSelector("#review-list .review-approve")).isEmpty());
    assertTrue(driver.findElements(By.cssSelector("#review-list .review-show")).size() == 3);
    assertEquals(List.of(), Browser.pageErrors(driver));
  }

  @Test
  @Order(2)
  void aReviewerApprovesRejectsAndApprovesASelection() throws Exception {
    openAs(reviewer, "reviewer-anna (REVIEWER)");
    assertTrue(driver.findElement(By.id("tab-review")).isDisplayed());
    showQueue(3);
    assertEquals(SUBMITTED, rows().stream().map(r -> r.getAttribute("data-event-id")).toList(), "oldest first");
    assertEquals("Review (3)", text("tab-review"));
    String first = SUBMITTED.get(0);
    String second = SUBMITTED.get(1);
    String third = SUBMITTED.get(2);
    JsonNode event = server.get("/api/events/" + first).json();
    WebElement row = row(first);
    assertTrue(row.getText().contains("Non-technical survey") && row.getText().contains("1 Mar 2024"), row.getText());
    assertTrue(row.getText().contains("HALO") && row.getText().contains("NL-HALO"), row.getText());
    assertEquals("field-halo", row.findElement(By.cssSelector(".review-by")).getText());
    assertEquals(event.get("footprintKm2").asDouble(),
        Double.parseDouble(row.findElement(By.cssSelector(".review-km2")).getAttribute("data-value")));

    // the footprint on the map
    row.findElement(By.cssSelector(".review-show")).click();
    Browser.waiting(driver, 10).until(d -> first.equals(panel().getAttribute("data-shown")));
    assertEquals(Boolean.TRUE, Browser.js(driver,
        "return window.landrelease.map.getBounds().contains([arguments[0], arguments[1]])", LAT + 0.01, LON + 0.01));

    // approve: the answer's released km² is what the national figure gains
    JsonNode before = summary();
    row.findElement(By.cssSelector(".review-approve")).click();
    waitForResult("approved", first);
    double released = Double.parseDouble(driver.findElement(By.cssSelector("#review-result .review-changed"))
        .getAttribute("data-value"));
    JsonNode after = summary();
    assertTrue(released > 0, "the survey released land: " + released);
    assertEquals(before.get("releasedKm2").asDouble() + released, after.get("releasedKm2").asDouble(), 2e-6);
    assertEquals(before.get("events").asInt() + 1, after.get("events").asInt());
    assertEquals("APPROVED", status(first));
    assertTrue(driver.findElements(By.cssSelector("#review-list li[data-event-id='" + first + "']")).isEmpty());
    assertEquals("Review (2)", text("tab-review"));
    waitForFigures(after);

    // reject: a reason is required, typed in the row
    row = row(second);
    row.findElement(By.cssSelector(".review-reject")).click();
    WebElement reason = row.findElement(By.cssSelector(".review-reason-text"));
    assertEquals(reason, driver.switchTo().activeElement(), "the reason field takes the focus");
    row.findElement(By.cssSelector(".review-reject-send")).click();
    assertEquals("true", reason.getAttribute("aria-invalid"));
    assertTrue(row.getText().contains("Give a reason"), row.getText());
    assertEquals("SUBMITTED", status(second), "nothing is sent without a reason");
    String why = "Wrong village: the polygon is <Izium>, the report says Balakliia";
    reason.sendKeys(why);
    row.findElement(By.cssSelector(".review-reject-send")).click();
    waitForResult("rejected", second);
    assertTrue(text("review-result").contains(why), "the reason is shown as text: " + text("review-result"));
    assertEquals("REJECTED", status(second));
    JsonNode history = server.get("/api/events/" + second + "/history").json().get("history");
    JsonNode last = history.get(history.size() - 1);
    assertEquals("REJECTED", last.get("to").asText());
    assertEquals(why, last.get("reason").asText());
    assertEquals("reviewer-anna", last.get("by").asText());
    assertEquals(after.get("releasedKm2").asDouble(), summary().get("releasedKm2").asDouble(), 0.0,
        "a rejection changes no figure");

    // the last one through "select all / approve selected" (POST /api/reviews)
    driver.findElement(By.id("review-select-all")).click();
    assertEquals("Approve selected (1)", text("review-approve-selected"));
    driver.findElement(By.id("review-approve-selected")).click();
    waitForResult("batch", null);
    double batchReleased = Double.parseDouble(driver.findElement(By.id("review-batch-released"))
        .getAttribute("data-value"));
    JsonNode end = summary();
    assertTrue(batchReleased > 0);
    assertEquals(after.get("releasedKm2").asDouble() + batchReleased, end.get("releasedKm2").asDouble(), 2e-6);
    assertEquals("APPROVED", status(third));
    assertTrue(text("review-result").contains("Approved 1 of 1"), text("review-result"));
    Browser.waiting(driver, 10).until(d -> rows().isEmpty());
    assertEquals("No event awaits review.", text("review-status"));
    assertEquals("Review", text("tab-review"));
    waitForFigures(end);
    assertEquals(List.of(), Browser.pageErrors(driver));
    Browser.screenshot(driver, "ReviewPanelTest-approved-rejected-approved");
  }

  @Test
  @Order(3)
  void anEventDecidedBehindThePanelsBackIsSaidToBeDecidedAndNothingElseChanges() throws Exception {
    String taken = submit("CLEARANCE", "2024-06-01", TestServer.square(LON, LAT + 0.05, 0.02));
    String other = submit("CLEARANCE", "2024-06-02", TestServer.square(LON + 0.03, LAT + 0.05, 0.02));
    openAs(reviewer, "reviewer-anna (REVIEWER)");
    showQueue(2);

    // another reviewer approves it meanwhile, over HTTP
    TestServer.Response elsewhere = server.as(server.reviewerToken).post("/api/events/" + taken + "/approve", "");
    assertEquals(200, elsewhere.status(), elsewhere.body());
    JsonNode before = summary();
    row(taken).findElement(By.cssSelector(".review-approve")).click();
    waitForResult("conflict", taken);
    String said = text("review-result");
    assertTrue(said.contains("Already decided by someone else"), said);
    assertTrue(said.contains("is APPROVED, not SUBMITTED"), "the problem's detail: " + said);
    assertTrue(said.contains("It is now APPROVED, by test-reviewer-"), "who decided, from the history: " + said);
    assertTrue(driver.findElements(By.cssSelector("#review-result .review-changed")).isEmpty(), "no figure claimed");
    Browser.waiting(driver, 10).until(d -> rows().size() == 1);
    assertEquals(other, rows().get(0).getAttribute("data-event-id"), "the other event stays in the queue");
    JsonNode after = summary();
    assertEquals(before.get("releasedKm2").asDouble(), after.get("releasedKm2").asDouble(), 0.0);
    assertEquals(before.get("events").asInt(), after.get("events").asInt());
    assertEquals("APPROVED", status(taken));
    assertEquals("SUBMITTED", status(other));
    Browser.screenshot(driver, "ReviewPanelTest-already-decided");

    // the same in a batch: the refusal is listed with its problem, and the row leaves the queue
    TestServer.Response rejected = server.as(server.reviewerToken).post("/api/events/" + other + "/reject",
        "{\"reason\":\"duplicate of an earlier report\"}");
    assertEquals(200, rejected.status(), rejected.body());
    driver.findElement(By.id("review-select-all")).click();
    driver.findElement(By.id("review-approve-selected")).click();
    waitForResult("batch", null);
    String batch = driver.findElement(By.cssSelector("#review-result .review-refused")).getText();
    assertTrue(text("review-result").contains("Approved 0 of 1"), text("review-result"));
    assertTrue(batch.contains("Conflict (409)") && batch.contains("is REJECTED, not SUBMITTED"), batch);
    Browser.waiting(driver, 10).until(d -> rows().isEmpty());
    assertEquals("REJECTED", status(other));
    assertEquals(after.get("releasedKm2").asDouble(), summary().get("releasedKm2").asDouble(), 0.0);
    assertEquals(List.of(), Browser.pageErrors(driver));
  }

  @Test
  @Order(4)
  void atPhoneWidthTheQueueFitsWithoutSideScrolling() throws Exception {
    submit("TECHNICAL_SURVEY", "2024-07-01", TestServer.square(LON + 0.06, LAT + 0.05, 0.02));
    Browser.viewport(driver, 390, 844);
    openAs(reviewer, "reviewer-anna (REVIEWER)");
    showQueue(1);
    rows().get(0).findElement(By.cssSelector(".review-reject")).click();
    Number wide = Browser.js(driver,
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertEquals(0, wide.intValue(), "no horizontal scrolling at 390 px with the review tab open");
    Browser.screenshot(driver, "ReviewPanelTest-phone");
  }
}
