package org.landrelease.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.landrelease.domain.Grant;
import org.landrelease.domain.GrantReporting;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.ReleaseTarget;
import org.landrelease.service.EventParsing;
import org.landrelease.service.FundingService;
import org.landrelease.service.IatiService;
import org.landrelease.service.Permissions;

/** IATI: the settings an administrator gives partners and grants, and the activities files donors read. */
final class IatiResource {
  static final String XML = "application/xml";
  static final Set<String> REPORTING_FIELDS = Set.of("iatiIdentifier", "donorOrgId", "donorActivityId", "targets");
  private final FundingService funding;
  private final IatiService iati;
  private final ObjectMapper mapper;

  IatiResource(FundingService funding, IatiService iati, ObjectMapper mapper) {
    this.funding = funding;
    this.iati = iati;
    this.mapper = mapper;
  }

  void setPartnerIati(Context ctx) throws Exception {
    JsonNode body = HttpApi.object(HttpApi.body(ctx, mapper), Set.of("iatiOrgId", "iatiOrgType"));
    ctx.json(funding.setPartnerIati(ctx.pathParam("id"), text(body, "iatiOrgId"), text(body, "iatiOrgType")));
  }

  void getReporting(Context ctx) {
    ctx.json(funding.reporting(FundingResource.readableGrant(funding, ctx).id()));
  }

  void putReporting(Context ctx) throws Exception {
    JsonNode body = HttpApi.object(HttpApi.body(ctx, mapper), REPORTING_FIELDS);
    if (funding.grant(ctx.pathParam("id")) == null) {
      throw LedgerException.notFound("no grant '" + ctx.pathParam("id") + "'")
          .with("grant.unknown", "grant", ctx.pathParam("id"));
    }
    ctx.json(funding.setReporting(reporting(ctx.pathParam("id"), body)));
  }

  /** The IATI settings in a grant's body (POST /api/grants, PUT .../reporting); absent fields are null. */
  static GrantReporting reporting(String grantId, JsonNode body) {
    List<ReleaseTarget> targets = new ArrayList<>();
    JsonNode list = body.path("targets");
    if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
      throw LedgerException.badRequest("invalid-field", "'targets' must be an array")
          .with("request.notAnArray", "field", "targets");
    }
    for (JsonNode t : list) {
      JsonNode target = HttpApi.object(t, Set.of("quarter", "outcome", "km2"));
      if (!target.path("km2").isNumber()) {
        throw LedgerException.badRequest("invalid-field", "a target's 'km2' must be a number")
            .with("iati.targetKm2NotANumber");
      }
      targets.add(new ReleaseTarget(text(target, "quarter"), text(target, "outcome"), target.get("km2").asDouble()));
    }
    return new GrantReporting(grantId, optional(body, "iatiIdentifier"), optional(body, "donorOrgId"),
        optional(body, "donorActivityId"), List.copyOf(targets));
  }

  void grantActivity(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of("from", "to"));
    var from = HttpApi.dateParam(ctx, "from");
    var to = HttpApi.dateParam(ctx, "to");
    Grant g = FundingResource.readableGrant(funding, ctx);
    ctx.contentType(XML).result(iati.activity(g, from, to, base(ctx)));
  }

  /** All of a donor's grants the caller may read, in one file; a donor account asks for its own donor only. */
  void donorActivities(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of("donor", "from", "to"));
    String donor = ctx.queryParam("donor");
    if (donor == null || donor.isBlank()) {
      throw LedgerException.badRequest("missing-parameter", "'donor' is required, e.g. donor=Netherlands")
          .with("iati.donorRequired");
    }
    var from = HttpApi.dateParam(ctx, "from");
    var to = HttpApi.dateParam(ctx, "to");
    var reader = Access.account(ctx);
    if (reader.role() == org.landrelease.domain.Role.DONOR && !Permissions.mayReadDonor(reader, donor)) {
      throw LedgerException.forbidden("other-donor", "account '" + reader.name() + "' does not read donor '"
          + donor + "'").with("access.otherDonor", "account", reader.name(), "donor", donor);
    }
    List<Grant> grants = funding.grants().stream()
        .filter(g -> g.donor().equals(donor) && Permissions.mayRead(reader, g)).toList();
    if (grants.isEmpty()) {
      throw LedgerException.notFound("no grant of donor '" + donor + "' that this account reads")
          .with("iati.noGrantOfDonor", "donor", donor);
    }
    ctx.contentType(XML).result(iati.activities(grants, from, to, base(ctx)));
  }

  void indicators(Context ctx) {
    ctx.json(IatiService.indicators().values());
  }

  /** The service's own address as the client reached it, for the links in the file. */
  private static String base(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      throw LedgerException.badRequest("missing-field", "missing required field '" + field + "'")
          .with("request.missingField", "field", field);
    }
    return EventParsing.text(v, field);
  }

  private static String optional(JsonNode body, String field) {
    return body.hasNonNull(field) ? text(body, field) : null;
  }
}
