package org.landrelease.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import java.util.UUID;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/** API bodies of generated events: seeded UUIDs and GeoJSON polygons. */
final class WorkloadBodies {
  private WorkloadBodies() {}

  /** A version-4 UUID drawn from the seeded generator, so the same seed gives the same ids. */
  static String uuid(SplittableRandom rnd) {
    long msb = (rnd.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  static ObjectNode geometry(ObjectMapper mapper, Polygon p) {
    ObjectNode g = mapper.createObjectNode();
    g.put("type", "Polygon");
    ArrayNode ring = g.putArray("coordinates").addArray();
    for (Coordinate c : p.getExteriorRing().getCoordinates()) {
      ring.addArray().add(c.x).add(c.y);
    }
    return g;
  }
}
