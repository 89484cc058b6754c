package org.landrelease.geometry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;

/**
 * Polygon overlay with OverlayNG and snap-rounding on the ledger's precision grid (1e-8 degree): results are valid and the same
 * intersection nodes are produced for a piece and its remainder, so their areas add up.
 */
public final class Overlay {
  private Overlay() {}

  public static Geometry intersection(Geometry a, Geometry b) {
    return run(a, b, OverlayNG.INTERSECTION);
  }

  public static Geometry difference(Geometry a, Geometry b) {
    return run(a, b, OverlayNG.DIFFERENCE);
  }

  public static Geometry union(Collection<Geometry> parts) {
    if (parts.isEmpty()) {
      return Geometries.FACTORY.createMultiPolygon();
    }
    if (parts.size() == 1) {
      return parts.iterator().next();
    }
    Geometry all = Geometries.FACTORY.buildGeometry(new ArrayList<>(parts));
    return polygonal(UnaryUnionNG.union(all, Geometries.PRECISION));
  }

  private static Geometry run(Geometry a, Geometry b, int op) {
    OverlayNG overlay = new OverlayNG(a, b, Geometries.PRECISION, op);
    // strict mode: no lines or points from collapsed topology, only polygons
    overlay.setStrictMode(true);
    return polygonal(overlay.getResult());
  }

  /** Keeps the polygons of a result: a Polygon, a MultiPolygon, or an empty MultiPolygon. */
  public static Geometry polygonal(Geometry g) {
    if (g instanceof Polygon p) {
      p.setSRID(Geometries.SRID);
      return p;
    }
    @SuppressWarnings("unchecked")
    List<Polygon> polys = PolygonExtracter.getPolygons(g);
    polys.removeIf(Geometry::isEmpty);
    Geometry out = polys.size() == 1 ? polys.get(0)
        : Geometries.FACTORY.createMultiPolygon(polys.toArray(Polygon[]::new));
    out.setSRID(Geometries.SRID);
    return out;
  }
}
