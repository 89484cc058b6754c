package org.landrelease.geometry;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Encodes one layer of a Mapbox Vector Tile (specification 2.1) from shapes already in tile units, with
 * mapbox-vector-tile-java, on the embedded store; PostGIS encodes with ST_AsMVT instead. The feature id is the
 * property "id" when there is one, as ST_AsMVT's feature id column gives it.
 */
public final class VectorTileEncoder {

  private VectorTileEncoder() {}

  /** A feature of a tile: its properties (null values are left out) and its shape in tile units. */
  public record TileFeature(Map<String, Object> properties, Geometry shape) {}

  /** A tile that fits its budget: the MVT, how many features it holds, and the least area kept (0: all kept). */
  public record Fitted(byte[] mvt, int kept, double minAreaPx) {}

  /**
   * Encodes the layer within maxBytes. When the features do not fit, the smallest are left out: the features are
   * ranked by their area in the tile, and the largest that fit are kept (their number estimated from the bytes per
   * feature, and lowered until the tile fits). Small features go first because they are the ones a reader cannot see
   * at this zoom anyway; the caller reports how many went, and minAreaPx says the size of the smallest one kept.
   */
  public static Fitted encodeWithin(String layer, List<TileFeature> features, int maxBytes, int extent) {
    byte[] mvt = features.isEmpty() ? new byte[0] : encode(layer, features, extent);
    if (mvt.length <= maxBytes) {
      return new Fitted(mvt, features.size(), 0);
    }
    List<TileFeature> ranked = new ArrayList<>(features);
    ranked.sort(java.util.Comparator.comparingDouble((TileFeature f) -> f.shape().getArea()).reversed());
    int k = ranked.size();
    while (true) {
      k = Math.max(0, Math.min(k - 1, (int) Math.floor(k * (double) maxBytes / mvt.length * 0.95)));
      List<TileFeature> kept = ranked.subList(0, k);
      mvt = kept.isEmpty() ? new byte[0] : encode(layer, kept, extent);
      if (mvt.length <= maxBytes) {
        return new Fitted(mvt, k, k == 0 ? 0 : kept.get(k - 1).shape().getArea() / pixelUnits(extent));
      }
    }
  }

  /** One screen pixel of a 256-pixel tile, in units² of a tile extent units across (16 × 16 at 4096). */
  public static double pixelUnits(int extent) {
    return (extent / 256.0) * (extent / 256.0);
  }

  public static byte[] encode(String layer, List<TileFeature> features, int extent) {
    List<Geometry> shapes = new ArrayList<>(features.size());
    for (TileFeature f : features) {
      Geometry g = f.shape();
      g.setUserData(f.properties());
      shapes.add(g);
    }
    return MvtEncoder.encode(new JtsMvt(new JtsLayer(layer, shapes, extent)), new MvtLayerParams(extent),
        new UserDataKeyValueMapConverter("id"));
  }
}
