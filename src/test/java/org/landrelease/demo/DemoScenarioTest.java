package org.landrelease.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landrelease.service.Json;

/**
 * The committed second country's scenario (data/demo/countries/LB) is what the generator makes: deterministic, through
 * the same code as Ukraine's (whose 9,037 events take minutes to draw, too long for a test).
 */
class DemoScenarioTest {
  private static final Path COMMITTED = Path.of("data/demo/countries/LB");

  @Test
  void lebanonIsGeneratedAgainByteForByte(@TempDir Path out) throws Exception {
    DemoScenario.main(new String[] {"--country", "LB", "--out", out.toString()});
    Path made = out.resolve("countries/LB");
    assertArrayEquals(Files.readAllBytes(COMMITTED.resolve(DemoLoader.EVENTS_FILE)),
        Files.readAllBytes(made.resolve(DemoLoader.EVENTS_FILE)));
    ObjectNode committed = (ObjectNode) Json.mapper().readTree(COMMITTED.resolve(DemoLoader.FUNDING_FILE).toFile());
    ObjectNode generated = (ObjectNode) Json.mapper().readTree(made.resolve(DemoLoader.FUNDING_FILE).toFile());
    // the regions file is named relative to the scenario's directory: the same file from both
    String committedRegions = ((ObjectNode) committed.get("country")).remove("regions").asText();
    String generatedRegions = ((ObjectNode) generated.get("country")).remove("regions").asText();
    assertEquals(COMMITTED.resolve(committedRegions).toRealPath(), made.resolve(generatedRegions).toRealPath());
    assertEquals(committed, generated);
  }
}
