package org.landrelease.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventResult;
import org.landrelease.domain.EventStatus;
import org.landrelease.domain.EventType;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.StoredEvent;
import org.landrelease.geometry.GeoJsonGeometry;
import org.landrelease.service.Applied;
import org.landrelease.service.EventChange;
import org.landrelease.service.EventParsing;
import org.landrelease.service.Km2;
import org.landrelease.service.LedgerService;
import org.landrelease.service.MapService;

/** /api/events: post one event or a batch from an offline tablet, list and read them. */
final class EventResource {
  static final int MAX_BATCH = 1000;
  private final LedgerService ledger;
  private final MapService map;
  private final ObjectMapper mapper;
  private final org.landrelease.service.ZoningService zonings;
  private final CountryParam country;

  EventResource(LedgerService ledger, MapService map, ObjectMapper mapper,
      org.landrelease.service.ZoningService zonings, CountryParam country) {
    this.ledger = ledger;
    this.map = map;
    this.mapper = mapper;
    this.zonings = zonings;
    this.country = country;
  }

  void post(Context ctx) throws Exception {
    EventCommand cmd = EventParsing.parse(HttpApi.body(ctx, mapper), mapper);
    Applied applied = ledger.submit(cmd, Access.account(ctx));
    ctx.status(applied.created() ? 201 : 200).json(applied.result());
  }

