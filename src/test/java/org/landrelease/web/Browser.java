package org.landrelease.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven offline: the driver and browser binaries are given, so Selenium Manager never runs.
 * Without them a test is skipped, unless CI_REQUIRE_BROWSER is set: then it fails.
 */
final class Browser {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static final Map<WebDriver, Path> PROFILES = new java.util.concurrent.ConcurrentHashMap<>();

  private Browser() {}

  /** Skips (or, in CI, fails) when chromium or chromedriver is missing. */
  static void require() {
    java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String message = "the browser tests need Debian's chromium: apt-get install -y chromium chromium-driver";
    if (!present && System.getenv("CI_REQUIRE_BROWSER") != null) {
      Assertions.fail(message + " (CI_REQUIRE_BROWSER is set)");
    }
    Assumptions.assumeTrue(present, message);
  }

  static ChromeDriver start(int width, int height) throws IOException {
    return start(width, height, "en-GB");
  }

  /** A browser whose language (navigator.languages, Accept-Language) is lang, e.g. "uk". */
  static ChromeDriver start(int width, int height, String lang) throws IOException {
    require();
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("SE_AVOID_STATS", "true");
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height, "--user-data-dir=" + profile.toAbsolutePath(), "--lang=" + lang);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    if (!lang.equals("en-GB")) {
      // headless chromium takes navigator.languages from this preference rather than from --lang
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    PROFILES.put(driver, profile);
    driver.get("about:blank");
    viewport(driver, width, height);
    return driver;
  }

  /** Ends the browser and deletes its throw-away profile. */
  /** Ends a browser test class: the browser, then the service it talked to (either may be null). */
  static void quit(WebDriver driver, org.landrelease.http.TestServer server) {
    quit(driver);
    if (server != null) {
      server.close();
    }
  }

  static void quit(WebDriver driver) {
    if (driver == null) {
      return;
    }
    driver.quit();
    Path profile = PROFILES.remove(driver);
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary directory is harmless
      }
    }
  }

  /** Sizes the window so that the page itself (the viewport) is width × height CSS pixels. */
  static void viewport(WebDriver driver, int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    java.util.List<Number> inner = js(driver, "return [window.innerWidth, window.innerHeight]");
    int dw = width - inner.get(0).intValue();
    int dh = height - inner.get(1).intValue();
    if (dw != 0 || dh != 0) {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(width + dw, height + dh));
    }
  }

  static WebDriverWait waiting(WebDriver driver, int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50));
  }

  /**
   * Clicks the element once it is there, finding it again if a re-render replaced it between the find and the click
   * (lists such as the review queue redraw when their data arrives; on a loaded machine that lands in between).
   */
  static void click(WebDriver driver, By by) {
    waiting(driver, 10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      d.findElement(by).click();
      return true;
    });
  }

  /** Opens the client and waits for its first meaningful render and for the rest of the start-up. */
  /**
   * The client at base, signed out with an empty queue (the page's storage is cleared before the page starts), at
   * 1280 × 800, with the console read so that a test sees only its own messages.
   */
  static void openSignedOut(WebDriver driver, String base) {
    driver.get(base + "/favicon.svg");
    viewport(driver, 1280, 800);
    js(driver, "localStorage.clear();");
    open(driver, base + "/");
    severeLogs(driver);
  }

  static void open(WebDriver driver, String url) {
    driver.get(url);
    waiting(driver, 20).until(d -> "true".equals(js(d, "return document.documentElement.dataset.loaded")));
  }

  @SuppressWarnings("unchecked")
  static <T> T js(WebDriver driver, String script, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeScript(script, args);
  }

  static Path screenshot(WebDriver driver, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /**
   * Moves the map and waits until its detail tiles are drawn: no tile loading, and the hazards and released pieces
   * counted in the view as given (null: any number).
   */
  static void showMap(WebDriver driver, double lon, double lat, double zoom, Integer hazards, Integer releases) {
    js(driver, "window.landrelease.map.setView([arguments[1], arguments[0]], arguments[2], { animate: false })", lon,
        lat, zoom);
    waiting(driver, 15).until(d -> Boolean.TRUE.equals(js(d, """
        const m = window.landrelease.map;
        const el = m.getContainer();
        return Math.abs(m.getZoom() - arguments[0]) < 1e-9 && el.dataset.loading === 'false'
          && (arguments[1] === null || el.dataset.hazards === String(arguments[1]))
          && (arguments[2] === null || el.dataset.releases === String(arguments[2]));
        """, zoom, hazards, releases)));
  }

  /** Clicks the map at a longitude and latitude, with the mouse. */
  static void clickMap(WebDriver driver, double lon, double lat) {
    List<Number> p = js(driver, """
        const m = window.landrelease.map;
        const p = m.latLngToContainerPoint([arguments[1], arguments[0]]);
        const s = m.getSize();
        return [p.x - s.x / 2, p.y - s.y / 2];
        """, lon, lat);
    new Actions(driver).moveToElement(driver.findElement(By.id("map")), (int) Math.round(p.get(0).doubleValue()),
        (int) Math.round(p.get(1).doubleValue())).click().perform();
  }

  /** Closes the open popup with its button, and waits until it has faded out (until then it takes clicks). */
  static void closePopup(WebDriver driver) {
    // the map may still be panning the popup into view: a click then lands on the layer beneath; try again once it
    // has settled
    waiting(driver, 5).ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
      d.findElement(By.cssSelector(".leaflet-popup-close-button")).click();
      return true;
    });
    waiting(driver, 5).until(d -> d.findElements(By.cssSelector(".leaflet-popup")).isEmpty());
  }

  /**
   * The RGBA of a detail layer's own canvas ("hazards" or "releases") at a longitude and latitude, read from the tile
   * of the zoom drawn now (not the page's composite); null where that tile is not drawn.
   */
  static List<Number> tilePixel(WebDriver driver, String layer, double lon, double lat) {
    return js(driver, """
        const m = window.landrelease.map;
        const z = Math.round(m.getZoom());
        const p = m.project([arguments[2], arguments[1]], z);
        const x = Math.floor(p.x / 256);
        const y = Math.floor(p.y / 256);
        const c = document.querySelector(`.lr-tiles-${arguments[0]} canvas[data-tile="${z}/${x}/${y}"]`);
        if (!c || !c.dataset.features) return null;
        if (c.width === 0) return [0, 0, 0, 0]; // an empty tile has no pixels
        const k = c.width / 256;
        return Array.from(c.getContext('2d').getImageData(Math.floor((p.x - x * 256) * k),
          Math.floor((p.y - y * 256) * k), 1, 1).data);
        """, layer, lon, lat);
  }

  /** The paths of the tile requests the page made so far, with their query. */
  static List<String> tileRequests(WebDriver driver) {
    return js(driver, """
        return performance.getEntriesByType('resource').map((e) => new URL(e.name))
          .filter((u) => u.pathname.startsWith('/tiles/')).map((u) => u.pathname + u.search);
        """);
  }

  /** Console messages at SEVERE since the last call (reading the log empties it). */
  static List<String> severeLogs(WebDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
        .collect(Collectors.toList());
  }

  /** JavaScript errors the page itself recorded (window error and unhandledrejection events). */
  static List<Object> pageErrors(WebDriver driver) {
    return js(driver, "return (window.landrelease && window.landrelease.errors) || []");
  }
}
