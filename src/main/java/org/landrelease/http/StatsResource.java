package org.landrelease.http;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Set;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Role;
import org.landrelease.service.FundingService;
import org.landrelease.service.Permissions;
import org.landrelease.service.ReportService;
import org.landrelease.service.ZoneFigures;

/** Figures: summary, released-by, regions, zones. */
final class StatsResource {
  private static final String BY_VALUES = Arrays.stream(ReportService.By.values()).map(ReportService.By::param)
      .collect(Collectors.joining(", ")) + ", zone or zoneClass";
  /** The countries a figure covers (RFC 9110 field syntax: a comma-separated list). */
  static final String COUNTRIES_HEADER = "Ledger-Countries";
  private final ReportService reports;
  private final FundingService funding;
  private final ZoneFigures zones;

  StatsResource(ReportService reports, FundingService funding, ZoneFigures zones) {
    this.reports = reports;
    this.funding = funding;
    this.zones = zones;
  }

  void summary(Context ctx) {
    HttpApi.allowOnly(ctx, Set.of("asOf", "country"));
    ctx.json(reports.summary(HttpApi.dateParam(ctx, "asOf"), country(ctx)));
  }

  /** The landUse filter: a LandUse name or "unknown" (releases that recorded none); null when absent. */
  private static String landUseParam(Context ctx) {
    String v = ctx.queryParam("landUse");
    if (v == null || v.isBlank()) {
      return null;
    }
    if (v.equals(org.landrelease.domain.LandUse.UNKNOWN)) {
      return v;
    }
    try {
      return org.landrelease.domain.LandUse.valueOf(v.toUpperCase(Locale.ROOT)).name();
    } catch (IllegalArgumentException e) {
      throw LedgerException.badRequest("invalid-parameter", "'landUse' must be one of "
          + Arrays.toString(org.landrelease.domain.LandUse.values()) + " or unknown, got '" + v + "'");
    }
  }

  void released(Context ctx) throws java.sql.SQLException {
    if ("zone".equalsIgnoreCase(ctx.queryParam("by")) || "zoneClass".equalsIgnoreCase(ctx.queryParam("by"))) {
      releasedByZone(ctx);
      return;
    }
    HttpApi.allowOnly(ctx, Set.of("by", "from", "to", "landUse", "country"));
    String by = ctx.queryParam("by");
    String landUse = landUseParam(ctx);
    if (by == null) {
      throw LedgerException.badRequest("missing-parameter", "'by' is required: " + BY_VALUES);
    }
    // the names are case-insensitive as they always were ("REGION", "landuse")
    ReportService.By group = Arrays.stream(ReportService.By.values())
        .filter(b -> b.param().equalsIgnoreCase(by)).findFirst().orElseThrow(() -> LedgerException.badRequest(
            "invalid-parameter", "'by' must be " + BY_VALUES + ", got '" + by + "'"));
    var rows = reports.released(group, HttpApi.dateParam(ctx, "from"), HttpApi.dateParam(ctx, "to"), landUse,
        country(ctx));
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

  /**
   * Released per zone of a zoning, with from/to/asOf, partner and grant. A grant's figures are read by the accounts
   * that may read the grant, as by=grant.
   */
  private void releasedByZone(Context ctx) throws java.sql.SQLException {
    HttpApi.allowOnly(ctx, Set.of("by", "zoning", "from", "to", "asOf", "partner", "grant"));
    String zoning = ZoningResource.zoningParam(ctx);
    String grant = blankToNull(ctx.queryParam("grant"));
    if (grant != null) {
      var reader = Access.account(ctx);
      if (reader == null) {
        throw LedgerException.unauthorized("token-required", "released by zone of a grant needs a bearer token");
      }
      var g = funding.grant(grant);
      if (g == null || !Permissions.mayRead(reader, g)) {
        throw LedgerException.notFound("no grant '" + grant + "'");
      }
    }
    boolean byClass = "zoneClass".equalsIgnoreCase(ctx.queryParam("by"));
    var from = HttpApi.dateParam(ctx, "from");
    var to = HttpApi.dateParam(ctx, "to");
    var asOf = HttpApi.dateParam(ctx, "asOf");
    String partner = blankToNull(ctx.queryParam("partner"));
    ctx.json(byClass ? zones.releasedByClass(zoning, from, to, asOf, partner, grant)
        : zones.released(zoning, from, to, asOf, partner, grant));
  }

  /** Reported, released and remaining per zone of a zoning, as of a date: GET /api/stats/zones. */
  void zones(Context ctx) throws java.sql.SQLException {
    HttpApi.allowOnly(ctx, Set.of("zoning", "asOf"));
    ctx.json(zones.zones(ZoningResource.zoningParam(ctx), HttpApi.dateParam(ctx, "asOf")));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  void regions(Context ctx) {
    HttpApi.allowOnly(ctx, Set.of("asOf", "country"));
    ctx.json(reports.regions(HttpApi.dateParam(ctx, "asOf"), country(ctx)));
  }

  /**
   * The country parameter (null: every country), and the countries the answer covers, in the Ledger-Countries
   * header: a list of figures has no field of its own to say it.
   */
  private String country(Context ctx) {
    String country = reports.country(ctx.queryParam("country"));
    ctx.header(COUNTRIES_HEADER, country != null ? country : String.join(", ", reports.countries()));
    return country;
  }
}
