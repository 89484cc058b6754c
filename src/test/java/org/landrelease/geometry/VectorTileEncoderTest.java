package org.landrelease.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landrelease.geometry.VectorTileEncoder.TileFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class VectorTileEncoderTest {
  private static final GeometryFactory F = new GeometryFactory();

  private static Geometry square(double x, double y, double side) {
    return F.toGeometry(new org.locationtech.jts.geom.Envelope(x, x + side, y, y + side));
  }

  private static TileFeature feature(long id, Geometry shape) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", id);
    p.put("classification", id % 2 == 0 ? "SHA" : "CHA");
    p.put("areaKm2", id / 1000.0);
    return new TileFeature(p, shape);
  }

  @Test
  void featuresComeBackWithTheirIdPropertiesAndShape() throws Exception {
    byte[] mvt = VectorTileEncoder.encode("hazards", List.of(feature(7, square(100, 200, 50))), 4096);
    JtsLayer layer = MvtReader.loadMvt(new ByteArrayInputStream(mvt), F,
        new TagKeyValueMapConverter(false, "_fid")).getLayer("hazards");
    assertEquals(1, layer.getGeometries().size());
    Geometry g = layer.getGeometries().iterator().next();
    @SuppressWarnings("unchecked")
    Map<String, Object> p = (Map<String, Object>) g.getUserData();
    assertEquals(7L, ((Number) p.get("_fid")).longValue());
    assertEquals("CHA", p.get("classification"));
    assertEquals(0.007, ((Number) p.get("areaKm2")).doubleValue(), 1e-12);
    assertEquals(2500, g.getArea(), 1e-9);
  }

  private static List<Double> decodedAreas(byte[] mvt) {
    try {
      return MvtReader.loadMvt(new ByteArrayInputStream(mvt), F, new TagKeyValueMapConverter()).getLayer("hazards")
          .getGeometries().stream().map(Geometry::getArea).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** 30,000 features do not fit 500 kB: the large ones all stay, and as many small ones as fit. */
  @Test
  void anOversizeTileLeavesOutItsSmallestFeatures() {
    List<TileFeature> features = new ArrayList<>();
    long id = 0;
    for (int i = 0; i < 150; i++) {
      for (int j = 0; j < 200; j++) {
        // every tenth is a 24-unit square (2.25 px²), the others 6 units (0.14 px²)
        double side = (i * 200 + j) % 10 == 0 ? 24 : 6;
        features.add(feature(++id, square(i * 27, j * 20, side)));
      }
    }
    VectorTileEncoder.Fitted all = VectorTileEncoder.encodeWithin("hazards", features, Integer.MAX_VALUE, 4096);
    assertEquals(features.size(), all.kept());
    assertTrue(all.mvt().length > 500_000, "the test needs an oversize tile: " + all.mvt().length);
    VectorTileEncoder.Fitted fitted = VectorTileEncoder.encodeWithin("hazards", features, 500_000, 4096);
    assertTrue(fitted.mvt().length <= 500_000);
    assertTrue(fitted.mvt().length > 400_000, "as many as fit are kept: " + fitted.mvt().length);
    assertTrue(fitted.kept() > 3000 && fitted.kept() < features.size(), "kept " + fitted.kept());
    // every large square is kept, and the smallest kept is a small one: only small ones went
    long large = decodedAreas(fitted.mvt()).stream().filter(a -> a == 576).count();
    assertEquals(3000, large);
    assertEquals(36.0 / VectorTileEncoder.pixelUnits(4096), fitted.minAreaPx(), 1e-12);
  }
}
