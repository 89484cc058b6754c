package org.landrelease.service.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.landrelease.domain.LedgerException;
import org.landrelease.files.SourceFeature;
import org.landrelease.files.SourceOptions;
import org.landrelease.service.Json;

/**
 * Which file column (or which constant) gives each field of an event. A mapping is a JSON object:
 * <pre>
 * {"type": {"const": "CLEARANCE"}, "date": {"column": "clr_date"}, "partner": {"column": "org",
 *   "values": {"HALO Trust": "HALO"}}, "grant": {"const": "NL-HALO"}, "method": {"const": "MANUAL"},
 *  "hazardTypes": {"column": "haz"}, "devicesFound": {"AP_MINE": {"column": "ap"}},
 *  "geometry": {"column": "wkt"}}
 * </pre>
 * An entry is {"column": name} or {"const": value}; "values" optionally translates file values. hazardTypes from a
 * column is split at commas, semicolons, bars or spaces; landUse (or land_use) is trimmed and upper-cased;
 * devicesFound is an object of per-type entries or {"column": c} holding a JSON object. "geometry" is for CSV only:
 * {"column": wkt} or {"lon": x, "lat": y}.
 */
public final class FieldMapping {
  static final List<String> FIELDS = List.of("type", "date", "partner", "grant", "classification", "method",
      "hazardTypes", "notes", "devicesFound", "landUse");
  private static final List<String> REQUIRED = List.of("type", "date", "partner");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One mapped field: a column (with an optional translation of its values) or a constant. */
  record Entry(String column, JsonNode constant, Map<String, JsonNode> values) {
    Entry withColumn(String c) {
      return new Entry(c, constant, values);
    }
  }

  private final Map<String, Entry> entries;
  private final Map<String, Entry> devices;
  private final SourceOptions geometry;

  private FieldMapping(Map<String, Entry> entries, Map<String, Entry> devices, SourceOptions geometry) {
    this.entries = entries;
    this.devices = devices;
    this.geometry = geometry;
  }

