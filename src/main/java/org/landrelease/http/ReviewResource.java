package org.landrelease.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.landrelease.domain.Account;
import org.landrelease.domain.EventResult;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.StoredEvent;
import org.landrelease.domain.Transition;
import org.landrelease.service.EventParsing;
import org.landrelease.service.LedgerService;
import org.landrelease.service.MapService;

/** The approval workflow: approve, reject or withdraw a submitted event, a reviewer's batch, and an event's history. */
final class ReviewResource {
  private final LedgerService ledger;
  private final MapService map;
  private final ObjectMapper mapper;

  ReviewResource(LedgerService ledger, MapService map, ObjectMapper mapper) {
    this.ledger = ledger;
    this.map = map;
    this.mapper = mapper;
  }

  void approve(Context ctx) throws Exception {
    UUID id = EventResource.eventId(ctx);
    ctx.json(ledger.approve(id, Access.account(ctx), reason(ctx, false)));
  }

  void reject(Context ctx) throws Exception {
    UUID id = EventResource.eventId(ctx);
    ctx.json(ledger.reject(id, Access.account(ctx), reason(ctx, true)));
  }

  void withdraw(Context ctx) throws Exception {
    UUID id = EventResource.eventId(ctx);
    ctx.json(ledger.withdraw(id, Access.account(ctx), reason(ctx, false)));
  }

  /**
   * A reviewer's decisions on many events, taken one after the other in the order given (approval order is ledger
   * order); one refused decision does not stop the others. Body: {"decisions":[{"event":id,"decision":"APPROVE"|
   * "REJECT","reason":"..."}]}.
   */
  void decideBatch(Context ctx) throws Exception {
    JsonNode body = HttpApi.object(HttpApi.body(ctx, mapper), Set.of("decisions"));
    JsonNode decisions = body.get("decisions");
    if (decisions == null || !decisions.isArray()) {
      throw LedgerException.badRequest("missing-field", "'decisions' must be an array")
          .with("request.notAnArray", "field", "decisions");
    }
    if (decisions.size() > EventResource.MAX_BATCH) {
      throw new LedgerException(LedgerException.Kind.TOO_LARGE, "batch-too-large",
          "a review batch holds at most " + EventResource.MAX_BATCH + " decisions, got " + decisions.size(), null)
          .with("review.batchTooLarge", "max", EventResource.MAX_BATCH, "got", decisions.size());
    }
    Account reviewer = Access.account(ctx);
    ArrayNode results = mapper.createArrayNode();
    // each item is read first; the well-formed ones are decided together, in order, by the ledger
    List<LedgerService.Decision> valid = new ArrayList<>();
    List<ObjectNode> validOut = new ArrayList<>();
    int approved = 0, rejected = 0, refused = 0;
    for (int i = 0; i < decisions.size(); i++) {
      ObjectNode out = results.addObject();
      out.put("index", i);
      try {
        JsonNode d = HttpApi.object(decisions.get(i), Set.of("event", "decision", "reason"));
        UUID id = uuid(d.get("event"));
        out.put("event", id.toString());
        String decision = d.path("decision").asText("");
        String reason = d.hasNonNull("reason") ? EventParsing.text(d.get("reason"), "reason") : null;
        if (!decision.equals("APPROVE") && !decision.equals("REJECT")) {
          throw LedgerException.badRequest("invalid-decision",
              "'decision' must be APPROVE or REJECT, got '" + decision + "'")
              .with("review.invalidDecision", "got", decision);
        }
        valid.add(new LedgerService.Decision(id, decision.equals("REJECT"), reason));
        validOut.add(out);
      } catch (LedgerException e) {
        Problems.refusal(mapper, out, e, ctx);
        refused++;
      }
    }
    List<LedgerService.Decided> decided = ledger.decideAll(valid, reviewer);
    for (int i = 0; i < decided.size(); i++) {
      ObjectNode out = validOut.get(i);
      LedgerService.Decided d = decided.get(i);
      if (d.refusal() != null) {
        Problems.refusal(mapper, out, d.refusal(), ctx);
        refused++;
      } else {
        out.put("status", 200);
        out.set("result", mapper.valueToTree(d.result()));
        if (valid.get(i).reject()) {
          rejected++;
        } else {
          approved++;
        }
      }
    }
    ObjectNode response = mapper.createObjectNode();
    response.put("approved", approved).put("rejected", rejected).put("refused", refused);
    response.set("results", results);
    ctx.json(response);
  }

  /** Every status change of the event: who, when and why. Visible to whoever may see the event. */
  void history(Context ctx) throws Exception {
    UUID id = EventResource.eventId(ctx);
    StoredEvent event = map.event(id, Access.account(ctx))
        .orElseThrow(() -> LedgerException.notFound("no event " + id).with("event.unknown", "id", id));
    ObjectNode out = mapper.createObjectNode();
    out.put("id", id.toString());
    out.put("status", event.status().name());
    ArrayNode items = out.putArray("history");
    for (Transition t : ledger.history(event.sequence())) {
      ObjectNode o = items.addObject();
      if (t.from() != null) {
        o.put("from", t.from().name());
      }
      o.put("to", t.to().name());
      o.put("by", t.actor());
      o.put("at", t.at().toString());
      if (t.reason() != null) {
        o.put("reason", t.reason());
      }
    }
    ctx.json(out);
  }

  /** The optional (or, for a rejection, required) reason of a decision, from a small JSON body. */
  private String reason(Context ctx, boolean required) throws Exception {
    byte[] bytes = ctx.bodyAsBytes();
    String reason = null;
    if (bytes.length > 0) {
      JsonNode body = HttpApi.object(mapper.readTree(bytes), Set.of("reason"));
      reason = body.hasNonNull("reason") ? EventParsing.text(body.get("reason"), "reason").strip() : null;
    }
    if (reason != null && reason.length() > 2000) {
      throw LedgerException.badRequest("field-too-long", "'reason' is longer than 2,000 characters")
          .with("request.fieldTooLong", "field", "reason", "max", "2,000");
    }
    if (required && (reason == null || reason.isEmpty())) {
      throw LedgerException.badRequest("reason-required",
          "a rejection needs a body {\"reason\": \"...\"} the field team can act on").with("review.reasonRequired");
    }
    return reason;
  }


  private static UUID uuid(JsonNode v) {
    if (v == null || !v.isTextual()) {
      throw LedgerException.badRequest("missing-field", "each decision needs the 'event' id")
          .with("review.eventRequired");
    }
    try {
      return UUID.fromString(v.asText());
    } catch (IllegalArgumentException e) {
      throw LedgerException.badRequest("invalid-id", "'" + v.asText() + "' is not a UUID")
          .with("request.idNotAUuid", "got", v.asText());
    }
  }
}
