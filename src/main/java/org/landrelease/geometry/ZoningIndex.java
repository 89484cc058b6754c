package org.landrelease.geometry;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits pieces of land by the zones of one zoning. The same grid of small prepared cells as the regions
 * (RegionIndex), built from the zones in code order, so that a sliver claimed by two zones goes to the zone first in
 * code order; land outside every zone is under {@link #OUTSIDE}. Areas only: figures by zone need no geometry.
 */
public final class ZoningIndex {
  /** The code of land outside every zone of a zoning (gaps are allowed). */
  public static final String OUTSIDE = "outside";
  /** Cells of about 20 km, as the regions': a hromada is a few cells, a raion a few dozen. */
  static final double CELL_DEGREES = 0.2;

  private final String name;
  private final List<ZoneShape> zones;
  private final RegionIndex cells;
  private final java.util.Map<String, ZoneShape> byCode = new java.util.HashMap<>();

  public ZoningIndex(String name, List<ZoneShape> zones) {
    this.name = name;
    this.zones = zones.stream().sorted(Comparator.comparing(ZoneShape::code)).toList();
    this.zones.forEach(z -> byCode.put(z.code(), z));
    this.cells = new RegionIndex(this.zones.stream()
        .map(z -> new RegionShape(z.code(), z.name(), null, z.geometry(), z.areaM2())).toList(), CELL_DEGREES);
  }

  public String name() {
    return name;
  }

  /** The zone with this code, or null ('outside', or not a zone of this zoning). */
  public ZoneShape zone(String code) {
    return byCode.get(code);
  }

  /** The zones in code order. */
  public List<ZoneShape> zones() {
    return zones;
  }

  /**
   * The piece's area per zone; they add up to pieceM2 exactly. A restored piece has a negative area: it is split as
   * the land it puts back, and each part keeps the sign.
   */
  public Map<String, Double> split(org.locationtech.jts.geom.Geometry piece, double pieceM2) {
    if (pieceM2 == 0) {
      return Map.of();
    }
    double sign = Math.signum(pieceM2);
    Map<String, Double> out = new LinkedHashMap<>();
    cells.areas(piece, Math.abs(pieceM2)).forEach((code, m2) ->
        out.merge(code.equals(RegionIndex.UNASSIGNED) ? OUTSIDE : code, sign * m2, Double::sum));
    return out;
  }
}
