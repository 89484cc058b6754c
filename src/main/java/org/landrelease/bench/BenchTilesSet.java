package org.landrelease.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.landrelease.store.Database;

/**
 * The timed tiles: for each zoom, distinct XYZ tiles under hazards drawn at random (seeded) from the ledger's hazard
 * table, so that dense areas are drawn more often, as a map user looks where the hazards are. Read in this JVM
 * before the service opens the database; the same ledger and seed give the same tiles.
 */
final class BenchTilesSet {
  /** A web-mercator tile in the XYZ scheme (y grows southwards). */
  record Tile(int z, int x, int y) {
    String path(String layer) {
      return "tiles/" + layer + "/" + z + "/" + x + "/" + y + ".mvt";
    }

    static Tile at(double lon, double lat, int z) {
      int n = 1 << z;
      double rad = Math.toRadians(lat);
      int x = (int) Math.floor((lon + 180) / 360 * n);
      int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
      return new Tile(z, Math.max(0, Math.min(n - 1, x)), Math.max(0, Math.min(n - 1, y)));
    }
  }

  /** Draws without a new tile after which a zoom has all the tiles its hazards cover (zoom 6: a handful). */
  private static final int GIVE_UP_AFTER = 500;

  private BenchTilesSet() {}

  /** Up to perZoom distinct tiles at each zoom, in the order drawn. */
  static List<Tile> pick(BenchDatabase db, List<Integer> zooms, int perZoom, long seed) throws Exception {
    try (Database d = db.open()) {
      return d.read(c -> {
        long min, max;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT MIN(id), MAX(id) FROM hazard")) {
          rs.next();
          min = rs.getLong(1);
          max = rs.getLong(2);
        }
        if (max < min || max == 0) {
          throw new IllegalStateException("the ledger holds no hazards");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Tile> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ST_XMin(geom), ST_XMax(geom), ST_YMin(geom),"
            + " ST_YMax(geom) FROM hazard WHERE id >= ? ORDER BY id LIMIT 1")) {
          for (int z : zooms) {
            Set<Tile> tiles = new LinkedHashSet<>();
            for (int misses = 0; tiles.size() < perZoom && misses < GIVE_UP_AFTER; ) {
              ps.setLong(1, min + rnd.nextLong(max - min + 1));
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && tiles.add(Tile.at((rs.getDouble(1) + rs.getDouble(2)) / 2,
                    (rs.getDouble(3) + rs.getDouble(4)) / 2, z))) {
                  misses = 0;
                } else {
                  misses++;
                }
              }
            }
            out.addAll(tiles);
          }
        }
        return out;
      });
    }
  }

  /** The tiles as z/x/y lines, for the record of a run. */
  static void write(List<Tile> tiles, Path file) throws Exception {
    StringBuilder sb = new StringBuilder();
    tiles.forEach(t -> sb.append(t.z()).append('/').append(t.x()).append('/').append(t.y()).append('\n'));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }
}
