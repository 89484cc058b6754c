package org.landrelease.http;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.Set;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Role;
import org.landrelease.service.FundingService;
import org.landrelease.service.Permissions;
import org.landrelease.service.ReportService;

/** Figures: summary, released-by, regions. */
final class StatsResource {
  private static final String BY_VALUES = Arrays.stream(ReportService.By.values()).map(ReportService.By::param)
      .collect(Collectors.joining(", "));
  private final ReportService reports;
  private final FundingService funding;

  StatsResource(ReportService reports, FundingService funding) {
    this.reports = reports;
    this.funding = funding;
  }

  void summary(Context ctx) {
    HttpApi.allowOnly(ctx, Set.of("asOf"));
    ctx.json(reports.summary(HttpApi.dateParam(ctx, "asOf")));
  }

  void released(Context ctx) {
    HttpApi.allowOnly(ctx, Set.of("by", "from", "to"));
    String by = ctx.queryParam("by");
    if (by == null) {
      throw LedgerException.badRequest("missing-parameter", "'by' is required: " + BY_VALUES);
    }
    // the names are case-insensitive as they always were ("REGION", "landuse")
    ReportService.By group = Arrays.stream(ReportService.By.values())
        .filter(b -> b.param().equalsIgnoreCase(by)).findFirst().orElseThrow(() -> LedgerException.badRequest(
            "invalid-parameter", "'by' must be " + BY_VALUES + ", got '" + by + "'"));
    var rows = reports.released(group, HttpApi.dateParam(ctx, "from"), HttpApi.dateParam(ctx, "to"));
    if (group == ReportService.By.GRANT || group == ReportService.By.DONOR) {
      // funding figures are not public: each account sees the rows of the grants (donors) it may read
      var reader = Access.account(ctx);
      if (reader == null) {
        throw LedgerException.unauthorized("token-required", "released by " + by + " needs a bearer token");
      }
      boolean all = reader.role() == Role.ADMIN || reader.role() == Role.REVIEWER;
      rows = rows.stream().filter(r -> all || (group == ReportService.By.GRANT
          ? funding.grant(r.key()) != null && Permissions.mayRead(reader, funding.grant(r.key()))
          : Permissions.mayReadDonor(reader, r.key()))).toList();
    }
    ctx.json(rows);
  }

  void regions(Context ctx) {
    HttpApi.allowOnly(ctx, Set.of("asOf"));
    ctx.json(reports.regions(HttpApi.dateParam(ctx, "asOf")));
  }
}
