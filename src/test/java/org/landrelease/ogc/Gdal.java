package org.landrelease.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs Debian's GDAL command-line tools; skips the test when they are missing, unless CI_REQUIRE_GDAL=1. */
public final class Gdal {
  static final String OGRINFO = "/usr/bin/ogrinfo";
  static final String OGR2OGR = "/usr/bin/ogr2ogr";

  private Gdal() {}

  public static void require() {
    boolean present = new File(OGRINFO).canExecute() && new File(OGR2OGR).canExecute();
    if (!present && "1".equals(System.getenv("CI_REQUIRE_GDAL"))) {
      fail(OGRINFO + " or " + OGR2OGR + " is missing and CI_REQUIRE_GDAL=1: apt-get install gdal-bin");
    }
    Assumptions.assumeTrue(present, "GDAL tests skipped: " + OGRINFO + " is missing (apt-get install gdal-bin)");
  }

  /** Runs a tool to its end (at most two minutes) and returns what it printed; a failure fails the test. */
  public static String run(String... command) throws Exception {
    List<String> args = new ArrayList<>(List.of(command));
    ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
    pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", args) + " did not finish in two minutes");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), String.join(" ", args) + "\n" + text);
    return text;
  }
}
