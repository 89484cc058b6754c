package org.landrelease.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Role;
import org.landrelease.http.TestServer;
import org.landrelease.service.Json;
import org.landrelease.service.Translations;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The web client in Ukrainian: one click on the header's switch turns the map, the panels, the donor view, the review
 * tab and the submission form Ukrainian, numbers in Ukrainian format, and a reload keeps the choice. The expected
 * texts are read from web/i18n/uk.json, so the test checks that the page shows the file's words, not a copy of them.
 * Screenshots of every view in both languages go to target/screenshots/ (en-*.png, uk-*.png).
 */
class UkrainianClientTest {
  static TestServer server;
  static ChromeDriver driver;
  static String reviewer;
  static Map<String, String> uk;
  static Map<String, String> en;
  // a group separator of Intl's Ukrainian numbers: a no-break space (U+00A0), or the narrow one (U+202F)
  static final Pattern UK_NUMBER = Pattern.compile("\\d{1,3}([\\u00a0\\u202f ]\\d{3})*,\\d+ км²");

  @BeforeAll
  static void start() throws Exception {
    Browser.require();
    server = new TestServer();
    KharkivFixture.load(server);
    reviewer = server.reviewerToken;
    // one event awaits review, so that the review tab has a row
    String field = server.token("field-halo-uk", Role.FIELD, "HALO", null);
    TestServer.Response r = server.as(field).post("/api/events", TestServer.event(UUID.randomUUID().toString(),
        "HAZARD_REPORT", "2024-07-01", "HALO", null, TestServer.square(36.9, 49.7, 0.02)));
    assertEquals(201, r.status(), r.body());
    uk = Translations.flatten(Json.mapper().readTree(Path.of("web/i18n/uk.json").toFile()));
    en = Translations.flatten(Json.mapper().readTree(Path.of("web/i18n/en.json").toFile()));
    driver = Browser.start(1280, 800);
  }

  @AfterAll
  static void stop() {
    Browser.quit(driver, server);
  }

  static String text(String id) {
    return driver.findElement(By.id(id)).getText().trim();
  }

  static void showTab(String tab) {
    Browser.click(driver, By.id(tab));
    Browser.waiting(driver, 5).until(d -> "true".equals(d.findElement(By.id(tab)).getAttribute("aria-selected")));
  }

  /** The donor view with the Netherlands' HALO grant report shown. */
  static void showGrant() {
    showTab("tab-donors");
    Browser.waiting(driver, 10).until(d -> new Select(d.findElement(By.id("donor"))).getOptions().size() > 1);
    new Select(driver.findElement(By.id("donor"))).selectByValue("Netherlands");
    new Select(driver.findElement(By.id("grant"))).selectByValue("NL-HALO");
    Browser.waiting(driver, 10).until(d -> !d.findElements(By.cssSelector("#grant-figures dd")).isEmpty());
  }

  static void showReview() {
    showTab("tab-review");
    Browser.waiting(driver, 10).until(d -> d.findElements(By.cssSelector("#review-list li.review-item")).size() == 1);
  }

  /** Every view once, a screenshot of each: map, panels (summary and regions), donor view, review tab, form. */
  static void screenshots(String lang) throws Exception {
    showTab("tab-regions");
    Browser.showMap(driver, KharkivFixture.LON + 0.1, KharkivFixture.LAT, 11, null, null);
    Browser.screenshot(driver, lang + "-map");
    Browser.js(driver, "window.landrelease.map.setView([49.0, 31.5], 6, { animate: false })");
    Browser.screenshot(driver, lang + "-panels");
    showGrant();
    Browser.screenshot(driver, lang + "-donors");
    showReview();
    Browser.screenshot(driver, lang + "-review");
    showTab("tab-submit");
    driver.findElement(By.id("f-submit")).click(); // no area: the client's own checks speak the language too
    Browser.waiting(driver, 5).until(d -> !d.findElement(By.id("f-errors")).getText().isBlank());
    Browser.screenshot(driver, lang + "-submit");
  }

