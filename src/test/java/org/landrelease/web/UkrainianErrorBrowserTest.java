package org.landrelease.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Role;
import org.landrelease.http.TestServer;
import org.landrelease.service.Json;
import org.landrelease.service.Translations;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A bad polygon submitted through the form in Ukrainian shows the service's problem as the service wrote it for
 * Accept-Language: uk, in Cyrillic. The client only passes the language on and shows the title and detail it gets;
 * the server's translation of problems is the other half (the server part of issue 13).
 */
class UkrainianErrorBrowserTest {
  static final String BOW_TIE = "{\"type\":\"Polygon\",\"coordinates\":[[[36.0,48.0],[36.1,48.1],[36.1,48.0],"
      + "[36.0,48.1],[36.0,48.0]]]}";
  static TestServer server;
  static ChromeDriver driver;
  static String field;

  @BeforeAll
  static void start() throws Exception {
    Browser.require();
    server = new TestServer();
    server.fund();
    field = server.token("field-halo", Role.FIELD, "HALO", null);
    driver = Browser.start(1280, 800);
  }

  @AfterAll
  static void stop() {
    Browser.quit(driver, server);
  }

  static String text(String id) {
    return driver.findElement(By.id(id)).getText().trim();
  }

  @Test
  void aSelfIntersectingPolygonShowsTheServersUkrainianProblem() throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    // the same refusal, asked for over HTTP in Ukrainian
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.base() + "/api/events"))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("Accept-Language", "uk").header("Authorization", "Bearer " + field)
        .POST(HttpRequest.BodyPublishers.ofString(TestServer.event(UUID.randomUUID().toString(), "HAZARD_REPORT",
            today, "HALO", null, BOW_TIE))).build();
    JsonNode expected = server.send(request).json();
    assertEquals(422, expected.get("status").asInt(), expected.toString());

    driver.get(server.base() + "/favicon.svg");
    Browser.viewport(driver, 1280, 800);
    Browser.js(driver, "localStorage.clear(); localStorage.setItem('ledger.token', arguments[0]);"
        + " localStorage.setItem('ledger.lang', 'uk')", field);
    Browser.open(driver, server.base() + "/");
    assertEquals("uk", Browser.js(driver, "return document.documentElement.lang"));
    Browser.click(driver, By.id("tab-submit"));
    new Select(driver.findElement(By.id("f-type"))).selectByValue("HAZARD_REPORT");
    Browser.waiting(driver, 10).until(d -> new Select(d.findElement(By.id("f-partner"))).getOptions().size() > 1);
    new Select(driver.findElement(By.id("f-partner"))).selectByValue("HALO");
    driver.findElement(By.cssSelector("#f-paste")).findElement(By.xpath("..")).findElement(By.tagName("summary"))
        .click();
    driver.findElement(By.id("f-paste")).sendKeys(BOW_TIE);
    driver.findElement(By.id("f-paste-use")).click();
    Map<String, String> uk = Translations.flatten(Json.mapper().readTree(Path.of("web/i18n/uk.json").toFile()));
    Browser.waiting(driver, 5).until(d -> text("f-geometry-status").startsWith(uk.get("ui.form.geometry.polygon")));
    driver.findElement(By.id("f-submit")).click();
    Browser.waiting(driver, 10).until(d -> "422".equals(d.findElement(By.id("submit-result"))
        .getAttribute("data-status")));

    String title = driver.findElement(By.cssSelector("#submit-result h3")).getText();
    String detail = text("problem-detail");
    assertEquals(uk.get("ui.result.refused").replace("{title}", expected.get("title").asText())
        .replace("{status}", "422"), title);
    assertEquals(expected.get("detail").asText(), detail);
    Browser.screenshot(driver, "uk-problem");
    // the server wrote them in Ukrainian
    assertTrue(expected.get("title").asText().matches(".*\\p{IsCyrillic}.*"), "title: " + expected.get("title"));
    assertTrue(detail.matches("(?s).*\\p{IsCyrillic}.*"), "detail: " + detail);
  }
}
