package org.landrelease.service;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landrelease.geometry.RegionShape;

/**
 * The words of a report document in one language: headings and labels from {@code report.*}, IMAS terms from
 * {@code glossary.*}, region names from the boundary file's {@code name_uk} in Ukrainian, and the locale the PDF
 * formats numbers and dates in. English keeps the texts written here (the documents' tests read them); another
 * language answers its file's text where it has one, else the English, so a partial file still gives a document.
 */
public final class ReportWords {
  private static final String UKRAINIAN = "uk";

  private final Translations translations;
  private final String language;
  private final Map<String, String> localRegionNames = new HashMap<>();

  public ReportWords(Translations translations, String language, List<RegionShape> regions) {
    this.translations = translations;
    this.language = language == null ? Translations.FALLBACK : language;
    if (this.language.equals(UKRAINIAN)) {
      for (RegionShape r : regions) {
        if (r.nameUk() != null && !r.nameUk().isBlank()) {
          localRegionNames.put(r.code(), r.nameUk());
        }
      }
    }
  }

  public static ReportWords english() {
    return new ReportWords(null, Translations.FALLBACK, List.of());
  }

  public String language() {
    return language;
  }

  /** The locale of numbers and dates in the PDF (uk: comma decimals, a space between thousands). */
  public Locale locale() {
    return Translations.locale(language);
  }

  /** {@code report.<key>} in the language, else the English given here; {name} placeholders from the arguments. */
  public String text(String key, String english, Object... namesAndValues) {
    return own("report." + key, english, namesAndValues);
  }

  /**
   * An IMAS term ({@code glossary.<key>}), else the English given here. The glossary writes terms in lower case; a
   * heading given in English with a capital ("Cancelled") gets its capital in the other language too.
   */
  public String term(String key, String english) {
    String t = own("glossary." + key, english);
    boolean capital = !english.isEmpty() && Character.isUpperCase(english.charAt(0));
    return capital && !t.isEmpty() ? t.substring(0, 1).toUpperCase(locale()) + t.substring(1) : t;
  }

  /** A region's name in the language: name_uk in Ukrainian where the boundary file has one. */
  public String regionName(String code, String name) {
    return localRegionNames.getOrDefault(code, name);
  }

  private String own(String key, String english, Object... namesAndValues) {
    Map<String, Object> args = new HashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      args.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    if (translations != null && !language.equals(Translations.FALLBACK) && translations.hasOwn(language, key)) {
      return translations.text(language, key, args);
    }
    String t = english;
    for (Map.Entry<String, Object> a : args.entrySet()) {
      t = t.replace("{" + a.getKey() + "}", String.valueOf(a.getValue()));
    }
    return t;
  }
}
