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
  private static final MvtLayerParams PARAMS = new MvtLayerParams(TileGrid.EXTENT);

  private VectorTileEncoder() {}

  /** A feature of a tile: its properties (null values are left out) and its shape in tile units. */
  public record TileFeature(Map<String, Object> properties, Geometry shape) {}

  public static byte[] encode(String layer, List<TileFeature> features) {
    List<Geometry> shapes = new ArrayList<>(features.size());
    for (TileFeature f : features) {
      Geometry g = f.shape();
      g.setUserData(f.properties());
      shapes.add(g);
    }
    return MvtEncoder.encode(new JtsMvt(new JtsLayer(layer, shapes, TileGrid.EXTENT)), PARAMS,
        new UserDataKeyValueMapConverter("id"));
  }
}
