package org.landrelease.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.LedgerException;
import org.landrelease.service.LandReleaseReport;
import org.landrelease.service.ReportWords;
import org.landrelease.service.TreatyDocuments;
import org.landrelease.service.TreatyReport;
import org.landrelease.service.TreatyView;

/** GET /api/reports/land-release: the treaty land-release report of a year, as JSON, CSV, XLSX or PDF. */
final class ReportResource {
  /** The formats and their media types; format= wins over Accept. */
  enum Format {
    JSON("application/json"), CSV("text/csv; charset=utf-8"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), PDF("application/pdf");

    final String mediaType;

    Format(String mediaType) {
      this.mediaType = mediaType;
    }
  }

  private final TreatyReport treaty;
  private final CountryParam country;

  ReportResource(TreatyReport treaty, CountryParam country) {
    this.treaty = treaty;
    this.country = country;
  }

  void landRelease(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of("year", "region", "zoning", "hazardTypes", "view", "format", "lang",
        CountryParam.NAME));
    Format format = format(ctx);
    TreatyReport.Request request = new TreatyReport.Request(year(ctx.queryParam("year")),
        blankToNull(ctx.queryParam("region")), hazardTypes(ctx.queryParam("hazardTypes")), views(ctx.queryParam("view")),
        blankToNull(ctx.queryParam("zoning")), country.of(ctx));
    LandReleaseReport report = treaty.report(request);
    if (format == Format.JSON) {
      ctx.json(report);
      return;
    }
    ReportWords words = DocumentLanguage.words(ctx, treaty.regionShapes());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    switch (format) {
      case CSV -> TreatyDocuments.csv(report, words, bytes);
      case XLSX -> TreatyDocuments.xlsx(report, words, bytes);
      default -> TreatyDocuments.pdf(report, words, bytes);
    }
    String file = "land-release-" + report.year() + (report.country() == null ? "" : "-" + report.country())
        + (report.region() == null ? "" : "-" + report.region()) + "."
        + format.name().toLowerCase(Locale.ROOT);
    ctx.contentType(format.mediaType);
    ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    ctx.result(bytes.toByteArray());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static int year(String v) {
    if (v == null || v.isBlank()) {
      throw LedgerException.badRequest("missing-parameter", "'year' is required: a calendar year such as 2024")
          .with("report.yearRequired");
    }
    if (!v.matches("\\d{4}")) {
      throw LedgerException.badRequest("invalid-parameter", "'year' must be a calendar year such as 2024, got '"
          + v + "'").with("report.yearInvalid", "got", v);
    }
    return Integer.parseInt(v);
  }

  static Set<HazardType> hazardTypes(String v) {
    Set<HazardType> out = EnumSet.noneOf(HazardType.class);
    if (v == null || v.isBlank()) {
      return out;
    }
    for (String s : v.split(",")) {
      try {
        out.add(HazardType.valueOf(s.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw LedgerException.badRequest("invalid-parameter", "'hazardTypes' must list hazard types of "
            + List.of(HazardType.values()) + ", got '" + s.strip() + "'")
            .with("request.parameterOneOf", "name", "hazardTypes", "values", List.of(HazardType.values()),
                "got", s.strip());
      }
    }
    return out;
  }

  /** One view, or all three (in the order all, apmbc, ccm) when none is asked for. */
  static List<TreatyView> views(String v) {
    if (v == null || v.isBlank()) {
      return List.of(TreatyView.values());
    }
    for (TreatyView view : TreatyView.values()) {
      if (view.label().equals(v.strip().toLowerCase(Locale.ROOT))) {
        return List.of(view);
      }
    }
    List<String> names = new ArrayList<>();
    for (TreatyView view : TreatyView.values()) {
      names.add(view.label());
    }
    throw LedgerException.badRequest("invalid-parameter", "'view' must be one of " + names + ", got '" + v + "'")
        .with("request.parameterOneOf", "name", "view", "values", names, "got", v);
  }

  /** format= if given, else the first of the Accept header's types that is one of ours, else JSON. */
  static Format format(Context ctx) {
    String f = ctx.queryParam("format");
    if (f != null && !f.isBlank()) {
      try {
        return Format.valueOf(f.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw LedgerException.badRequest("invalid-parameter", "'format' must be json, csv, xlsx or pdf, got '" + f
            + "'").with("request.parameterOneOf", "name", "format", "values", "json, csv, xlsx, pdf", "got", f);
      }
    }
    String accept = ctx.header("Accept");
    if (accept != null) {
      for (String part : accept.split(",")) {
        String type = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
        for (Format format : Format.values()) {
          if (format.mediaType.startsWith(type) && !type.isEmpty() && !type.contains("*")) {
            return format;
          }
        }
      }
    }
    return Format.JSON;
  }
}
