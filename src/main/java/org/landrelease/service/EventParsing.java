package org.landrelease.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.landrelease.domain.Classification;
import org.landrelease.domain.ClearanceMethod;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventType;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.LandUse;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.GeoJsonGeometry;
import org.landrelease.geometry.GeometryException;
import org.locationtech.jts.geom.Geometry;

/**
 * Maps an event body to an EventCommand. Anything malformed is a 400; a bad geometry a 422 (or 413 if too big). Here
 * in service/ so POST /api/events, the importer and the demo loader all refuse the same bodies through one parser.
 */
public final class EventParsing {
  static final int MAX_VERTICES = 100_000;
  private static final Set<String> FIELDS = Set.of("id", "type", "date", "partner", "grant", "classification",
      "hazardTypes", "method", "devicesFound", "notes", "geometry", "reverses", "reason", "landUse");
  private static final Set<String> REVERSAL_FIELDS = Set.of("id", "type", "date", "partner", "notes", "reverses",
      "reason");

  private EventParsing() {}

  public static EventCommand parse(JsonNode body, ObjectMapper mapper) {
    if (body == null || !body.isObject()) {
      throw LedgerException.badRequest("not-an-object", "an event must be a JSON object")
          .with("event.notAnObject");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw LedgerException.badRequest("unknown-field", "unknown field '" + f + "'; accepted fields are " + FIELDS)
            .with("request.unknownField", "field", f, "fields", FIELDS);
      }
    }
    UUID id = uuid(required(body, "id"));
    EventType type = enumValue(EventType.class, required(body, "type"), "type");
    // before the reversal's own fields are checked: landUse on a reversal is a 422 like on a report, not a 400
    EventRules.landUseOnReleasesOnly(type, body.has("landUse"));
    if (type == EventType.REVERSAL) {
      return reversal(body, id, mapper);
    }
    if (body.has("reverses") || body.has("reason")) {
      throw LedgerException.badRequest("reversal-only-field", "'reverses' and 'reason' belong to REVERSAL events")
          .with("event.reversalOnlyField");
    }
    LocalDate date = date(required(body, "date"));
    String partner = text(required(body, "partner"), "partner");
    String grant = body.hasNonNull("grant") ? text(body.get("grant"), "grant") : null;
    Classification classification = body.hasNonNull("classification")
        ? enumValue(Classification.class, body.get("classification"), "classification") : null;
    if (type == EventType.HAZARD_REPORT && classification == null) {
      throw LedgerException.badRequest("missing-field", "a HAZARD_REPORT needs 'classification' (SHA or CHA)")
          .with("event.classificationRequired");
    }
    Set<HazardType> hazardTypes = hazardTypes(body.get("hazardTypes"));
    ClearanceMethod method = body.hasNonNull("method")
        ? enumValue(ClearanceMethod.class, body.get("method"), "method") : null;
    if (type == EventType.CLEARANCE && method == null) {
      throw LedgerException.badRequest("missing-field",
          "a CLEARANCE needs 'method' (MANUAL, MECHANICAL, MDD or COMBINED)").with("event.methodRequired");
    }
    Map<HazardType, Integer> devices = devices(body.get("devicesFound"));
    String notes = body.hasNonNull("notes") ? text(body.get("notes"), "notes") : null;
    if (notes != null && notes.length() > 10_000) {
      throw LedgerException.badRequest("field-too-long", "'notes' is longer than 10,000 characters")
          .with("request.fieldTooLong", "field", "notes", "max", "10,000");
    }
    LandUse landUse = landUse(body.get("landUse"));
    Geometry footprint = footprint(required(body, "geometry"));
    return new EventCommand(id, type, date, partner, grant, classification, hazardTypes, method, devices, notes,
        footprint, hash(body, mapper), null, null, landUse);
  }

  /** A correction: which approved event it reverses and why. Partner, grant and footprint come from that event. */
  private static EventCommand reversal(JsonNode body, UUID id, ObjectMapper mapper) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!REVERSAL_FIELDS.contains(f)) {
        throw LedgerException.badRequest("unknown-field",
            "a REVERSAL does not take '" + f + "'; its fields are " + REVERSAL_FIELDS)
            .with("event.reversalUnknownField", "field", f, "fields", REVERSAL_FIELDS);
      }
    }
    LocalDate date = date(required(body, "date"));
    UUID reverses = uuid(required(body, "reverses"));
    String reason = text(required(body, "reason"), "reason").strip();
    if (reason.isEmpty() || reason.length() > 2000) {
      throw LedgerException.badRequest("invalid-reason", "a REVERSAL needs a 'reason' of 1 to 2,000 characters")
          .with("event.reversalReason");
    }
    String partner = body.hasNonNull("partner") ? text(body.get("partner"), "partner") : null;
    String notes = body.hasNonNull("notes") ? text(body.get("notes"), "notes") : null;
    if (notes != null && notes.length() > 10_000) {
      throw LedgerException.badRequest("field-too-long", "'notes' is longer than 10,000 characters")
          .with("request.fieldTooLong", "field", "notes", "max", "10,000");
    }
    return new EventCommand(id, EventType.REVERSAL, date, partner, null, null, null, null, null, notes, null,
        hash(body, mapper), reverses, reason, null);
  }

  static Geometry footprint(JsonNode geometry) {
    try {
      return GeoJsonGeometry.readPolygonal(geometry, MAX_VERTICES);
    } catch (GeometryException e) {
      LedgerException.Kind kind = e.tooLarge() ? LedgerException.Kind.TOO_LARGE : LedgerException.Kind.UNPROCESSABLE;
      double[] at = e.location() == null ? null : new double[] {e.location().x, e.location().y};
      LedgerException refused = new LedgerException(kind, e.tooLarge() ? "too-many-vertices" : "invalid-geometry",
          e.getMessage(), at);
      throw e.message() == null ? refused : refused.with(e.message());
    }
  }

  private static JsonNode required(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      throw LedgerException.badRequest("missing-field", "missing required field '" + field + "'")
          .with("request.missingField", "field", field);
    }
    return v;
  }

  public static String text(JsonNode v, String field) {
    if (!v.isTextual() || v.asText().isBlank()) {
      throw LedgerException.badRequest("invalid-field", "'" + field + "' must be a non-empty string")
          .with("request.notAString", "field", field);
    }
    return v.asText();
  }

  private static UUID uuid(JsonNode v) {
    String s = v.isTextual() ? v.asText() : "";
    try {
      if (s.length() != 36) {
        throw new IllegalArgumentException();
      }
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw LedgerException.badRequest("invalid-id", "'id' must be a UUID such as 3f2b8c1e-...-..., got " + v)
          .with("request.notAUuid", "field", "id", "got", v);
    }
  }

  /**
   * A list of ISO 3166-1 alpha-2 codes, as grants and accounts name their countries: absent or null is none; anything
   * but an array of two-letter codes is a 400. Lower case is accepted and upper-cased.
   */
  public static java.util.List<String> countries(JsonNode v) {
    if (v == null || v.isNull()) {
      return java.util.List.of();
    }
    if (!v.isArray()) {
      throw LedgerException.badRequest("invalid-field", "'countries' must be an array of ISO 3166-1 alpha-2 codes, "
          + "such as [\"UA\"]");
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    for (JsonNode c : v) {
      out.add(org.landrelease.domain.Country.parseCode(c.isTextual() ? c.asText() : c.toString()));
    }
    return out;
  }

  public static LocalDate date(JsonNode v) {
    try {
      return LocalDate.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw LedgerException.badRequest("invalid-date", "'date' must be an ISO date YYYY-MM-DD, got " + v)
          .with("request.notADate", "field", "date", "got", v);
    }
  }

  public static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode v, String field) {
    try {
      return Enum.valueOf(type, v.asText());
    } catch (IllegalArgumentException e) {
      throw LedgerException.badRequest("invalid-" + field, "unknown " + field + " " + v + "; expected one of "
          + EnumSet.allOf(type)).with("request.unknownValue", "field", field, "got", v, "values", EnumSet.allOf(type));
    }
  }

  /** The recorded land use; absent or null is unknown. A value outside the list is a 422 that names the list. */
  public static LandUse landUse(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return LandUse.valueOf(v.isTextual() ? v.asText() : "");
    } catch (IllegalArgumentException e) {
      throw LedgerException.unprocessable("invalid-landUse", "unknown landUse " + v + "; expected one of "
          + EnumSet.allOf(LandUse.class) + ", or no landUse when it was not recorded")
          .with("event.unknownLandUse", "got", v, "values", EnumSet.allOf(LandUse.class));
    }
  }

  private static Set<HazardType> hazardTypes(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw LedgerException.badRequest("invalid-hazardTypes", "'hazardTypes' must be an array")
          .with("request.notAnArray", "field", "hazardTypes");
    }
    Set<HazardType> out = EnumSet.noneOf(HazardType.class);
    for (JsonNode t : v) {
      out.add(enumValue(HazardType.class, t, "hazardTypes"));
    }
    return out;
  }

  private static Map<HazardType, Integer> devices(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw LedgerException.badRequest("invalid-devicesFound",
          "'devicesFound' must be an object of counts per hazard type").with("event.devicesNotAnObject");
    }
    Map<HazardType, Integer> out = new EnumMap<>(HazardType.class);
    for (var it = v.fields(); it.hasNext(); ) {
      var e = it.next();
      HazardType t = enumValue(HazardType.class, TextNode.valueOf(e.getKey()), "devicesFound");
      if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()) {
        throw LedgerException.badRequest("invalid-devicesFound", "devicesFound." + t + " must be an integer")
            .with("event.devicesNotAnInteger", "type", t);
      }
      out.put(t, e.getValue().intValue());
    }
    return out;
  }

  /** SHA-256 of the body with its keys sorted, so a replay with fields in another order is the same event. */
  static String hash(JsonNode body, ObjectMapper mapper) {
    try {
      Object canonical = mapper.treeToValue(body, Object.class);
      byte[] bytes = mapper.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
