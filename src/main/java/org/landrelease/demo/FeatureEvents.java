package org.landrelease.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The workload format shared by the demo scenario and the benchmark: newline-delimited GeoJSON, one Feature per event,
 * with the event's fields (id, type, date, partner, grant, classification, hazardTypes, method, devicesFound, notes)
 * in its properties. The same file can be replayed through this service and through a PostGIS reference.
 */
public final class FeatureEvents {
  private FeatureEvents() {}

  /** The API body of the event a Feature describes. */
  public static ObjectNode toEventBody(JsonNode feature, ObjectMapper mapper) {
    ObjectNode body = mapper.createObjectNode();
    feature.path("properties").fields().forEachRemaining(f -> body.set(f.getKey(), f.getValue()));
    // a reversal has no geometry of its own (its target's is used): its Feature's null geometry is no field
    if (feature.hasNonNull("geometry")) {
      body.set("geometry", feature.get("geometry"));
    }
    return body;
  }

  /** The Feature of an event body: the inverse of toEventBody. */
  public static ObjectNode toFeature(JsonNode body, ObjectMapper mapper) {
    ObjectNode feature = mapper.createObjectNode();
    feature.put("type", "Feature");
    ObjectNode props = feature.putObject("properties");
    body.fields().forEachRemaining(f -> {
      if (!f.getKey().equals("geometry")) {
        props.set(f.getKey(), f.getValue());
      }
    });
    feature.set("geometry", body.get("geometry"));
    return feature;
  }
}
