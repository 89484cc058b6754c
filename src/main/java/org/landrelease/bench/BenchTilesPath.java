package org.landrelease.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The headless chromium run of bench-tiles: a fixed path over the east of Ukraine, walked twice (the first time on a
 * service just started and a new browser profile, the second with both warm) by the test class
 * org.landrelease.web.BenchTilesBrowser in a JVM of its own. Selenium is a test dependency and stays one: that JVM
 * runs on target/test-classes and the test class path mvn package writes (target/test-classpath.txt).
 */
final class BenchTilesPath {
  /** A step of the path: where the map goes, at a Leaflet zoom (256-pixel tiles). */
  record Step(String name, double lat, double lon, int zoom) {
    String argument() {
      return name + ":" + lat + "," + lon + "," + zoom;
    }
  }

  /** Ten steps at zooms 8–14 around Kharkiv, Donetsk and Zaporizhzhia: zooming in, panning, and jumping between. */
  static final List<Step> STEPS = List.of(
      new Step("Kharkiv oblast", 49.60, 36.60, 8),
      new Step("Kharkiv city", 49.99, 36.23, 10),
      new Step("Izium", 49.21, 37.26, 12),
      new Step("Izium, close", 49.20, 37.30, 14),
      new Step("pan to Sloviansk", 48.85, 37.60, 12),
      new Step("Donetsk oblast", 48.30, 37.80, 9),
      new Step("Donetsk city", 48.00, 37.80, 11),
      new Step("Kurakhove", 47.98, 37.28, 13),
      new Step("Zaporizhzhia oblast", 47.50, 35.60, 10),
      new Step("Orikhiv, close", 47.57, 35.78, 14));

  static final int PASSES = 2;
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium"), CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String MAIN_CLASS = "org.landrelease.web.BenchTilesBrowser";

  /** passes: per pass, per step, what the browser measured (settleMs, longFrames, requests...). */
  record Result(String client, double openMs, List<List<JsonNode>> passes, JsonNode pageErrors) {}

  private BenchTilesPath() {}

  /** Why the path cannot run here, or null when it can. */
  static String unavailable() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      return "no " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)";
    }
    if (!Files.isRegularFile(classPathFile()) || !Files.isRegularFile(testClasses().resolve(
        MAIN_CLASS.replace('.', '/') + ".class"))) {
      return "no test classes or " + classPathFile() + ": build with mvn package (tests may be skipped, not"
          + " -Dmaven.test.skip)";
    }
    return null;
  }

  /** Walks the path against the service at base; the browser's output goes to log, its results to json. */
  static Result run(URI base, Path jar, Path log, Path json, ObjectMapper mapper) throws Exception {
    Path classes = copyTestClasses(jar.getParent());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", String.join(java.io.File.pathSeparator, classes.toString(), jar.toString(),
            Files.readString(classPathFile(), StandardCharsets.UTF_8).trim()),
        MAIN_CLASS, base.toString(), json.toAbsolutePath().toString(), String.valueOf(PASSES)));
    STEPS.forEach(s -> command.add(s.argument()));
    Files.deleteIfExists(json);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8))) {
      StringBuilder all = new StringBuilder();
      for (String line; (line = lines.readLine()) != null; ) {
        all.append(line).append('\n');
        if (line.startsWith("  pass ")) {
          System.out.println(line);
        }
      }
      Files.writeString(log, all, StandardCharsets.UTF_8);
    }
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(json)) {
      p.destroyForcibly();
      throw new IllegalStateException("the browser run failed; see " + log);
    }
    JsonNode r = mapper.readTree(json.toFile());
    List<List<JsonNode>> passes = new ArrayList<>();
    r.path("passes").forEach(pass -> {
      List<JsonNode> steps = new ArrayList<>();
      pass.forEach(steps::add);
      passes.add(steps);
    });
    return new Result(r.path("client").asText(), r.path("openMs").asDouble(), passes, r.path("pageErrors"));
  }

  private static Path classPathFile() {
    return Path.of("target", "test-classpath.txt");
  }

  private static Path testClasses() {
    return Path.of("target", "test-classes");
  }

  /** The browser's classes, copied beside the bench's jar snapshot: target/ may be rebuilt meanwhile. */
  private static Path copyTestClasses(Path into) throws IOException {
    Path from = testClasses().resolve("org/landrelease/web");
    Path to = Files.createDirectories(into.resolve("test-classes/org/landrelease/web"));
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(f -> f.getFileName().toString().matches("(Browser|BenchTilesBrowser)(\\$.*)?\\.class"))
          .toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return into.resolve("test-classes");
  }
}
