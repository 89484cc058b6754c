package org.landrelease.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The texts of every language the ledger speaks, one file per language ({@code web/i18n/LANG.json}), read by the web
 * client and by the server alike: adding a language is adding a file. Keys are the dotted paths of the file's nested
 * objects; a key a language lacks falls back to English, so a partial language file still works.
 */
public final class Translations {
  public static final String FALLBACK = "en";

  /** A language on offer: its code (BCP 47 primary subtag) and its name in itself. */
  public record Language(String code, String name) {}

  private final Map<String, Map<String, String>> texts;
  private final List<Language> languages;

  private Translations(Map<String, Map<String, String>> texts, List<Language> languages) {
    this.texts = texts;
    this.languages = languages;
  }

  /** Reads every {@code *.json} of the directory; none (no web directory) leaves the English fallback texts empty. */
  public static Translations load(Path dir) {
    Map<String, Map<String, String>> texts = new LinkedHashMap<>();
    List<Language> languages = new ArrayList<>();
    if (dir != null && Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
          String code = f.getFileName().toString().replace(".json", "").toLowerCase(Locale.ROOT);
          Map<String, String> flat = flatten(Json.mapper().readTree(f.toFile()));
          texts.put(code, flat);
          languages.add(new Language(code, flat.getOrDefault("_meta.name", code)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the language files in " + dir, e);
      }
    }
    texts.putIfAbsent(FALLBACK, Map.of());
    return new Translations(texts, List.copyOf(languages));
  }

  /** The dotted keys of a language file, each to its text (objects flattened; arrays and numbers as their text). */
  public static Map<String, String> flatten(JsonNode root) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", root, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else {
      out.put(prefix, node.isTextual() ? node.asText() : node.toString());
    }
  }

  public List<Language> languages() {
    return languages;
  }

  public boolean has(String language) {
    return language != null && texts.containsKey(language.toLowerCase(Locale.ROOT));
  }

  /**
   * The language to answer in for an {@code Accept-Language} header (RFC 9110 §12.5.4): the first range by weight
   * whose primary subtag has a file; English otherwise.
   */
  public String negotiate(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return FALLBACK;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
        String primary = range.getRange().split("-")[0];
        if (range.getWeight() > 0 && has(primary)) {
          return primary;
        }
      }
    } catch (IllegalArgumentException malformed) {
      return FALLBACK;
    }
    return FALLBACK;
  }

  /** True when the language's own file has the key (not only English, its fallback). */
  public boolean hasOwn(String language, String key) {
    return language != null && texts.getOrDefault(language.toLowerCase(Locale.ROOT), Map.of()).containsKey(key);
  }

  /**
   * The text of a key in a language, with {@code {name}} placeholders filled from the arguments; the English text
   * when the language lacks the key, and {@code null} when English lacks it too (the caller keeps its own text).
   */
  public String text(String language, String key, Map<String, ?> args) {
    String t = texts.getOrDefault(language == null ? FALLBACK : language.toLowerCase(Locale.ROOT), Map.of()).get(key);
    if (t == null) {
      t = texts.get(FALLBACK).get(key);
    }
    if (t == null) {
      return null;
    }
    for (Map.Entry<String, ?> a : args.entrySet()) {
      t = t.replace("{" + a.getKey() + "}", String.valueOf(a.getValue()));
    }
    return t;
  }

  /** The Java locale of a language code, for number and date formats. */
  public static Locale locale(String language) {
    return Locale.forLanguageTag(language == null ? FALLBACK : language);
  }
}
