package org.landrelease.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landrelease.geometry.RegionShape;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The oblasts as the workload generator sees them: prepared raw boundaries, to keep hazards inside one region and
 * events inside Ukraine. Independent of the service's own region index, so the workload does not change when the
 * service's splitting does.
 */
final class WorkloadRegions {
  record Region(String code, Geometry geometry, PreparedGeometry prepared, double areaM2) {}

  private final Map<String, Region> byCode = new LinkedHashMap<>();
  private final STRtree index = new STRtree();

  WorkloadRegions(List<RegionShape> shapes) {
    for (RegionShape s : shapes) {
      Region r = new Region(s.code(), s.geometry(), PreparedGeometryFactory.prepare(s.geometry()), s.areaM2());
      byCode.put(s.code(), r);
      index.insert(s.geometry().getEnvelopeInternal(), r);
    }
    index.build();
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
      if (r.prepared.covers(org.landrelease.geometry.Geometries.FACTORY.createPoint(c))) {
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