  /** Each event of the batch is submitted on its own, in order; one refused event does not block the others. */
  void postBatch(Context ctx) throws Exception {
    JsonNode body = HttpApi.body(ctx, mapper);
    if (!body.isArray()) {
      throw LedgerException.badRequest("not-an-array", "a batch must be a JSON array of events")
          .with("event.batchNotAnArray");
    }
    if (body.size() > MAX_BATCH) {
      throw new LedgerException(LedgerException.Kind.TOO_LARGE, "batch-too-large",
          "a batch holds at most " + MAX_BATCH + " events, got " + body.size(), null)
          .with("event.batchTooLarge", "max", MAX_BATCH, "got", body.size());
    }
    ArrayNode results = mapper.createArrayNode();
    int created = 0, replayed = 0, refused = 0;
    // each item is read first; the well-formed ones are submitted together, in order, by the ledger
    List<EventCommand> valid = new ArrayList<>();
    List<ObjectNode> validOut = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      JsonNode item = body.get(i);
      ObjectNode out = results.addObject();
      out.put("index", i);
      if (item.hasNonNull("id")) {
        out.set("id", item.get("id"));
      }
      try {
        valid.add(EventParsing.parse(item, mapper));
        validOut.add(out);
      } catch (LedgerException e) {
        Problems.refusal(mapper, out, e, ctx);
        refused++;
      }
    }
    List<LedgerService.Submitted> submitted = ledger.submitAll(valid, Access.account(ctx));
    for (int i = 0; i < submitted.size(); i++) {
      ObjectNode out = validOut.get(i);
      LedgerService.Submitted s = submitted.get(i);
      if (s.refusal() != null) {
        Problems.refusal(mapper, out, s.refusal(), ctx);
        refused++;
        continue;
      }
      out.put("status", s.applied().created() ? 201 : 200);
      out.set("result", mapper.valueToTree(s.applied().result()));
      if (s.applied().created()) {
        created++;
      } else {
        replayed++;
      }
    }
    ObjectNode response = mapper.createObjectNode();
    response.put("created", created).put("replayed", replayed).put("refused", refused);
    response.set("results", results);
    ctx.status(200).json(response);
  }

  void list(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of("type", "status", "partner", "grant", "region", "zoning", "zone", "from", "to",
        "limit", "cursor", CountryParam.NAME));
    String typeParam = ctx.queryParam("type");
    EventType type = typeParam == null ? null
        : EventParsing.enumValue(EventType.class, mapper.getNodeFactory().textNode(typeParam), "type");
    String statusParam = ctx.queryParam("status");
    EventStatus status = statusParam == null ? null
        : EventParsing.enumValue(EventStatus.class, mapper.getNodeFactory().textNode(statusParam), "status");
    int limit = HttpApi.intParam(ctx, "limit", 100, 1, 1000);
    long cursor = HttpApi.intParam(ctx, "cursor", 0, 0, Integer.MAX_VALUE);
    var zone = zonings == null ? null : zonings.zoneShape(ctx.queryParam("zoning"), ctx.queryParam("zone"));
    List<StoredEvent> page = map.events(type, ctx.queryParam("partner"), ctx.queryParam("grant"),
        ctx.queryParam("region"), zone, country.of(ctx), HttpApi.dateParam(ctx, "from"), HttpApi.dateParam(ctx, "to"), status,
        Access.account(ctx), cursor, limit);
    ObjectNode response = mapper.createObjectNode();
    ArrayNode items = response.putArray("events");
    for (StoredEvent e : page) {
      items.add(describe(e));
    }
    if (page.size() == limit) {
      response.put("nextCursor", String.valueOf(page.get(page.size() - 1).sequence()));
    }
    ctx.json(response);
  }

  void get(Context ctx) throws Exception {
    UUID id = eventId(ctx);
    StoredEvent event = map.event(id, Access.account(ctx)).orElseThrow(() -> LedgerException.notFound("no event " + id)
        .with("event.unknown", "id", id));
    EventResult result = ledger.result(id).orElseThrow();
    ObjectNode out = describe(event);
    ObjectNode r = mapper.valueToTree(result);
    r.fields().forEachRemaining(f -> out.set(f.getKey(), f.getValue()));
    ByteArrayOutputStream geo = new ByteArrayOutputStream();
    try (var gen = mapper.getFactory().createGenerator(geo)) {
      GeoJsonGeometry.write(event.command().footprint(), gen);
    }
    out.set("geometry", mapper.readTree(geo.toByteArray()));
    ctx.json(out);
  }

  static UUID eventId(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw LedgerException.badRequest("invalid-id", "'" + ctx.pathParam("id") + "' is not a UUID")
          .with("request.idNotAUuid", "got", ctx.pathParam("id"));
    }
  }

  private ObjectNode describe(StoredEvent e) {
    EventCommand c = e.command();
    ObjectNode o = mapper.createObjectNode();
    o.put("id", c.id().toString());
    o.put("sequence", e.sequence());
    o.put("type", c.type().name());
    o.put("status", e.status().name());
    o.put("submittedBy", e.submittedBy());
    o.put("date", c.date().toString());
    o.put("partner", c.partner());
    if (c.grant() != null) {
      o.put("grant", c.grant());
    }
    if (c.classification() != null) {
      o.put("classification", c.classification().name());
    }
    if (c.hazardTypes() != null && !c.hazardTypes().isEmpty()) {
      ArrayNode t = o.putArray("hazardTypes");
      c.hazardTypes().forEach(h -> t.add(h.name()));
    }
    if (c.method() != null) {
      o.put("method", c.method().name());
    }
    if (c.devicesFound() != null) {
      o.set("devicesFound", mapper.valueToTree(c.devicesFound()));
    }
    if (c.notes() != null) {
      o.put("notes", c.notes());
    }
    if (c.landUse() != null) {
      o.put("landUse", c.landUse().name());
    }
    ArrayNode regions = o.putArray("regions");
    for (String code : e.regions().split(",")) {
      if (!code.isEmpty()) {
        regions.add(code);
      }
    }
    if (c.reverses() != null) {
      o.put("reverses", c.reverses().toString());
      o.put("reason", c.reason());
    }
    o.put("footprintKm2", Km2.of(e.footprintM2()));
    Double changedKm2 = EventChange.changedKm2(e);
    if (changedKm2 != null) {
      o.put(EventChange.figure(c.type()), changedKm2);
      Double outsideM2 = EventChange.outsideM2(e);
      if (outsideM2 != null) {
        o.put("outsideContaminationKm2", Km2.of(outsideM2));
      }
      o.put("countedOn", e.countedOn().toString());
    }
    o.put("recordedAt", e.recordedAt().toString());
    if (e.decidedAt() != null) {
      o.put("decidedAt", e.decidedAt().toString());
    }
    return o;
  }
}
