package org.landrelease.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Translations over two small language files: negotiation, fallback to English, placeholders. */
class TranslationsTest {
  private Translations t;

  @BeforeEach
  void load() throws Exception {
    Path dir = Files.createTempDirectory("i18n");
    Files.writeString(dir.resolve("en.json"), """
        {"_meta": {"name": "English"},
         "problem": {"detail": {"grant": {"unknown": "no grant '{grant}'"}, "only": {"english": "English only"}},
                     "title": {"404": "Not found"}}}
        """);
    Files.writeString(dir.resolve("uk.json"), """
        {"_meta": {"name": "Українська"},
         "problem": {"detail": {"grant": {"unknown": "немає гранту '{grant}'"}}, "title": {"404": "Не знайдено"}}}
        """);
    t = Translations.load(dir);
  }

  @Test
  void languagesAreTheFilesWithTheirOwnNames() {
    assertEquals(List.of(new Translations.Language("en", "English"), new Translations.Language("uk", "Українська")),
        t.languages());
  }

  @Test
  void negotiateTakesTheFirstRangeWithAFile() {
    assertEquals("uk", t.negotiate("uk"));
    assertEquals("uk", t.negotiate("uk-UA,uk;q=0.9,en-US;q=0.8"));
    assertEquals("en", t.negotiate("en-GB"));
  }

  @Test
  void negotiateFollowsTheWeights() {
    assertEquals("uk", t.negotiate("en;q=0.4, uk;q=0.8"));
    assertEquals("en", t.negotiate("uk;q=0.4, en;q=0.8"));
    assertEquals("uk", t.negotiate("de, fr;q=0.9, uk;q=0.1"));
  }

  @Test
  void negotiateFallsBackToEnglish() {
    assertEquals("en", t.negotiate(null));
    assertEquals("en", t.negotiate(""));
    assertEquals("en", t.negotiate("de-DE, fr"));
    assertEquals("en", t.negotiate("uk;q=0"));
    assertEquals("en", t.negotiate(";;; not a language range"));
  }

  @Test
  void textFillsPlaceholders() {
    assertEquals("немає гранту 'NL-1'", t.text("uk", "problem.detail.grant.unknown", Map.of("grant", "NL-1")));
    assertEquals("no grant 'NL-1'", t.text("en", "problem.detail.grant.unknown", Map.of("grant", "NL-1")));
  }

  @Test
  void aKeyTheLanguageLacksFallsBackToEnglish() {
    assertEquals("English only", t.text("uk", "problem.detail.only.english", Map.of()));
    assertTrue(t.hasOwn("en", "problem.detail.only.english"));
    assertFalse(t.hasOwn("uk", "problem.detail.only.english"));
  }

  @Test
  void aLanguageWithoutAFileReadsEnglish() {
    assertEquals("Not found", t.text("de", "problem.title.404", Map.of()));
  }

  @Test
  void aKeyNoLanguageHasIsNull() {
    assertNull(t.text("uk", "problem.detail.nothing", Map.of()));
  }

  @Test
  void localeOfUkrainianWritesCommaDecimals() {
    assertEquals("1,5", String.format(Translations.locale("uk"), "%.1f", 1.5));
    assertEquals("1.5", String.format(Translations.locale("en"), "%.1f", 1.5));
  }
}
