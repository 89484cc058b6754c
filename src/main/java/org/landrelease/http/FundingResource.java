package org.landrelease.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;
import org.landrelease.domain.Grant;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Partner;
import org.landrelease.service.EventParsing;
import org.landrelease.service.FundingService;
import org.landrelease.service.GrantDocuments;
import org.landrelease.service.GrantReport;
import org.landrelease.service.IatiRules;
import org.landrelease.service.Permissions;
import org.landrelease.service.ReportService;

/** /api/partners and /api/grants, and the donor's report of one grant. */
final class FundingResource {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private final FundingService funding;
  private final ReportService reports;
  private final GrantDocuments documents;
  private final ObjectMapper mapper;

  FundingResource(FundingService funding, ReportService reports, GrantDocuments documents, ObjectMapper mapper) {
    this.funding = funding;
    this.reports = reports;
    this.documents = documents;
    this.mapper = mapper;
  }

  void listPartners(Context ctx) {
    ctx.json(funding.partners());
  }

  void createPartner(Context ctx) throws Exception {
    JsonNode body = HttpApi.object(HttpApi.body(ctx, mapper), Set.of("id", "name", "iatiOrgId", "iatiOrgType"));
    Partner p = new Partner(id(body), text(body, "name"));
    if (body.hasNonNull("iatiOrgId") || body.hasNonNull("iatiOrgType")) {
      // checked before the partner is stored, so that a refused body stores nothing
      IatiRules.checkOrgId("iatiOrgId", text(body, "iatiOrgId"));
      IatiRules.checkOrgType("iatiOrgType", text(body, "iatiOrgType"));
    }
    boolean created = funding.addPartner(p);
    Partner stored = funding.partner(p.id());
    boolean sameIati = java.util.Objects.equals(stored.iatiOrgId(), body.path("iatiOrgId").asText(null))
        && java.util.Objects.equals(stored.iatiOrgType(), body.path("iatiOrgType").asText(null));
    if (!created && body.hasNonNull("iatiOrgId") && !sameIati) {
      throw LedgerException.conflict("partner '" + p.id() + "' already exists with other IATI settings; change them "
          + "with PUT /api/partners/" + p.id() + "/iati").with("partner.otherIati", "partner", p.id());
    }
    if (created && body.hasNonNull("iatiOrgId")) {
      // IATI settings are checked and stored by the rule that PUT /api/partners/{id}/iati uses
      p = funding.setPartnerIati(p.id(), text(body, "iatiOrgId"), text(body, "iatiOrgType"));
    }
    ctx.status(created ? 201 : 200).json(funding.partner(p.id()));
  }

  /** The grants this account may read: all for reviewers and administrators, else its donor's or partner's. */
  void listGrants(Context ctx) {
    var reader = Access.account(ctx);
    ctx.json(funding.grants().stream().filter(g -> Permissions.mayRead(reader, g)).toList());
  }

  void getGrant(Context ctx) {
    ctx.json(readableGrant(ctx));
  }

  private Grant readableGrant(Context ctx) {
    return readableGrant(funding, ctx);
  }

  /** The grant of the path, if the caller may read it (the rule of the grant report: 404, 401, 403). */
  static Grant readableGrant(FundingService funding, Context ctx) {
    Grant g = funding.grant(ctx.pathParam("id"));
    if (g == null) {
      throw LedgerException.notFound("no grant '" + ctx.pathParam("id") + "'")
          .with("grant.unknown", "grant", ctx.pathParam("id"));
    }
    Permissions.requireRead(Access.account(ctx), g);
    return g;
  }

