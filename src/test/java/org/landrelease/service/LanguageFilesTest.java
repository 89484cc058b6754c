package org.landrelease.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's sections of the language files (glossary, glossarySource, problem, report): the same keys in English
 * and Ukrainian with the same placeholders, the glossary's fixed key list, and a text for every problem key the
 * code names, so that no problem a person meets is left without its Ukrainian.
 */
class LanguageFilesTest {
  private static final List<String> SECTIONS = List.of("glossary.", "glossarySource.", "problem.", "report.");
  private static final List<String> GLOSSARY = List.of("landRelease", "hazardArea", "sha", "cha", "shaShort",
      "chaShort", "nonTechnicalSurvey", "technicalSurvey", "clearance", "cancelled", "reduced", "cleared", "released",
      "remaining", "reported", "hazardReport", "reversal", "donor", "partner", "grant", "region", "country", "mines",
      "cluster", "uxo", "ied", "manual", "mechanical", "mdd");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  /** A key given at a throw site: LedgerException.x(...).with("key" or Message.of("key" (a group ends in a dot). */
  private static final Pattern KEY = Pattern.compile("(?:\\)\\s*\\.with|Message\\.of)\\(\\s*\"([\\w.]+)\"");

  private static Map<String, String> file(String language) throws IOException {
    return Translations.flatten(Json.mapper().readTree(Path.of("web/i18n", language + ".json").toFile()));
  }

  private static Set<String> serverKeys(Map<String, String> texts) {
    Set<String> out = new TreeSet<>();
    texts.keySet().stream().filter(k -> SECTIONS.stream().anyMatch(k::startsWith)).forEach(out::add);
    return out;
  }

  @Test
  void englishAndUkrainianHaveTheSameServerKeys() throws IOException {
    assertEquals(serverKeys(file("en")), serverKeys(file("uk")));
  }

  @Test
  void placeholdersAreTheSameInBothLanguages() throws IOException {
    Map<String, String> en = file("en");
    Map<String, String> uk = file("uk");
    List<String> differ = new ArrayList<>();
    for (String k : serverKeys(en)) {
      if (!placeholders(en.get(k)).equals(placeholders(uk.getOrDefault(k, "")))) {
        differ.add(k);
      }
    }
    assertEquals(List.of(), differ);
  }

  private static Set<String> placeholders(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void theGlossaryHasEveryTermOfTheContractWithItsSource() throws IOException {
    for (String language : List.of("en", "uk")) {
      Map<String, String> texts = file(language);
      for (String term : GLOSSARY) {
        assertFalse(texts.getOrDefault("glossary." + term, "").isBlank(), language + " glossary." + term);
        assertFalse(texts.getOrDefault("glossarySource." + term, "").isBlank(), language + " glossarySource." + term);
      }
    }
    assertEquals("нетехнічне обстеження", file("uk").get("glossary.nonTechnicalSurvey"));
    assertEquals("технічне обстеження", file("uk").get("glossary.technicalSurvey"));
  }

  @Test
  void everyProblemKeyTheCodeNamesHasATextInBothLanguages() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = KEY.matcher(Files.readString(f));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    assertTrue(keys.size() > 80, "found only " + keys.size() + " keys: " + keys);
    Map<String, String> en = file("en");
    Map<String, String> uk = file("uk");
    List<String> missing = new ArrayList<>();
    for (String k : keys) {
      // a key that names a group (geometry.reason. + code) is checked through its members below
      if (!k.endsWith(".") && (!en.containsKey("problem.detail." + k) || !uk.containsKey("problem.detail." + k))) {
        missing.add(k);
      }
    }
    assertEquals(List.of(), missing);
    for (String reason : List.of("selfIntersection", "ringSelfIntersection", "holeOutsideShell", "nestedHoles",
        "disconnectedInterior", "nestedShells", "duplicateRings", "tooFewPoints", "invalidCoordinate",
        "ringNotClosed", "repeatedPoint", "error")) {
      assertTrue(uk.containsKey("problem.detail.geometry.reason." + reason), reason);
    }
  }
}
