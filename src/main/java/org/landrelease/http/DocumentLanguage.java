package org.landrelease.http;

import io.javalin.http.Context;
import java.util.List;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.RegionShape;
import org.landrelease.service.ReportWords;
import org.landrelease.service.Translations;

/**
 * The language of a report document: {@code lang=} if given (one of the language files), else the request's
 * Accept-Language, else English. The answer says it in Content-Language.
 */
final class DocumentLanguage {
  private DocumentLanguage() {}

  static ReportWords words(Context ctx, List<RegionShape> regions) {
    Translations t = ctx.appData(Problems.TRANSLATIONS);
    String lang = ctx.queryParam("lang");
    String language;
    if (lang == null || lang.isBlank()) {
      language = t.negotiate(ctx.header("Accept-Language"));
    } else if (t.has(lang.strip())) {
      language = lang.strip().toLowerCase(java.util.Locale.ROOT);
    } else {
      List<String> codes = t.languages().stream().map(Translations.Language::code).toList();
      throw LedgerException.badRequest("invalid-parameter", "'lang' must be one of " + codes + ", got '" + lang + "'")
          .with("request.parameterOneOf", "name", "lang", "values", codes, "got", lang);
    }
    ProblemTexts.answeredIn(ctx, language);
    return new ReportWords(t, language, regions);
  }
}
