package org.landrelease.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.Reprojection;
import org.locationtech.jts.geom.Geometry;

/**
 * A GeoJSON FeatureCollection, read as a stream one Feature at a time. RFC 7946 files are WGS84 lon/lat; a legacy
 * (2008) "crs" member naming an EPSG code is honoured.
 */
final class GeoJsonSource implements FeatureSource {
  private static final ObjectMapper MAPPER = org.landrelease.service.Json.mapper();
  /** The service's mapper, reading one feature at a time from a stream: the rest of the file follows each one. */
  private static final com.fasterxml.jackson.databind.ObjectReader FEATURE = MAPPER.reader()
      .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final Path file;
  private final List<String> columns;
  private Reprojection crs = Reprojection.WGS84;

  GeoJsonSource(Path file) throws IOException {
    this.file = file;
    Set<String> names = new LinkedHashSet<>();
    read(f -> f.path("properties").fieldNames().forEachRemaining(names::add));
    this.columns = List.copyOf(names);
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public Reprojection crs() {
    return crs;
  }

  @Override
  public void forEach(Sink sink) throws Exception {
    int[] index = {0};
    read(node -> {
      index[0]++;
      Map<String, Object> attributes = new LinkedHashMap<>();
      node.path("properties").fields().forEachRemaining(e -> attributes.put(e.getKey(), value(e.getValue())));
      JsonNode id = node.get("id");
      Geometry geometry = null;
      String problem = null;
      try {
        geometry = GeoJsonShapes.read(node.get("geometry"));
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
      sink.accept(new SourceFeature(index[0], id == null || id.isNull() ? null : id.asText(), geometry, problem,
          attributes));
    });
  }

  private interface NodeSink {
    void accept(JsonNode feature) throws Exception;
  }

  private void read(NodeSink sink) throws IOException {
    try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw FeatureSources.unreadable("GeoJSON FeatureCollection", "it does not start with a JSON object");
      }
      boolean collection = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "type" -> collection = "FeatureCollection".equals(p.getText());
          case "crs" -> crs = crsOf(FEATURE.readTree(p));
          case "features" -> features(p, sink);
          default -> p.skipChildren();
        }
      }
      if (!collection) {
        throw FeatureSources.unreadable("GeoJSON FeatureCollection", "its \"type\" is not \"FeatureCollection\"");
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw FeatureSources.unreadable("GeoJSON file", e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr());
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private static void features(JsonParser p, NodeSink sink) throws Exception {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw FeatureSources.unreadable("GeoJSON FeatureCollection", "\"features\" is not an array");
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      JsonNode feature = FEATURE.readTree(p);
      if (!"Feature".equals(feature.path("type").asText())) {
        throw FeatureSources.unreadable("GeoJSON FeatureCollection", "a member of \"features\" is not a Feature");
      }
      sink.accept(feature);
    }
  }

  private static Reprojection crsOf(JsonNode crs) {
    String name = crs.path("properties").path("name").asText("");
    if (name.isEmpty()) {
      throw LedgerException.unprocessable("unknown-crs",
          "the GeoJSON \"crs\" member has no properties.name such as urn:ogc:def:crs:EPSG::32636")
              .with("file.geoJsonCrsWithoutName");
    }
    return FeatureSources.crsNamed(name, "the GeoJSON \"crs\" member");
  }

  static Object value(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.numberValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    return v.isTextual() ? v.asText() : v.toString();
  }

  @Override
  public void close() {}
}
