package org.landrelease.geometry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Splits pieces of land by region. The regions are cut on a grid into small cells, so that each piece is tested
 * against a few small, prepared polygons instead of whole oblasts of a thousand vertices; within each cell the parts
 * are made disjoint (a sliver claimed by two neighbours is given to the first).
 */
public final class RegionIndex {
  /**
   * Residue below this is noise, not land outside the regions: each vertex where a piece crosses a cell edge is
   * snapped to the 1 mm grid, which moves area by up to (edge length × 0.5 mm) / 2.
   */
  static final double RESIDUE_M2 = 1.0;
  static final double RESIDUE_RELATIVE = 1e-8;
  /** The code of land outside every region. */
  public static final String UNASSIGNED = "unassigned";

  private record Cell(String code, Geometry geometry, PreparedGeometry prepared, Envelope envelope) {}

  private final List<RegionShape> regions;
  /** Each code's place in the region order (the first, if a code is given twice), for touching()'s sort. */
  private final Map<String, Integer> order = new java.util.HashMap<>();
  private final STRtree cells = new STRtree();
  private final int cellCount;

  public RegionIndex(List<RegionShape> regions, double cellDegrees) {
    this.regions = List.copyOf(regions);
    for (int i = 0; i < this.regions.size(); i++) {
      order.putIfAbsent(this.regions.get(i).code(), i);
    }
    // cell key -> the parts of each region in that cell, in region order
    Map<Long, List<Cell>> byCell = new java.util.HashMap<>();
    for (RegionShape region : regions) {
      cutIntoCells(region.code(), region.geometry(), cellDegrees, byCell);
    }
    int count = 0;
    for (List<Cell> parts : byCell.values()) {
      for (Cell cell : disjoint(parts)) {
        cells.insert(cell.envelope, cell);
        count++;
      }
    }
    cells.build();
    cellCount = count;
  }

  private static void cutIntoCells(String code, Geometry region, double size, Map<Long, List<Cell>> byCell) {
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(region);
    Envelope env = region.getEnvelopeInternal();
    long x0 = (long) Math.floor(env.getMinX() / size);
    long y0 = (long) Math.floor(env.getMinY() / size);
    for (long i = x0; i * size < env.getMaxX(); i++) {
      for (long j = y0; j * size < env.getMaxY(); j++) {
        Envelope box = new Envelope(i * size, (i + 1) * size, j * size, (j + 1) * size);
        Geometry rect = Geometries.FACTORY.toGeometry(box);
        if (!prepared.intersects(rect)) {
          continue;
        }
        Geometry part = prepared.covers(rect) ? rect : Overlay.intersection(region, rect);
        if (!part.isEmpty()) {
          byCell.computeIfAbsent(i * 100_000 + j, k -> new ArrayList<>()).add(cell(code, part));
        }
      }
    }
  }

  private static Cell cell(String code, Geometry part) {
    return new Cell(code, part, PreparedGeometryFactory.prepare(part), part.getEnvelopeInternal());
  }

  /** Where neighbouring boundaries overlap, the land goes to the region listed first, so no land counts twice. */
  private static List<Cell> disjoint(List<Cell> parts) {
    List<Cell> out = new ArrayList<>(parts.size());
    for (Cell part : parts) {
      Geometry own = part.geometry;
      for (Cell earlier : out) {
        if (earlier.envelope.intersects(own.getEnvelopeInternal()) && earlier.prepared.intersects(own)) {
          own = Overlay.difference(own, earlier.geometry);
        }
      }
      if (!own.isEmpty()) {
        out.add(own == part.geometry ? part : cell(part.code, own));
      }
    }
    return out;
  }

  public List<RegionShape> regions() {
    return regions;
  }

  public int cellCount() {
    return cellCount;
  }

  @SuppressWarnings("unchecked")
  private List<Cell> candidates(Envelope env) {
    return cells.query(env);
  }

  /** Codes of the regions the geometry intersects, in region order. */
  public List<String> touching(Geometry g) {
    Envelope env = g.getEnvelopeInternal();
    List<String> codes = new ArrayList<>();
    for (Cell cell : candidates(env)) {
      if (!codes.contains(cell.code) && cell.envelope.intersects(env) && cell.prepared.intersects(g)) {
        codes.add(cell.code);
      }
    }
    codes.sort((a, b) -> Integer.compare(indexOf(a), indexOf(b)));
    return codes;
  }

