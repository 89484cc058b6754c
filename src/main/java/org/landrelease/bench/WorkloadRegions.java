package org.landrelease.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landrelease.geometry.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The oblasts as the workload generator sees them: prepared boundaries, to keep hazards inside one region and events
 * inside Ukraine. They are read here, as the file has them, rather than through the service's geometry code: a change
 * there (a new snapping grid, say) must not change the workload a seed gives.
 */
final class WorkloadRegions {
  record Region(String code, Geometry geometry, PreparedGeometry prepared) {}

  private final Map<String, Region> byCode = new LinkedHashMap<>();
  private final STRtree index = new STRtree();

  private WorkloadRegions() {}

  /** Reads a FeatureCollection of Polygon and MultiPolygon features keyed by the property "code". */
  static WorkloadRegions read(Path file, ObjectMapper mapper) throws IOException {
    WorkloadRegions regions = new WorkloadRegions();
    for (JsonNode feature : mapper.readTree(file.toFile()).path("features")) {
      JsonNode geometry = feature.path("geometry");
      JsonNode coordinates = geometry.path("coordinates");
      List<Polygon> polygons = new ArrayList<>();
      if (geometry.path("type").asText().equals("Polygon")) {
        polygons.add(polygon(coordinates));
      } else {
        coordinates.forEach(p -> polygons.add(polygon(p)));
      }
      Geometry g = Geometries.FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
      Region r = new Region(feature.path("properties").path("code").asText(), g, PreparedGeometryFactory.prepare(g));
      regions.byCode.put(r.code(), r);
      regions.index.insert(g.getEnvelopeInternal(), r);
    }
    regions.index.build();
    return regions;
  }

  private static Polygon polygon(JsonNode rings) {
    LinearRing[] all = new LinearRing[rings.size()];
    for (int i = 0; i < all.length; i++) {
      JsonNode ring = rings.get(i);
      Coordinate[] cs = new Coordinate[ring.size()];
      for (int k = 0; k < cs.length; k++) {
        cs[k] = new Coordinate(ring.get(k).get(0).asDouble(), ring.get(k).get(1).asDouble());
      }
      all[i] = Geometries.FACTORY.createLinearRing(cs);
    }
    return Geometries.FACTORY.createPolygon(all[0], Arrays.copyOfRange(all, 1, all.length));
  }

  /** The bounding box of all the regions: the area the bench's synthetic zonings cover. */
  Envelope envelope() {
    Envelope e = new Envelope();
    byCode.values().forEach(r -> e.expandToInclude(r.geometry().getEnvelopeInternal()));
    return e;
  }

  Region get(String code) {
    Region r = byCode.get(code);
    if (r == null) {
      throw new IllegalArgumentException("no region " + code + " in the boundaries file");
    }
    return r;
  }

  /** Codes of the regions the geometry meets. */
  List<String> meeting(Geometry g) {
    List<String> codes = new ArrayList<>();
    for (Region r : candidates(g.getEnvelopeInternal())) {
      if (r.prepared.intersects(g)) {
        codes.add(r.code);
      }
    }
    return codes;
  }

  /** True when the geometry lies in this region and touches no other: its pieces never need a region split. */
  boolean inOnly(String code, Geometry g) {
    List<String> meeting = meeting(g);
    return meeting.size() == 1 && meeting.get(0).equals(code) && get(code).prepared.covers(g);
  }

  boolean inUkraine(double lon, double lat) {
    Coordinate c = new Coordinate(lon, lat);
    for (Region r : candidates(new Envelope(c))) {
      if (r.prepared.covers(Geometries.FACTORY.createPoint(c))) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private List<Region> candidates(Envelope env) {
    return index.query(env);
  }
}
