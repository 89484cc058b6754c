package org.landrelease.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.landrelease.geometry.Geometries;
import org.landrelease.geometry.TileGrid;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The PostGIS half of the 500 kB rule, on a real database: asked for the k largest features of a tile, ST_AsMVT gets
 * exactly those, and the counts say how many met the tile and how small the smallest kept one is.
 */
class TileStoreTest {
  private static final TileGrid TILE = TileGrid.containing(37.5, 48.5, 12);

  /** 400 rectangles in a 20 × 20 grid inside the tile; the one of id i is larger the larger i is. */
  private static void fill(Database db) throws Exception {
    Envelope e = TILE.lonLat();
    double cell = e.getWidth() / 20;
    try (Connection c = db.writer();
        PreparedStatement ps = c.prepareStatement("INSERT INTO hazard (id, geom, classification, hazard_types, "
            + "area_m2, regions, origin_event, updated_event) VALUES (?, ?, 'SHA', 'AP_MINE', ?, ',UA-14,', 1, 1)")) {
      for (int i = 0; i < 400; i++) {
        double side = cell * (0.2 + 0.7 * i / 400.0);
        double x = e.getMinX() + (i % 20) * cell;
        double y = e.getMinY() + (i / 20) * (e.getHeight() / 20);
        Geometry g = Geometries.FACTORY.toGeometry(new Envelope(x, x + side, y, y + side * 0.6));
        g.setSRID(4326);
        ps.setLong(1, i + 1);
        Dialect.setGeometry(ps, 2, g);
        ps.setDouble(3, 1000 + i);
        ps.addBatch();
      }
      ps.executeBatch();
      db.commit();
    }
  }

  /** A window with more features than a tile reads: the largest are read, and all are counted. */
  @Test
  void aWindowWithMoreFeaturesThanTheCapReadsTheLargest() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tile-store");
    try (Database db = Database.openH2(dir)) {
      fill(db);
      List<Long> ids = new java.util.ArrayList<>();
      long met = new TileStore(db).hazardRows(TILE.lonLatWithBuffer(), null, null, 100,
          row -> ids.add(((Number) row.properties().get("id")).longValue()));
      assertEquals(400, met);
      assertEquals(100, ids.size());
      assertEquals(301L, ids.stream().mapToLong(Long::longValue).min().getAsLong(), "the 100 largest: 301..400");
      assertEquals(400, new TileStore(db).hazardRows(TILE.lonLatWithBuffer(), null, null, 1000, row -> { }));
    }
  }

  @Test
  void postgisKeepsTheLargestFeaturesWhenAskedForFewer() throws Exception {
    PgCluster cluster = PgCluster.get();
    try (Database db = Database.openPostgres(cluster.createDatabase(), cluster.user(), null)) {
      TileGrid tile = TILE;
      fill(db);
      TileStore store = new TileStore(db);
      TileStore.Encoded all = store.hazardTile(tile, null, null, 1000, Long.MAX_VALUE);
      assertEquals(400, all.features());
      assertEquals(400, all.kept());
      TileStore.Encoded top = store.hazardTile(tile, null, null, 1000, 50);
      assertEquals(400, top.features());
      assertEquals(50, top.kept());
      assertTrue(top.mvt().length < all.mvt().length / 4, top.mvt().length + " vs " + all.mvt().length);
      List<Long> ids = MvtReader.loadMvt(new ByteArrayInputStream(top.mvt()), new GeometryFactory(),
          new TagKeyValueMapConverter(false, "_fid")).getLayer("hazards").getGeometries().stream()
          .map(g -> ((Number) ((java.util.Map<?, ?>) g.getUserData()).get("_fid")).longValue()).sorted().toList();
      assertEquals(50, ids.size());
      // the 50 largest are 351..400; snapping to the grid may swap neighbours of nearly equal size
      assertTrue(ids.get(0) >= 345, "the largest squares are kept: " + ids);
      assertEquals(400L, ids.get(49));
      assertTrue(top.minAreaUnits() > 0);
      TileStore.Encoded capped = store.hazardTile(tile, null, null, 100, Long.MAX_VALUE);
      assertEquals(400, capped.features(), "all are counted");
      assertEquals(100, capped.kept(), "the cap's largest are read");
    }
  }
}
