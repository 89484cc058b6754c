package org.landrelease.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import org.landrelease.domain.LedgerException;
import org.landrelease.service.ReportService;

/** Figures: summary, released-by, regions. */
final class StatsResource {
  private final ReportService reports;

  StatsResource(ReportService reports) {
    this.reports = reports;
  }

  void summary(Context ctx) {
    HttpApi.allowOnly(ctx, Set.of("asOf"));
    ctx.json(reports.summary(HttpApi.dateParam(ctx, "asOf")));
  }

  void released(Context ctx) {
    HttpApi.allowOnly(ctx, Set.of("by", "from", "to"));
    String by = ctx.queryParam("by");
    if (by == null) {
      throw LedgerException.badRequest("missing-parameter",
          "'by' is required: region, partner, grant, donor, type or month");
    }
    ReportService.By group;
    try {
      group = ReportService.By.valueOf(by.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw LedgerException.badRequest("invalid-parameter",
          "'by' must be region, partner, grant, donor, type or month, got '" + by + "'");
    }
    ctx.json(reports.released(group, HttpApi.dateParam(ctx, "from"), HttpApi.dateParam(ctx, "to")));
  }

  void regions(Context ctx) {
    HttpApi.allowOnly(ctx, Set.of("asOf"));
    ctx.json(reports.regions(HttpApi.dateParam(ctx, "asOf")));
  }
}
