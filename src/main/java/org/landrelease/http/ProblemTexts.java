package org.landrelease.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.landrelease.domain.Message;
import org.landrelease.service.Translations;

/**
 * The title and detail of a problem in the reader's language: {@code problem.title.<status>} and
 * {@code problem.detail.<key>} of the language files. English answers keep the exception's own text (the one in the
 * logs and the tests); another language answers its translation when its file has the key, else the English text,
 * so a partial language file never hides a reason.
 */
final class ProblemTexts {
  static final ProblemTexts ENGLISH = new ProblemTexts(null, Translations.FALLBACK);

  private final Translations translations;
  private final String language;

  ProblemTexts(Translations translations, String language) {
    this.translations = translations;
    this.language = language;
  }

  /** The texts for this request's Accept-Language, saying so in Content-Language and Vary. */
  static ProblemTexts of(Context ctx) {
    Translations t = ctx.appData(Problems.TRANSLATIONS);
    String language = t.negotiate(ctx.header("Accept-Language"));
    answeredIn(ctx, language);
    return new ProblemTexts(t, language);
  }

  /** Says the answer's language (Content-Language) and that it depends on Accept-Language (Vary, kept if set). */
  static void answeredIn(Context ctx, String language) {
    ctx.header("Content-Language", language);
    String vary = ctx.res().getHeader("Vary");
    if (vary == null || vary.isBlank()) {
      ctx.header("Vary", "Accept-Language");
    } else if (!vary.toLowerCase(java.util.Locale.ROOT).contains("accept-language")) {
      ctx.header("Vary", vary + ", Accept-Language");
    }
  }

  String language() {
    return language;
  }

  /** {@code problem.title.<slug>} (a title of its own, such as malformed JSON), else the status's title. */
  String title(int status, String slug) {
    if (translations != null) {
      String own = translations.text(language, "problem.title." + slug, Map.of());
      if (own != null) {
        return own;
      }
      String t = translations.text(language, "problem.title." + status, Map.of());
      if (t != null) {
        return t;
      }
    }
    return Problems.titleOf(status);
  }

  String detail(String english, Message message) {
    if (message == null || translations == null || language.equals(Translations.FALLBACK)
        || !translations.hasOwn(language, "problem.detail." + message.key())) {
      return english;
    }
    return text(message);
  }

  /** An argument that is a Message (IsValidOp's reason) is translated too; a missing key shows the key. */
  private String text(Message m) {
    Map<String, Object> args = new LinkedHashMap<>();
    m.args().forEach((k, v) -> args.put(k, v instanceof Message inner ? text(inner) : v));
    String t = translations.text(language, "problem.detail." + m.key(), args);
    return t == null ? m.key() : t;
  }
}