  void createGrant(Context ctx) throws Exception {
    Set<String> fields = new java.util.HashSet<>(IatiResource.REPORTING_FIELDS);
    fields.addAll(Set.of("id", "donor", "partner", "title", "amount", "currency", "start", "end", "countries"));
    JsonNode body = HttpApi.object(HttpApi.body(ctx, mapper), fields);
    BigDecimal amount = null;
    if (body.hasNonNull("amount")) {
      if (!body.get("amount").isNumber() || body.get("amount").decimalValue().signum() < 0) {
        throw LedgerException.badRequest("invalid-field", "'amount' must be a non-negative number")
            .with("grant.invalidAmount");
      }
      amount = body.get("amount").decimalValue();
    }
    String currency = body.hasNonNull("currency") ? text(body, "currency") : null;
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      throw LedgerException.badRequest("invalid-field", "'currency' must be an ISO 4217 code such as EUR")
          .with("grant.invalidCurrency");
    }
    Grant g = new Grant(id(body), text(body, "donor"), text(body, "partner"), text(body, "title"), amount, currency,
        EventParsing.date(required(body, "start")), EventParsing.date(required(body, "end")),
        EventParsing.countries(body.get("countries")));
    boolean withIati = IatiResource.REPORTING_FIELDS.stream().anyMatch(body::has);
    var reporting = withIati ? IatiResource.reporting(g.id(), body) : null;
    if (withIati && funding.grant(g.id()) == null) {
      // checked before the grant is stored, so that a refused body stores nothing
      funding.checkReporting(g, reporting);
    }
    boolean created = funding.addGrant(g);
    if (withIati) {
      if (created) {
        funding.setReporting(reporting);
      } else if (!reporting.equals(funding.reporting(g.id()))) {
        throw LedgerException.conflict("grant '" + g.id() + "' already exists with other IATI settings; change them "
            + "with PUT /api/grants/" + g.id() + "/reporting").with("grant.otherIati", "grant", g.id());
      }
    }
    // as stored: a grant that named no country was given the ledger's only one
    ctx.status(created ? 201 : 200).json(funding.grant(g.id()));
  }

  /** Replaces the countries a grant covers: {"countries": ["UA", "LB"]}. */
  void setGrantCountries(Context ctx) throws Exception {
    JsonNode body = HttpApi.object(HttpApi.body(ctx, mapper), Set.of("countries"));
    ctx.json(funding.setGrantCountries(ctx.pathParam("id"), EventParsing.countries(required(body, "countries"))));
  }

  /**
   * The grant's report over [from, to] (default: the grant's period), as JSON (the default) or as a document
   * (format=pdf or xlsx) holding the same figures. Access is checked before anything is computed.
   */
  void grantReport(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of("from", "to", "format", "lang", "country"));
    Grant grant = readableGrant(ctx);
    GrantDocuments.Format format = format(ctx.queryParam("format"));
    GrantReport report = reports.grantReport(grant.id(), HttpApi.dateParam(ctx, "from"), HttpApi.dateParam(ctx, "to"),
        reports.country(ctx.queryParam("country")));
    if (format == null) {
      ctx.json(report);
      return;
    }
    var words = DocumentLanguage.words(ctx, reports.regionShapes());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    documents.write(report, format, words, bytes);
    ctx.contentType(format.contentType)
        .header("Content-Disposition", "attachment; filename=\"" + GrantDocuments.fileName(report, format) + "\"")
        .result(bytes.toByteArray());
  }

  /** null for JSON. */
  private static GrantDocuments.Format format(String v) {
    if (v == null || v.isEmpty() || v.equals("json")) {
      return null;
    }
    return switch (v) {
      case "pdf" -> GrantDocuments.Format.PDF;
      case "xlsx" -> GrantDocuments.Format.XLSX;
      default -> throw LedgerException.badRequest("invalid-parameter",
          "'format' must be json, pdf or xlsx, got '" + v + "'")
          .with("request.parameterOneOf", "name", "format", "values", "json, pdf, xlsx", "got", v);
    };
  }


  private static JsonNode required(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      throw LedgerException.badRequest("missing-field", "missing required field '" + field + "'")
          .with("request.missingField", "field", field);
    }
    return v;
  }

  private static String text(JsonNode body, String field) {
    String s = EventParsing.text(required(body, field), field);
    if (s.length() > 500) {
      throw LedgerException.badRequest("field-too-long", "'" + field + "' is longer than 500 characters")
          .with("request.fieldTooLong", "field", field, "max", 500);
    }
    return s;
  }

  private static String id(JsonNode body) {
    String id = text(body, "id");
    if (!ID.matcher(id).matches()) {
      throw LedgerException.badRequest("invalid-id",
          "'id' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
          .with("request.invalidTextId");
    }
    return id;
  }
}
