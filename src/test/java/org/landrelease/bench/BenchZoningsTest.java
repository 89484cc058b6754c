package org.landrelease.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.landrelease.geometry.Geometries;
import org.landrelease.service.Json;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** The bench's synthetic zonings: the zone count asked for, cells that tile the area without overlap, the same file. */
class BenchZoningsTest {
  /** About the bounding box of data/ukraine-oblasts.geojson. */
  private static final Envelope UKRAINE = new Envelope(22.137, 40.228, 44.386, 52.379);

  @Test
  void threeLayersGiveAboutTheZonesAskedFor() {
    List<BenchZonings.Grid> layers = BenchZonings.layers(UKRAINE, 1500);
    assertEquals(List.of("bench-coarse", "bench-middle", "bench-fine"), layers.stream().map(BenchZonings.Grid::name)
        .toList());
    int total = layers.stream().mapToInt(g -> g.cells().size()).sum();
    assertTrue(Math.abs(total - 1500) <= 75, "1,500 asked, " + total + " made");
    assertTrue(layers.get(0).cells().size() < layers.get(1).cells().size()
        && layers.get(1).cells().size() < layers.get(2).cells().size(), "three different cell sizes");
  }

  @Test
  void gridCellsTileTheAreaWithoutOverlap() throws Exception {
    BenchZonings.Grid g = BenchZonings.grid("bench-backfill", UKRAINE, 200);
    assertEquals(g.columns() * g.rows(), g.cells().size());
    JsonNode features = Json.mapper().readTree(g.geojson()).path("features");
    assertEquals(g.cells().size(), features.size());
    double sum = 0;
    Set<String> codes = new HashSet<>();
    for (int a = 0; a < g.cells().size(); a++) {
      Geometry ga = box(g.cells().get(a));
      sum += ga.getArea();
      for (int b = a + 1; b < g.cells().size(); b++) {
        assertEquals(0, ga.intersection(box(g.cells().get(b))).getArea(), 0, "cells " + a + " and " + b + " overlap");
      }
      JsonNode p = features.get(a).path("properties");
      assertTrue(codes.add(p.path("code").asText()), "codes are unique");
      assertTrue(BenchZonings.CLASSES.contains(p.path("class").asText()));
      assertEquals("Polygon", features.get(a).path("geometry").path("type").asText());
      JsonNode ring = features.get(a).path("geometry").path("coordinates").get(0);
      assertEquals(5, ring.size());
      assertEquals(g.cells().get(a)[0], ring.get(0).get(0).asDouble(), 0, "the file holds the cell's own edges");
      assertEquals(g.cells().get(a)[3], ring.get(2).get(1).asDouble(), 0);
    }
    // No gap either: the cells cover the (rounded) envelope.
    assertEquals(UKRAINE.getArea(), sum, 1e-4);
  }

  @Test
  void sameAreaAndCountGiveTheSameFile() {
    assertArrayEquals(BenchZonings.grid("z", UKRAINE, 400).geojson(), BenchZonings.grid("z", UKRAINE, 400).geojson());
  }

  private static Geometry box(double[] c) {
    return Geometries.FACTORY.toGeometry(new Envelope(c[0], c[2], c[1], c[3]));
  }
}
