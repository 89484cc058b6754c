package org.landrelease.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.landrelease.config.ArgumentException;

/** The bench commands' options read as before the one parser: the documented invocations give the same values. */
class BenchOptionsTest {
  private static BenchOptions bench(String line) {
    return BenchOptions.parse(line.isEmpty() ? new String[0] : line.split(" "));
  }

  private static BenchTilesOptions tiles(String line) {
    return BenchTilesOptions.parse(line.split(" "));
  }

  @Test
  void benchDefaultsAreTheReferenceRun() {
    BenchOptions o = bench("");
    assertEquals(50_000, o.hazards());
    assertEquals(100_000, o.events());
    assertEquals(20230101L, o.seed());
    assertEquals(List.of(1), o.clients());
    assertEquals(BenchOptions.Mode.SINGLE, o.mode());
    assertTrue(o.run());
    assertEquals(Path.of("data/ukraine-oblasts.geojson"), o.regionsFile());
    assertEquals("512m", o.serverHeap());
    assertEquals(List.of(), o.serverOptions());
    assertEquals(0, o.window());
    assertEquals(200, o.queryIterations());
    assertEquals(1000, o.batchSize());
    assertEquals(Path.of("target/bench"), o.outDir());
    assertFalse(o.keepDb() || o.restartFirst() || o.resetDb() || o.postgres());
    assertEquals(1, o.instances());
  }

  @Test
  void benchBatchModeOnAThrowawayClusterWithTwoInstances() {
    BenchOptions o = bench("--mode batch --clients 2 --instances 2 --hazards 50000 --events 30000 --pg-cluster "
        + "/tmp/pg --window 25000 --first 10000 --server-opt -XX:StartFlightRecording=filename=s{start}.jfr "
        + "--server-opt -Xlog:gc --keep-db");
    assertEquals(BenchOptions.Mode.BATCH, o.mode());
    assertEquals(List.of(2), o.clients());
    assertEquals(2, o.instances());
    assertEquals(30_000, o.events());
    assertEquals(Path.of("/tmp/pg"), o.pgCluster());
    assertEquals(25_000, o.window());
    assertEquals(10_000, o.first());
    assertEquals(List.of("-XX:StartFlightRecording=filename=s{start}.jfr", "-Xlog:gc"), o.serverOptions());
    assertTrue(o.keepDb());
    assertTrue(o.postgres());
  }

  @Test
  void benchZoningsAreOffByDefaultAndCountZones() {
    assertEquals(0, bench("").zonings());
    assertEquals(0, bench("").backfillZoning());
    BenchOptions o = bench("--events 100000 --zonings 1500 --backfill-zoning 1500");
    assertEquals(1500, o.zonings());
    assertEquals(1500, o.backfillZoning());
    assertEquals(1500, o.withWindow(25_000).backfillZoning(), "a changed window keeps the zonings");
    assertEquals("--zonings and --backfill-zoning must be 0 (none) or positive",
        assertThrows(ArgumentException.class, () -> bench("--zonings -1")).getMessage());
  }

  @Test
  void benchCountriesIsOffByDefaultAndTakesADirectory() {
    assertNull(bench("").countries());
    BenchOptions o = bench("--mode batch --hazards 50000 --events 30000 --countries data/countries");
    assertEquals(Path.of("data/countries"), o.countries());
    assertEquals(Path.of("data/countries"), o.withWindow(10_000).countries(), "a changed window keeps the countries");
    assertEquals("--countries must be a directory of GeoJSON files, one per country: data/countries/LB.geojson",
        assertThrows(ArgumentException.class, () -> bench("--countries data/countries/LB.geojson")).getMessage());
  }

  @Test
  void benchWriteWorkloadWithoutRun() {
    BenchOptions o = bench("--write-workload /tmp/wl --no-run --clients 1,4");
    assertEquals(Path.of("/tmp/wl"), o.writeWorkload());
    assertFalse(o.run());
    assertEquals(List.of(1, 4), o.clients());
  }

  @Test
  void benchChecksBetweenOptionsAreOneLineErrors() {
    assertEquals("--batch must be 1 to 1000 (the API's batch limit)",
        assertThrows(ArgumentException.class, () -> bench("--batch 1001")).getMessage());
    assertEquals("--db-url and --pg-cluster exclude each other",
        assertThrows(ArgumentException.class, () -> bench("--db-url jdbc:x --pg-cluster /tmp/pg")).getMessage());
    assertTrue(assertThrows(ArgumentException.class, () -> bench("--instances 2")).getMessage()
        .startsWith("--instances above 1 needs PostgreSQL"));
    assertEquals("--clients must be positive, got [1, 0]",
        assertThrows(ArgumentException.class, () -> bench("--clients 1,0")).getMessage());
  }

  @Test
  void benchTilesDefaultsOnAnH2Directory() {
    BenchTilesOptions o = tiles("--db ../bench-data/tiles-h2");
    assertEquals(Path.of("../bench-data/tiles-h2"), o.h2Dir());
    assertNull(o.pgCluster());
    assertEquals(1_000_000, o.hazards());
    assertEquals(WorkloadHazards.KM2_PER_50K_HAZARDS, o.hazardKm2());
    assertEquals(20_000, o.releases());
    assertEquals(List.of(6, 8, 10, 12, 14), o.zooms());
    assertEquals(50, o.tilesPerZoom());
    assertEquals(List.of("hazards", "releases", "regions"), o.layers());
    assertEquals(30, o.warmupTiles());
    assertEquals(Path.of("target/bench-tiles"), o.outDir());
    assertTrue(o.tiles() && o.browser());
    assertFalse(o.buildOnly());
  }

  @Test
  void benchTilesWithoutBrowserOnFewerZooms() {
    BenchTilesOptions o = tiles("--db DIR --no-browser --tiles-per-zoom 20 --zooms 10,12,14 --build-only");
    assertFalse(o.browser());
    assertTrue(o.tiles());
    assertTrue(o.buildOnly());
    assertEquals(20, o.tilesPerZoom());
    assertEquals(List.of(10, 12, 14), o.zooms());
  }

  @Test
  void benchTilesNeedsExactlyOneStore() {
    assertTrue(assertThrows(ArgumentException.class, () -> tiles("--db a --pg-cluster b")).getMessage()
        .startsWith("give exactly one store"));
    assertTrue(assertThrows(ArgumentException.class, () -> tiles("--hazards 5")).getMessage()
        .startsWith("give exactly one store"));
  }
}