  @Test
  void oneClickTurnsEveryViewUkrainianAndAReloadKeepsIt() throws Exception {
    driver.get(server.base() + "/favicon.svg");
    Browser.viewport(driver, 1280, 800);
    Browser.js(driver, "localStorage.clear(); localStorage.setItem('ledger.token', arguments[0])", reviewer);
    Browser.open(driver, server.base() + "/");
    // an English browser gets English
    assertEquals("en", Browser.js(driver, "return document.documentElement.lang"));
    assertEquals(en.get("ui.page.heading"), driver.findElement(By.cssSelector("h1")).getText());
    screenshots("en");

    // one click, on the donor view with a grant shown: the page comes back in Ukrainian on the same view
    showGrant();
    driver.findElement(By.cssSelector("#lang-switch button[data-lang='uk']")).click();
    Browser.waiting(driver, 20).until(d -> "uk".equals(Browser.js(d, "return document.documentElement.lang"))
        && "true".equals(Browser.js(d, "return document.documentElement.dataset.loaded")));
    Browser.waiting(driver, 10).until(d -> !d.findElements(By.cssSelector("#grant-figures dd")).isEmpty());
    assertEquals("true", driver.findElement(By.id("tab-donors")).getAttribute("aria-selected"), "the view is kept");
    assertEquals("NL-HALO", new Select(driver.findElement(By.id("grant"))).getFirstSelectedOption()
        .getAttribute("value"));
    assertEquals("true", driver.findElement(By.cssSelector("#lang-switch button[data-lang='uk']"))
        .getAttribute("aria-pressed"));

    // the header and the map
    assertEquals(uk.get("ui.page.heading"), driver.findElement(By.cssSelector("h1")).getText());
    assertEquals(uk.get("ui.page.title"), driver.getTitle());
    assertEquals(uk.get("ui.map.label"), driver.findElement(By.id("map")).getAttribute("aria-label"));
    assertEquals(uk.get("ui.legend.title"), driver.findElement(By.cssSelector(".lr-legend summary")).getText());
    assertEquals(uk.get("ui.map.zoomInTitle"),
        driver.findElement(By.cssSelector(".leaflet-control-zoom-in")).getAttribute("title"));
    assertEquals(uk.get("ui.signin.signOut"), text("signout"));
    String scale = driver.findElement(By.cssSelector(".leaflet-control-scale-line")).getText();
    assertTrue(scale.matches("\\d+ (км|м)"), "the scale bar's units: " + scale);
    // the summary panel and its numbers: comma decimals, space thousands
    assertEquals(uk.get("ui.summary.heading"), driver.findElement(By.cssSelector("#summary-h span")).getText());
    assertEquals(uk.get("ui.summary.events"), driver.findElement(By.cssSelector(".fig-events dt")).getText());
    String reported = text("sum-reportedKm2");
    assertTrue(UK_NUMBER.matcher(reported).matches(), reported);
    double value = Double.parseDouble(driver.findElement(By.id("sum-reportedKm2")).getAttribute("data-value"));
    assertEquals(value, Double.parseDouble(reported.replace(" км²", "").replaceAll("[\\u00a0\\u202f ]", "")
        .replace(',', '.')), 0.01, "the number shown is the figure");

    // the donor view
    assertEquals(uk.get("ui.donors.heading"), driver.findElement(By.cssSelector("#panel-donors h2")).getText());
    assertEquals(uk.get("ui.donors.regionCaption"),
        driver.findElement(By.cssSelector("#grant-report > .table-scroll table caption")).getText());
    assertTrue(text("grant-report").contains("Харківська область"), "region names in Ukrainian: " + text("grant-report"));

    // the region table, with the regions' Ukrainian names and a four-figure area grouped with a space
    showTab("tab-regions");
    assertEquals(uk.get("ui.regions.caption"), driver.findElement(By.cssSelector("#region-table caption")).getText());
    assertEquals(uk.get("ui.regions.region"), driver.findElement(By.cssSelector("#region-table th[data-key=name]"))
        .getText().trim());
    String kharkivArea = driver.findElement(By.cssSelector("#region-table tr[data-code='UA-63'] td")).getText();
    assertTrue(kharkivArea.matches("\\d{2}[\\u00a0\\u202f ]\\d{3}"), "Kharkiv's area in km²: " + kharkivArea);
    assertEquals("Харківська область",
        driver.findElement(By.cssSelector("#region-table tr[data-code='UA-63'] th")).getText());

    // the map's status line and a region popup
    Browser.showMap(driver, KharkivFixture.LON + 0.1, KharkivFixture.LAT, 11, null, null);
    assertTrue(text("map-status").startsWith(uk.get("ui.map.showing").replace(" {what}", "")), text("map-status"));
    Browser.js(driver, "window.landrelease.map.setView([49.0, 31.5], 6, { animate: false })");
    Browser.js(driver, "document.querySelector('#region-table tr[data-code=\"UA-63\"]').click()");
    Browser.waiting(driver, 10).until(d -> !d.findElements(By.cssSelector(".popup-region")).isEmpty());
    String popup = driver.findElement(By.cssSelector(".popup-region")).getText();
    assertTrue(popup.startsWith("Харківська область") && popup.contains(uk.get("ui.popup.remaining")), popup);
    Browser.closePopup(driver);

    // the review tab
    showReview();
    assertEquals(uk.get("ui.review.heading"), driver.findElement(By.cssSelector("#panel-review h2")).getText());
    assertEquals(uk.get("ui.review.approve"), driver.findElement(By.cssSelector(".review-approve")).getText());
    assertEquals(uk.get("ui.review.awaiting.one").replace("{count}", "1"), text("review-status"));
    assertEquals(uk.get("ui.review.tabN").replace("{n}", "1"), text("tab-review"));

    // the submission form, its own checks in Ukrainian
    showTab("tab-submit");
    assertEquals(uk.get("ui.form.type"), driver.findElement(By.cssSelector("label[for=f-type]")).getText());
    assertEquals(uk.get("ui.form.submit"), text("f-submit"));
    assertEquals(uk.get("ui.form.geometry.none"), text("f-geometry-status"));
    driver.findElement(By.id("f-submit")).click();
    Browser.waiting(driver, 5).until(d -> !d.findElement(By.id("f-errors")).getText().isBlank());
    assertTrue(text("f-errors").startsWith(uk.get("ui.form.correct")), text("f-errors"));
    assertTrue(text("f-errors").contains(uk.get("ui.form.error.geometry")), text("f-errors"));

    // every static text of the page is in Ukrainian: none of them is still the English one
    List<String> english = Browser.js(driver, """
        return [...document.querySelectorAll('[data-i18n]')].filter((el) => el.textContent.trim() === arguments[0][
          el.dataset.i18n] && /[a-z]{4}/.test(el.textContent)).map((el) => el.dataset.i18n);
        """, en);
    assertEquals(List.of(), english);

    // a reload remembers the language
    driver.navigate().refresh();
    Browser.waiting(driver, 20).until(d -> "true".equals(Browser.js(d, "return document.documentElement.dataset.loaded")));
    assertEquals("uk", Browser.js(driver, "return document.documentElement.lang"));
    assertEquals("uk", Browser.js(driver, "return localStorage.getItem('ledger.lang')"));
    assertEquals(uk.get("ui.page.heading"), driver.findElement(By.cssSelector("h1")).getText());
    screenshots("uk");
    assertEquals(List.of(), Browser.pageErrors(driver));
  }

