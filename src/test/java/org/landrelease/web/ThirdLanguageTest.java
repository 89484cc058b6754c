package org.landrelease.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landrelease.http.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A third language is one file and no code: the web client is copied as it is, a small Esperanto file
 * (src/test/resources/i18n/eo.json, a handful of ui keys) is added beside en.json and uk.json, and the switch offers
 * it, choosing it shows its texts, and the texts it lacks come in English.
 */
class ThirdLanguageTest {
  static TestServer server;
  static ChromeDriver driver;
  static Path web;

  @BeforeAll
  static void start() throws Exception {
    Browser.require();
    web = Files.createTempDirectory("web-with-eo");
    try (Stream<Path> files = Files.walk(Path.of("web"))) {
      for (Path f : files.toList()) {
        Path to = web.resolve(Path.of("web").relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.copy(Path.of("src/test/resources/i18n/eo.json"), web.resolve("i18n/eo.json"));
    server = TestServer.withWebDir(web);
    server.fund();
    driver = Browser.start(1280, 800);
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.quit(driver, server);
    try (Stream<Path> files = Files.walk(web)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static String text(String id) {
    return driver.findElement(By.id(id)).getText().trim();
  }

  @Test
  void theSwitchOffersTheNewFileAndItsTextsShowWithEnglishForTheRest() throws Exception {
    JsonNode languages = server.get("/api/languages").json();
    assertEquals("Esperanto", languages.findValuesAsText("name").get(1), languages.toString());

    Browser.openSignedOut(driver, server.base());
    List<String> offered = driver.findElements(By.cssSelector("#lang-switch button")).stream()
        .map(b -> b.getAttribute("data-lang") + ":" + b.getText()).toList();
    assertEquals(List.of("en:English", "eo:Esperanto", "uk:Українська"), offered);
    assertEquals("Land-release ledger", driver.findElement(By.cssSelector("h1")).getText());

    driver.findElement(By.cssSelector("#lang-switch button[data-lang='eo']")).click();
    Browser.waiting(driver, 20).until(d -> "eo".equals(Browser.js(d, "return document.documentElement.lang"))
        && "true".equals(Browser.js(d, "return document.documentElement.dataset.loaded")));
    // its own texts
    assertEquals("Registro de liberigo de tero", driver.findElement(By.cssSelector("h1")).getText());
    assertEquals("Regionoj", text("tab-regions"));
    assertEquals("Laŭ monato", text("tab-chart"));
    assertEquals("Ensaluti", text("signin-toggle"));
    // the texts it lacks, in English, from the static page and from the modules alike
    assertEquals("Donors", text("tab-donors"));
    assertEquals("Submit", text("tab-submit"));
    assertEquals("Region", driver.findElement(By.cssSelector("#region-table th[data-key=name]")).getText().trim());
    assertTrue(text("map-status").startsWith("Zoom in"), text("map-status"));
    // a key no file has shows as itself: a missing text never breaks the page
    assertEquals("ui.no.such.key", Browser.js(driver, "return import('/js/i18n.js').then((m) => m.t('ui.no.such.key'))"));
    assertEquals("eo", Browser.js(driver, "return window.landrelease.auth.headers()['Accept-Language']"));
    assertEquals(List.of(), Browser.pageErrors(driver));
    Browser.screenshot(driver, "ThirdLanguageTest-eo");
  }
}
