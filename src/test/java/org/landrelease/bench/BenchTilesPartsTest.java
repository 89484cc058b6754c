package org.landrelease.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of bench-tiles whose mistakes would not show in its output: the tile address and the heap reading. */
class BenchTilesPartsTest {
  @Test
  void kharkivIsInTheXyzTileOfOpenStreetMap() {
    assertEquals(new BenchTilesSet.Tile(10, 615, 347), BenchTilesSet.Tile.at(36.23, 49.99, 10));
    assertEquals(new BenchTilesSet.Tile(14, 9912, 5695), BenchTilesSet.Tile.at(37.8, 48.0, 14));
    assertEquals("tiles/hazards/10/615/347.mvt", BenchTilesSet.Tile.at(36.23, 49.99, 10).path("hazards"));
  }

  @Test
  void theEdgesOfTheWorldStayInsideTheGrid() {
    assertEquals(new BenchTilesSet.Tile(3, 7, 0), BenchTilesSet.Tile.at(180, 89.9, 3));
    assertEquals(new BenchTilesSet.Tile(3, 0, 7), BenchTilesSet.Tile.at(-180, -89.9, 3));
  }

  @Test
  void theHeapPeakIsTheMostInUseBeforeAnyCollection(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("gc.log");
    Files.writeString(log, """
        [0.010s][info][gc] Using G1
        [1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->4M(64M) 3.500ms
        [2.000s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 310M->120M(512M) 12.250ms
        [2.100s][info][gc] GC(2) Concurrent Mark Cycle
        [2.300s][info][gc] GC(2) Pause Remark 130M->130M(512M) 1.000ms
        [9.000s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 1024K->512K(512M) 0.250ms
        [9.500s][info][gc] GC(4) Pause Full (Diagnostic Command) 40M->20M(512M) 30.000ms
        """);
    BenchGcLog gc = BenchGcLog.read(log);
    assertEquals(310, gc.peakUsedMb(), 1e-9);
    assertEquals(130, gc.maxAfterMb(), 1e-9);
    assertEquals(512, gc.capacityMb(), 1e-9);
    assertEquals(5, gc.pauses());
    assertEquals(47.0, gc.pauseTotalMs(), 1e-9);
    assertFalse(gc.outOfMemory());
  }

  @Test
  void aFullCollectionSaysTheHeapRanFull(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("gc.log");
    Files.writeString(log, "[5.0s][info][gc] GC(7) Pause Full (G1 Compaction Pause) 511M->498M(512M) 950.000ms\n");
    BenchGcLog gc = BenchGcLog.read(log);
    assertTrue(gc.outOfMemory());
    assertEquals(511, gc.peakUsedMb(), 1e-9);
  }
}