  @Test
  void aSwitchKeepsAHalfFilledForm() throws Exception {
    Browser.openSignedOut(driver, server.base());
    showTab("tab-submit");
    new Select(driver.findElement(By.id("f-type"))).selectByValue("NON_TECHNICAL_SURVEY");
    driver.findElement(By.id("f-notes")).sendKeys("the north field");
    driver.findElement(By.cssSelector("#panel-submit details summary")).click();
    driver.findElement(By.id("f-paste")).sendKeys(TestServer.square(36.2, 49.9, 0.01));
    driver.findElement(By.id("f-paste-use")).click();
    Browser.waiting(driver, 5).until(d -> text("f-geometry-status").startsWith("Polygon"));

    driver.findElement(By.cssSelector("#lang-switch button[data-lang='uk']")).click();
    Browser.waiting(driver, 20).until(d -> "uk".equals(Browser.js(d, "return document.documentElement.lang"))
        && "true".equals(Browser.js(d, "return document.documentElement.dataset.loaded")));
    assertEquals("true", driver.findElement(By.id("tab-submit")).getAttribute("aria-selected"));
    assertEquals("NON_TECHNICAL_SURVEY", new Select(driver.findElement(By.id("f-type"))).getFirstSelectedOption()
        .getAttribute("value"));
    assertEquals("the north field", driver.findElement(By.id("f-notes")).getAttribute("value"));
    String status = text("f-geometry-status");
    assertTrue(status.startsWith(uk.get("ui.form.geometry.polygon")) && status.contains(uk.get("ui.form.geometry.kept")),
        status);
    assertEquals(List.of(), Browser.pageErrors(driver));
  }

  @Test
  void aFirstVisitFollowsTheBrowsersLanguage() throws Exception {
    WebDriver ukrainian = Browser.start(1280, 800, "uk");
    try {
      Browser.open(ukrainian, server.base() + "/");
      assertEquals("uk", Browser.js(ukrainian, "return document.documentElement.lang"));
      assertEquals(uk.get("ui.tabs.regions"), ukrainian.findElement(By.id("tab-regions")).getText());
      // nothing was chosen: the browser's language decided
      assertEquals(null, (Object) Browser.js(ukrainian, "return localStorage.getItem('ledger.lang')"));
      // the API calls carry the language shown
      assertEquals("uk", Browser.js(ukrainian, "return window.landrelease.auth.headers()['Accept-Language']"));
    } finally {
      Browser.quit(ukrainian);
    }
  }
}
