package org.landrelease.web;

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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.landrelease.service.Json;
import org.landrelease.service.Translations;

/**
 * The language files checked at build time, without a browser: English and Ukrainian have the same keys (a plural
 * group counts once: Ukrainian has more forms than English), every key the client names exists in English, and a
 * Ukrainian text keeps every placeholder of its English one.
 */
class LanguageFilesTest {
  static final Path I18N = Path.of("web", "i18n");
  static final Pattern PLURAL = Pattern.compile("\\.(zero|one|two|few|many|other)$");
  // t('key'), tn('key', …), term('glossaryKey', 'key') in the modules; data-i18n="key" and data-i18n-attr in the page
  static final Pattern JS_KEY = Pattern.compile("\\b(t|tn)\\('([A-Za-z0-9_.]+)'|\\bterm\\('([A-Za-z]+)', '([A-Za-z0-9_.]+)'");
  static final Pattern HTML_KEY = Pattern.compile("data-i18n=\"([^\"]+)\"");
  static final Pattern HTML_ATTR = Pattern.compile("data-i18n-attr=\"([^\"]+)\"");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  static Map<String, String> read(String lang) throws IOException {
    return Translations.flatten(Json.mapper().readTree(I18N.resolve(lang + ".json").toFile()));
  }

  /** The keys of the sections the web client owns, a plural group (key.one, key.other…) as one key#plural. */
  static Set<String> uiKeys(Map<String, String> texts) {
    return texts.keySet().stream().filter(k -> k.startsWith("ui."))
        .map(k -> PLURAL.matcher(k).find() ? PLURAL.matcher(k).replaceFirst("#plural") : k)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyEnglishKeyIsInUkrainianAndTheReverse() throws IOException {
    Map<String, String> en = read("en");
    Map<String, String> uk = read("uk");
    Set<String> onlyEn = new TreeSet<>(uiKeys(en));
    onlyEn.removeAll(uiKeys(uk));
    Set<String> onlyUk = new TreeSet<>(uiKeys(uk));
    onlyUk.removeAll(uiKeys(en));
    assertEquals(Set.of(), onlyEn, "in en.json, missing from uk.json");
    assertEquals(Set.of(), onlyUk, "in uk.json, missing from en.json");
    // every section, not only ui: the other sections are the server's, and the rule is the same for them
    Set<String> all = new TreeSet<>(en.keySet());
    all.removeIf(k -> k.startsWith("ui.") || k.startsWith("_meta."));
    Set<String> allUk = new TreeSet<>(uk.keySet());
    allUk.removeIf(k -> k.startsWith("ui.") || k.startsWith("_meta."));
    assertEquals(all, allUk, "the glossary, problem and report sections have the same keys in both files");
    assertTrue(en.size() > 300, "the client's texts are in the file: " + en.size());
  }

  @Test
  void everyPluralGroupHasItsOtherFormAndEveryFormTheLanguageNeeds() throws IOException {
    for (String lang : List.of("en", "uk")) {
      Map<String, String> texts = read(lang);
      List<String> forms = lang.equals("en") ? List.of("one", "other") : List.of("one", "few", "many", "other");
      Set<String> groups = texts.keySet().stream().filter(k -> PLURAL.matcher(k).find())
          .map(k -> PLURAL.matcher(k).replaceFirst("")).collect(Collectors.toCollection(TreeSet::new));
      assertFalse(groups.isEmpty());
      for (String g : groups) {
        for (String form : forms) {
          assertTrue(texts.containsKey(g + "." + form), lang + ": " + g + "." + form);
        }
      }
    }
  }

  @Test
  void everyKeyTheClientUsesExistsInEnglish() throws IOException {
    Map<String, String> en = read("en");
    Set<String> used = usedKeys();
    assertTrue(used.size() > 250, "the scan finds the client's keys: " + used.size());
    List<String> missing = new ArrayList<>();
    for (String key : used) {
      boolean plural = en.containsKey(key + ".other");
      if (!en.containsKey(key) && !plural) {
        missing.add(key);
      }
    }
    assertEquals(List.of(), missing, "keys used in web/js or web/index.html with no English text");
  }

  @Test
  void aUkrainianTextKeepsEveryPlaceholderOfItsEnglishOne() throws IOException {
    Map<String, String> en = read("en");
    Map<String, String> uk = read("uk");
    List<String> lost = new ArrayList<>();
    for (Map.Entry<String, String> e : en.entrySet()) {
      // a plural form is compared with the Ukrainian forms of its group: each of them must keep the placeholders
      String group = PLURAL.matcher(e.getKey()).replaceFirst("");
      List<String> ukTexts = PLURAL.matcher(e.getKey()).find()
          ? uk.entrySet().stream().filter(u -> PLURAL.matcher(u.getKey()).replaceFirst("").equals(group))
              .map(Map.Entry::getValue).toList()
          : uk.containsKey(e.getKey()) ? List.of(uk.get(e.getKey())) : List.of();
      for (String name : placeholders(e.getValue())) {
        for (String u : ukTexts) {
          if (!placeholders(u).contains(name)) {
            lost.add(e.getKey() + ": {" + name + "} in \"" + u + "\"");
          }
        }
      }
    }
    assertEquals(List.of(), lost);
  }

  @Test
  void theUkrainianFileIsUkrainian() throws IOException {
    Map<String, String> uk = read("uk");
    Map<String, String> en = read("en");
    assertEquals("Українська", uk.get("_meta.name"));
    long same = uk.entrySet().stream().filter(e -> e.getKey().startsWith("ui."))
        .filter(e -> e.getValue().equals(en.get(e.getKey())) && e.getValue().matches(".*[a-z]{4,}.*")).count();
    // only codes and formats stay as in English (GeoJSON sample, units written alike), no untranslated sentences
    assertTrue(same <= 2, "Ukrainian texts still in English: " + same);
  }

  static Set<String> placeholders(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The keys named in the client's sources: the modules of web/js and the page. */
  static Set<String> usedKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("web", "js"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
        Matcher m = JS_KEY.matcher(Files.readString(f));
        while (m.find()) {
          keys.add(m.group(2) != null ? m.group(2) : m.group(4));
        }
      }
    }
    String page = Files.readString(Path.of("web", "index.html"));
    Matcher m = HTML_KEY.matcher(page);
    while (m.find()) {
      keys.add(m.group(1));
    }
    m = HTML_ATTR.matcher(page);
    while (m.find()) {
      for (String pair : m.group(1).split(";")) {
        keys.add(pair.split(":")[1].trim());
      }
    }
    keys.remove("_meta.name");
    return keys;
  }
}
