package org.landrelease.http;

import io.javalin.http.Context;
import org.landrelease.service.ReportService;

/**
 * The `country` query parameter of lists, layers, exports and reports, read one way everywhere: absent is every
 * country; a code that is not two letters is a 400, a country the ledger does not hold a 404
 * (ReportService.country). The answer names the countries it covers in the Ledger-Countries header, as figures do.
 */
final class CountryParam {
  static final String NAME = "country";
  private final ReportService reports;

  CountryParam(ReportService reports) {
    this.reports = reports;
  }

  /** The country asked for (null: every country); sets the Ledger-Countries header. */
  String of(Context ctx) {
    String country = reports.country(ctx.queryParam(NAME));
    ctx.header(StatsResource.COUNTRIES_HEADER, country != null ? country : String.join(", ", reports.countries()));
    return country;
  }
}
