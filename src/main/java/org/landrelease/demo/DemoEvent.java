package org.landrelease.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventType;
import org.landrelease.domain.HazardType;
import org.landrelease.service.EventParsing;

/**
 * An event of the demo scenario. It is made with its footprint; date, partner and grant are given once the order of
 * the events is known, and its id once it is written.
 */
final class DemoEvent {
  final EventType type;
  final String region;
  final ObjectNode geometry;
  final Set<HazardType> hazardTypes;
  String classification;
  String method;
  Map<HazardType, Integer> devices;
  String notes;
  /** The land's use after release (releases only), or null when the completion report did not record it. */
  String landUse;
  /** What the ledger counts for it: released by a release, added by a hazard report. */
  double releasedM2;
  double addedM2;
  LocalDate date;
  String partner;
  String grant;

  DemoEvent(EventType type, String region, ObjectNode geometry, Set<HazardType> hazardTypes) {
    this.type = type;
    this.region = region;
    this.geometry = geometry;
    this.hazardTypes = hazardTypes;
  }

  /** The API body, with an id derived from the scenario's key and the event's position in the file. */
  ObjectNode body(String idKey, int sequence, ObjectMapper mapper) {
    ObjectNode b = mapper.createObjectNode();
    b.put("id", UUID.nameUUIDFromBytes((idKey + sequence).getBytes(StandardCharsets.UTF_8)).toString());
    b.put("type", type.name());
    b.put("date", date == null ? "2023-01-01" : date.toString());
    b.put("partner", partner == null ? "SESU" : partner);
    if (grant != null) {
      b.put("grant", grant);
    }
    if (classification != null) {
      b.put("classification", classification);
    }
    if (hazardTypes != null) {
      ArrayNode types = b.putArray("hazardTypes");
      hazardTypes.forEach(t -> types.add(t.name()));
    }
    if (method != null) {
      b.put("method", method);
    }
    if (devices != null) {
      ObjectNode dev = b.putObject("devicesFound");
      devices.forEach((t, n) -> dev.put(t.name(), n));
    }
    if (notes != null) {
      b.put("notes", notes);
    }
    if (landUse != null) {
      b.put("landUse", landUse);
    }
    b.set("geometry", geometry);
    return b;
  }

  /** Parses the event with the service's own parser: the footprint exactly as the service will see it. */
  EventCommand parse(ObjectMapper mapper) {
    EventCommand cmd = EventParsing.parse(body("landrelease-demo-draft-", 0, mapper), mapper);
    if (cmd.type() != type) {
      throw new IllegalStateException("parsed type " + cmd.type());
    }
    return cmd;
  }
}