  /** Reads a mapping; a malformed one is a 400 saying what is wrong. */
  public static FieldMapping parse(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw invalid("the mapping must be a JSON object such as {\"type\": {\"const\": \"CLEARANCE\"}, "
          + "\"date\": {\"column\": \"clr_date\"}, ...}");
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    Map<String, Entry> devices = new LinkedHashMap<>();
    SourceOptions geometry = SourceOptions.NONE;
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      // land_use is the spelling of GIS files and forms (snake case), landUse the API's: both name the field
      String name = f.getKey().equals("land_use") ? "landUse" : f.getKey();
      if (name.equals("geometry")) {
        geometry = geometryOptions(f.getValue());
      } else if (name.equals("devicesFound") && f.getValue().isObject() && !f.getValue().has("column")
          && !f.getValue().has("const")) {
        f.getValue().fields().forEachRemaining(d -> devices.put(d.getKey(), entry("devicesFound." + d.getKey(),
            d.getValue())));
      } else if (FIELDS.contains(name)) {
        if (entries.containsKey(name)) {
          throw invalid("the mapping gives '" + name + "' twice (landUse and land_use name the same field)");
        }
        entries.put(name, entry(name, f.getValue()));
      } else {
        throw invalid("unknown mapping field '" + name + "'; the mapping may give " + FIELDS + " and geometry");
      }
    }
    for (String r : REQUIRED) {
      if (!entries.containsKey(r)) {
        throw invalid("the mapping must say where '" + r + "' comes from: {\"column\": ...} or {\"const\": ...}");
      }
    }
    return new FieldMapping(entries, devices, geometry);
  }

  private static Entry entry(String field, JsonNode v) {
    if (v.isTextual()) {
      return new Entry(v.asText(), null, Map.of()); // "date": "clr_date" is short for {"column": "clr_date"}
    }
    if (!v.isObject() || v.has("column") == v.has("const")) {
      throw invalid("mapping '" + field + "' must be {\"column\": name} or {\"const\": value}, got " + v);
    }
    for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!Set.of("column", "const", "values").contains(k)) {
        throw invalid("mapping '" + field + "' has unknown member '" + k + "'; use column, const or values");
      }
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    if (v.has("values")) {
      if (!v.get("values").isObject()) {
        throw invalid("mapping '" + field + "'.values must be an object from file value to event value");
      }
      v.get("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
    }
    if (v.has("column")) {
      if (!v.get("column").isTextual() || v.get("column").asText().isBlank()) {
        throw invalid("mapping '" + field + "'.column must be a column name");
      }
      return new Entry(v.get("column").asText(), null, values);
    }
    return new Entry(null, v.get("const"), values);
  }

  private static SourceOptions geometryOptions(JsonNode g) {
    if (g.isObject() && g.has("column") && g.size() == 1) {
      return new SourceOptions(null, null, g.get("column").asText(), null, null);
    }
    if (g.isObject() && g.has("lon") && g.has("lat") && g.size() == 2) {
      return new SourceOptions(null, null, null, g.get("lon").asText(), g.get("lat").asText());
    }
    throw invalid("mapping 'geometry' (CSV only) must be {\"column\": wktColumn} or {\"lon\": col, \"lat\": col}");
  }

  private static LedgerException invalid(String detail) {
    return LedgerException.badRequest("invalid-mapping", detail).with("transfer.invalidMapping", "reason", detail);
  }

  /** How to read the file: the CSV geometry columns of the mapping with the layer and CRS of the request. */
  public SourceOptions sourceOptions(String layer, String crs) {
    return new SourceOptions(layer, crs, geometry.wktColumn(), geometry.lonColumn(), geometry.latColumn());
  }

  /**
   * The mapping with each column matched to the file's own spelling (exactly, else ignoring case: a Shapefile's
   * DBF often has upper-case names). A column the file lacks is a 422 naming it and the columns there are.
   */
  public FieldMapping resolve(List<String> columns) {
    return new FieldMapping(resolve(entries, columns, ""), resolve(devices, columns, "devicesFound."), geometry);
  }

  private static Map<String, Entry> resolve(Map<String, Entry> in, List<String> columns, String prefix) {
    Map<String, Entry> out = new LinkedHashMap<>();
    in.forEach((field, e) -> out.put(field, e.column() == null ? e : e.withColumn(column(prefix + field, e.column(),
        columns))));
    return out;
  }

  private static String column(String field, String wanted, List<String> columns) {
    if (columns.contains(wanted)) {
      return wanted;
    }
    List<String> caseless = columns.stream().filter(c -> c.equalsIgnoreCase(wanted)).toList();
    if (caseless.size() == 1) {
      return caseless.get(0);
    }
    throw LedgerException.unprocessable("unknown-column", "mapping '" + field + "' names column '" + wanted
        + "', which the file does not have; its columns are " + columns)
            .with("transfer.unknownColumn", "field", field, "column", wanted, "columns", columns);
  }

  /** The event body of one feature: the mapped fields, the event id and the footprint (GeoJSON, lon/lat). */
  public ObjectNode body(UUID id, SourceFeature feature, JsonNode geometry) {
    ObjectNode body = NODES.objectNode();
    body.put("id", id.toString());
    for (String field : FIELDS) {
      Entry e = entries.get(field);
      JsonNode v = e == null ? null : value(e, feature);
      if (v != null) {
        body.set(field, convert(field, v, e));
      }
    }
    if (!devices.isEmpty()) {
      ObjectNode counts = NODES.objectNode();
      devices.forEach((type, e) -> {
        JsonNode v = value(e, feature);
        if (v != null) {
          counts.set(type, v.isTextual() && v.asText().matches("-?[0-9]+") ? NODES.numberNode(
              Long.parseLong(v.asText())) : v);
        }
      });
      if (!counts.isEmpty()) {
        body.set("devicesFound", counts);
      }
    }
    body.set("geometry", geometry);
    return body;
  }

  private static JsonNode value(Entry e, SourceFeature feature) {
    if (e.column() == null) {
      return e.constant() == null || e.constant().isNull() ? null : e.constant();
    }
    Object raw = feature.attributes().get(e.column());
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return null;
    }
    String text = text(raw);
    JsonNode translated = e.values().get(text);
    if (translated != null) {
      return translated.isNull() ? null : translated;
    }
    if (raw instanceof Number n && !(raw instanceof Double || raw instanceof Float)) {
      return NODES.numberNode(n.longValue());
    }
    return NODES.textNode(text);
  }

  private static String text(Object raw) {
    if (raw instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (raw instanceof java.util.Date d) {
      return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    }
    if (raw instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf(d.longValue()); // a DBF numeric column reads 12 as 12.0
    }
    return raw instanceof LocalDate ? raw.toString() : String.valueOf(raw).trim();
  }

  /** A column's value in the shape the event field takes; EventParsing then validates it like a posted event. */
  private static JsonNode convert(String field, JsonNode v, Entry e) {
    switch (field) {
      case "date" -> {
        String s = v.asText();
        // a timestamp column (2024-05-01T08:30:00Z, 2024/05/01) gives its calendar day
        if (s.matches("\\d{4}[-/]\\d{2}[-/]\\d{2}([T ].*)?")) {
          return NODES.textNode(s.substring(0, 10).replace('/', '-'));
        }
        return NODES.textNode(s);
      }
      case "hazardTypes" -> {
        if (v.isArray()) {
          return v;
        }
        ArrayNode out = NODES.arrayNode();
        for (String t : v.asText().split("[,;|\\s]+")) {
          if (!t.isEmpty()) {
            JsonNode translated = e.values().get(t);
            out.add(translated != null ? translated : NODES.textNode(t.toUpperCase(Locale.ROOT)));
          }
        }
        return out;
      }
      case "landUse" -> {
        // field forms write "Agriculture" or "agriculture": the ledger's names are upper case
        return v.isTextual() ? NODES.textNode(v.asText().strip().toUpperCase(Locale.ROOT)) : v;
      }
      case "devicesFound" -> {
        if (v.isTextual()) {
          try {
            return Json.mapper().readTree(v.asText());
          } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            return v; // EventParsing says devicesFound must be an object
          }
        }
        return v;
      }
      default -> {
        return v.isTextual() || e.column() == null ? v : NODES.textNode(v.asText());
      }
    }
  }

  /** The columns the mapping reads, for messages. */
  List<String> columns() {
    List<String> out = new ArrayList<>();
    entries.values().forEach(e -> {
      if (e.column() != null) {
        out.add(e.column());
      }
    });
    return out;
  }
}
