package org.landrelease.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.landrelease.domain.Queryable;
import org.landrelease.geometry.GeoJsonGeometry;
import org.landrelease.geometry.OgcCrs;
import org.landrelease.service.FeatureService.CollectionInfo;
import org.landrelease.service.FeatureService.Feature;
import org.landrelease.service.FeatureService.Page;

/** The JSON documents of the OGC API: collection metadata, GeoJSON features and pages, queryables. */
final class OgcJson {
  static final String JSON = "application/json";
  static final String GEOJSON = "application/geo+json";
  static final String SCHEMA_JSON = "application/schema+json";
  static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";

  private static final java.util.regex.Pattern NUMERIC_ID = java.util.regex.Pattern.compile("[1-9][0-9]{0,17}");
  private final ObjectMapper mapper;

  OgcJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode link(ArrayNode links, String href, String rel, String type, String title) {
    ObjectNode l = links.addObject();
    l.put("href", href);
    l.put("rel", rel);
    l.put("type", type);
    if (title != null) {
      l.put("title", title);
    }
    return l;
  }

  ObjectNode collection(String base, CollectionInfo c) {
    ObjectNode n = mapper.createObjectNode();
    n.put("id", c.id());
    n.put("title", c.title());
    n.put("description", c.description());
    n.put("itemType", "feature");
    ArrayNode links = n.putArray("links");
    String self = base + "/ogc/collections/" + c.id();
    link(links, self, "self", JSON, "this collection");
    link(links, self + "/items", "items", GEOJSON, c.title() + " as GeoJSON");
    link(links, self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", SCHEMA_JSON,
        "properties to filter on");
    ObjectNode extent = n.putObject("extent");
    if (c.bbox() != null) {
      ObjectNode spatial = extent.putObject("spatial");
      spatial.putArray("bbox").addArray().add(c.bbox().getMinX()).add(c.bbox().getMinY()).add(c.bbox().getMaxX())
          .add(c.bbox().getMaxY());
      spatial.put("crs", OgcCrs.CRS84.uri());
    }
    if (c.first() != null) {
      ObjectNode temporal = extent.putObject("temporal");
      temporal.putArray("interval").addArray().add(c.first() + "T00:00:00Z").add(c.last() + "T23:59:59Z");
      temporal.put("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
    }
    ArrayNode crs = n.putArray("crs");
    OgcCrs.uris().forEach(crs::add);
    n.put("storageCrs", OgcCrs.CRS84.uri());
    return n;
  }

  /** A page of features as a GeoJSON FeatureCollection, written as it goes. */
  byte[] page(Page page, String self, String next, String itemBase) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(4096, page.features().size() * 2048));
    try (JsonGenerator out = mapper.getFactory().createGenerator(buffer)) {
      out.writeStartObject();
      out.writeStringField("type", "FeatureCollection");
      out.writeStringField("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      out.writeNumberField("numberMatched", page.numberMatched());
      out.writeNumberField("numberReturned", page.features().size());
      out.writeArrayFieldStart("links");
      writeLink(out, self, "self", GEOJSON);
      if (next != null) {
        writeLink(out, next, "next", GEOJSON);
      }
      out.writeEndArray();
      out.writeArrayFieldStart("features");
      for (Feature f : page.features()) {
        feature(out, f, null);
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    return buffer.toByteArray();
  }

  byte[] feature(Feature f, String self, String collection) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    try (JsonGenerator out = mapper.getFactory().createGenerator(buffer)) {
      feature(out, f, List.of(self, collection));
    }
    return buffer.toByteArray();
  }

  private static void feature(JsonGenerator out, Feature f, List<String> links) throws IOException {
    out.writeStartObject();
    out.writeStringField("type", "Feature");
    if (NUMERIC_ID.matcher(f.id()).matches()) {
      // hazards and released pieces have integer ids: GDAL and QGIS then use them as the feature id (FID)
      out.writeNumberField("id", Long.parseLong(f.id()));
    } else {
      out.writeStringField("id", f.id());
    }
    if (links != null) {
      out.writeArrayFieldStart("links");
      writeLink(out, links.get(0), "self", GEOJSON);
      writeLink(out, links.get(1), "collection", JSON);
      out.writeEndArray();
    }
    out.writeFieldName("geometry");
    if (f.geometry() == null) {
      out.writeNull();
    } else {
      GeoJsonGeometry.write(f.geometry(), out);
    }
    out.writeObjectFieldStart("properties");
    for (Map.Entry<String, Object> p : f.properties().entrySet()) {
      Object v = p.getValue();
      if (v == null) {
        out.writeNullField(p.getKey());
      } else if (v instanceof Double d) {
        out.writeNumberField(p.getKey(), d);
      } else if (v instanceof Long l) {
        out.writeNumberField(p.getKey(), l);
      } else if (v instanceof LocalDate d) {
        out.writeStringField(p.getKey(), d.toString());
      } else {
        out.writeStringField(p.getKey(), v.toString());
      }
    }
    out.writeEndObject();
    out.writeEndObject();
  }

  private static void writeLink(JsonGenerator out, String href, String rel, String type) throws IOException {
    out.writeStartObject();
    out.writeStringField("href", href);
    out.writeStringField("rel", rel);
    out.writeStringField("type", type);
    out.writeEndObject();
  }

  /** The queryables as a JSON Schema (draft 2019-09), with the geometry as a spatial queryable. */
  ObjectNode queryables(String self, String title, List<Queryable> queryables) {
    ObjectNode n = mapper.createObjectNode();
    n.put("$schema", "https://json-schema.org/draft/2019-09/schema");
    n.put("$id", self);
    n.put("type", "object");
    n.put("title", title);
    ObjectNode props = n.putObject("properties");
    ObjectNode geometry = props.putObject("geometry");
    geometry.put("title", "geometry");
    geometry.put("description", "polygon or multipolygon; S_INTERSECTS(geometry, <WKT or BBOX(...)>)");
    geometry.put("format", "geometry-any");
    geometry.put("x-ogc-role", "primary-geometry");
    for (Queryable q : queryables) {
      ObjectNode p = props.putObject(q.name());
      p.put("title", q.name());
      p.put("description", q.description());
      switch (q.type()) {
        case STRING -> p.put("type", "string");
        case NUMBER -> p.put("type", "number");
        case INTEGER -> p.put("type", "integer");
        case DATE -> p.put("type", "string").put("format", "date");
      }
    }
    n.put("additionalProperties", false);
    return n;
  }
}
