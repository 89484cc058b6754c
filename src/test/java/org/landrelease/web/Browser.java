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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
    require();
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("SE_AVOID_STATS", "true");
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height, "--user-data-dir=" + profile.toAbsolutePath(), "--lang=en-GB");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
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

  /** Opens the client and waits for its first meaningful render and for the rest of the start-up. */
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
