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
 * Splits pieces of land by region. The regions are first made disjoint (a sliver claimed by two neighbours is given
 * to the first), then cut on a grid into small cells so that each piece is tested against a few small, prepared
 * polygons instead of whole oblasts of a thousand vertices.
 */
public final class RegionIndex {
  /** Numerical residue below this is noise of the floating arithmetic, not land outside the regions. */
  static final double RESIDUE_M2 = 0.5;
  /** The code of land outside every region. */
  public static final String UNASSIGNED = "unassigned";

  private record Cell(String code, Geometry geometry, PreparedGeometry prepared, Envelope envelope) {}

  private final List<RegionShape> regions;
  private final STRtree cells = new STRtree();
  private final int cellCount;

  public RegionIndex(List<RegionShape> regions, double cellDegrees) {
    this.regions = List.copyOf(regions);
    int count = 0;
    Geometry claimed = null;
    for (RegionShape region : regions) {
      Geometry own = claimed == null ? region.geometry() : Overlay.difference(region.geometry(), claimed);
      claimed = claimed == null ? region.geometry() : Overlay.union(List.of(claimed, region.geometry()));
      count += addCells(region.code(), own, cellDegrees);
    }
    cells.build();
    cellCount = count;
  }

  private int addCells(String code, Geometry own, double size) {
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(own);
    Envelope env = own.getEnvelopeInternal();
    int count = 0;
    for (double x = Math.floor(env.getMinX() / size) * size; x < env.getMaxX(); x += size) {
      for (double y = Math.floor(env.getMinY() / size) * size; y < env.getMaxY(); y += size) {
        Geometry rect = Geometries.FACTORY.toGeometry(new Envelope(x, x + size, y, y + size));
        if (!prepared.intersects(rect)) {
          continue;
        }
        Geometry part = prepared.covers(rect) ? rect : Overlay.intersection(own, rect);
        if (part.isEmpty()) {
          continue;
        }
        cells.insert(part.getEnvelopeInternal(),
            new Cell(code, part, PreparedGeometryFactory.prepare(part), part.getEnvelopeInternal()));
        count++;
      }
    }
    return count;
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

  private int indexOf(String code) {
    for (int i = 0; i < regions.size(); i++) {
      if (regions.get(i).code().equals(code)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  /**
   * Splits a polygonal piece whose geodesic area is pieceM2 into its parts per region. The part areas add up to pieceM2
   * exactly: land outside every region is a part with code "unassigned", and a residue under half a square metre
   * (floating-point noise, not land) is given to the largest part.
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
    if (residue >= RESIDUE_M2 || parts.isEmpty()) {
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