  /** A map, not a scan: with ten countries the region list is ~260 long and this runs on every write's split. */
  private int indexOf(String code) {
    return order.getOrDefault(code, Integer.MAX_VALUE);
  }

  /**
   * The areas of a polygonal piece per region, as split gives them but without building the parts' geometry (the
   * zonings' split on the write path needs the m² only): the same cells, the same residue rule, so the areas add up
   * to pieceM2 exactly, with land outside every region under "unassigned".
   */
  public Map<String, Double> areas(Geometry piece, double pieceM2) {
    Envelope env = piece.getEnvelopeInternal();
    List<Cell> candidates = candidates(env);
    Map<String, Double> areas = new LinkedHashMap<>();
    for (Cell cell : candidates) {
      if (cell.envelope.covers(env) && cell.prepared.covers(piece)) {
        areas.put(cell.code, pieceM2);
        return areas;
      }
    }
    double assigned = 0;
    for (Cell cell : candidates) {
      if (!cell.envelope.intersects(env) || !cell.prepared.intersects(piece)) {
        continue;
      }
      Geometry inside = Overlay.intersection(piece, cell.geometry);
      if (inside.isEmpty()) {
        continue;
      }
      double m2 = GeodesicArea.m2(inside);
      areas.merge(cell.code, m2, Double::sum);
      assigned += m2;
    }
    double residue = pieceM2 - assigned;
    if (residue >= Math.max(RESIDUE_M2, RESIDUE_RELATIVE * pieceM2) || areas.isEmpty()) {
      areas.merge(UNASSIGNED, residue, Double::sum);
    } else if (residue != 0) {
      String largest = null;
      for (var e : areas.entrySet()) {
        if (largest == null || e.getValue() > areas.get(largest)) {
          largest = e.getKey();
        }
      }
      areas.merge(largest, residue, Double::sum);
    }
    return areas;
  }

  /**
   * Splits a polygonal piece whose geodesic area is pieceM2 into its parts per region. The part areas add up to pieceM2
   * exactly: land outside every region is a part with code "unassigned", and a residue under a square metre (or
   * 1e-8 of the piece) is snapping noise, not land, and is given to the largest part.
   */
  public List<RegionPart> split(Geometry piece, double pieceM2) {
    Envelope env = piece.getEnvelopeInternal();
    List<Cell> candidates = candidates(env);
    for (Cell cell : candidates) {
      if (cell.envelope.covers(env) && cell.prepared.covers(piece)) {
        return List.of(new RegionPart(cell.code, piece, pieceM2));
      }
    }
    Map<String, List<Geometry>> geometries = new LinkedHashMap<>();
    Map<String, Double> areas = new LinkedHashMap<>();
    for (Cell cell : candidates) {
      if (!cell.envelope.intersects(env) || !cell.prepared.intersects(piece)) {
        continue;
      }
      Geometry inside = cell.prepared.covers(piece) ? piece : Overlay.intersection(piece, cell.geometry);
      if (inside.isEmpty()) {
        continue;
      }
      geometries.computeIfAbsent(cell.code, k -> new ArrayList<>()).add(inside);
      areas.merge(cell.code, GeodesicArea.m2(inside), Double::sum);
    }
    List<RegionPart> parts = new ArrayList<>();
    double assigned = 0;
    for (var e : geometries.entrySet()) {
      double m2 = areas.get(e.getKey());
      assigned += m2;
      parts.add(new RegionPart(e.getKey(), Overlay.union(e.getValue()), m2));
    }
    double residue = pieceM2 - assigned;
    if (residue >= Math.max(RESIDUE_M2, RESIDUE_RELATIVE * pieceM2) || parts.isEmpty()) {
      List<Geometry> all = new ArrayList<>();
      geometries.values().forEach(all::addAll);
      Geometry outside = all.isEmpty() ? piece : Overlay.difference(piece, Overlay.union(all));
      parts.add(new RegionPart(UNASSIGNED, outside, residue));
    } else if (residue != 0) {
      int largest = 0;
      for (int i = 1; i < parts.size(); i++) {
        if (parts.get(i).m2() > parts.get(largest).m2()) {
          largest = i;
        }
      }
      RegionPart p = parts.get(largest);
      parts.set(largest, new RegionPart(p.code(), p.geometry(), p.m2() + residue));
    }
    return parts;
  }
}
