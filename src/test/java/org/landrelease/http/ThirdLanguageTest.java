package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A third language is one file: a copy of web/ with a test-only i18n/eo.json (a few problem keys) makes the server
 * list Esperanto and answer in it, with no code change, and in English where the file lacks a key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThirdLanguageTest {
  private TestServer server;
  private LanguageClient client;

  @BeforeAll
  void start() throws Exception {
    Path web = Files.createTempDirectory("web-eo");
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
    client = new LanguageClient(server);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void theFileIsListedAsALanguage() throws Exception {
    JsonNode languages = server.get("/api/languages").json();
    assertEquals(3, languages.size(), languages.toString());
    boolean listed = false;
    for (JsonNode l : languages) {
      listed |= l.get("code").asText().equals("eo") && l.get("name").asText().equals("Esperanto");
    }
    assertTrue(listed, languages.toString());
  }

  @Test
  void aProblemTheFileHasIsAnsweredInIt() throws Exception {
    var a = client.send("POST", "/api/events", ProblemLanguageTest.release(ProblemLanguageTest.BOW_TIE), "eo");
    assertEquals(422, a.status());
    assertEquals("eo", a.contentLanguage());
    assertEquals("Neprilaborebla enhavo", a.json().get("title").asText());
    assertEquals("nevalida Polygon: memintersekco", a.json().get("detail").asText());
    assertEquals(37.605, a.json().get("coordinate").get(0).asDouble(), 1e-9);
    var g = client.send("GET", "/api/grants/NO-SUCH", null, "eo, uk;q=0.5");
    assertEquals("ne ekzistas subvencio 'NO-SUCH'", g.json().get("detail").asText());
  }

  @Test
  void aKeyTheFileLacksFallsBackToEnglish() throws Exception {
    var a = client.send("GET", "/api/grants/NO-SUCH", null, "eo");
    assertEquals("eo", a.contentLanguage());
    // problem.title.404 is not in eo.json: English, not Ukrainian and not the key
    assertEquals("Not found", a.json().get("title").asText());
    var m = client.send("POST", "/api/events", "{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"type\":\"CLEARANCE\"}",
        "eo");
    assertEquals(400, m.status());
    assertEquals("Bad request", m.json().get("title").asText());
    assertEquals("missing required field 'date'", m.json().get("detail").asText());
  }
}
