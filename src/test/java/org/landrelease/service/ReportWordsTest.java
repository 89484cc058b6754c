package org.landrelease.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.landrelease.geometry.RegionShape;

/** The words of a report document: the language's own text, else the English written in the code. */
class ReportWordsTest {
  private Translations t;
  private final List<RegionShape> regions = List.of(new RegionShape("UA-63", "Kharkiv", "Харківська область", null, 0));

  @BeforeEach
  void load() throws Exception {
    Path dir = Files.createTempDirectory("i18n");
    Files.writeString(dir.resolve("en.json"), """
        {"_meta": {"name": "English"}, "report": {"treaty": {"title": "Land release in {year} (file)"}},
         "glossary": {"cancelled": "cancelled"}}
        """);
    Files.writeString(dir.resolve("uk.json"), """
        {"_meta": {"name": "Українська"}, "report": {"treaty": {"title": "Вивільнення територій у {year} році"}},
         "glossary": {"cancelled": "скасовано"}}
        """);
    t = Translations.load(dir);
  }

  @Test
  void ukrainianTakesItsFilesTextWithPlaceholders() {
    ReportWords w = new ReportWords(t, "uk", regions);
    assertEquals("Вивільнення територій у 2024 році", w.text("treaty.title", "Land release in {year}", "year", 2024));
  }

  @Test
  void englishKeepsTheTextWrittenInTheCode() {
    ReportWords w = new ReportWords(t, "en", regions);
    assertEquals("Land release in 2024", w.text("treaty.title", "Land release in {year}", "year", 2024));
  }

  @Test
  void aKeyTheLanguageLacksIsTheEnglishOfTheCode() {
    ReportWords w = new ReportWords(t, "uk", regions);
    assertEquals("Remaining at end", w.text("remainingAtEnd", "Remaining at end"));
  }

  @Test
  void aTermTakesTheCapitalOfItsEnglishHeading() {
    ReportWords w = new ReportWords(t, "uk", regions);
    assertEquals("Скасовано", w.term("cancelled", "Cancelled"));
    assertEquals("скасовано", w.term("cancelled", "cancelled"));
  }

  @Test
  void regionNamesAreNameUkInUkrainianOnly() {
    assertEquals("Харківська область", new ReportWords(t, "uk", regions).regionName("UA-63", "Kharkiv"));
    assertEquals("Kharkiv", new ReportWords(t, "en", regions).regionName("UA-63", "Kharkiv"));
    assertEquals("Unknown", new ReportWords(t, "uk", regions).regionName("UA-99", "Unknown"));
  }

  @Test
  void theLocaleIsTheLanguages() {
    assertEquals(Locale.forLanguageTag("uk"), new ReportWords(t, "uk", regions).locale());
    assertEquals("1 234,500", String.format(new ReportWords(t, "uk", regions).locale(), "%,.3f", 1234.5)
        .replace('\u00a0', ' ').replace('\u202f', ' '));
  }
}
