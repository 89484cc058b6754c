package org.landrelease.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.landrelease.bench.BenchTilesSet.Tile;

/**
 * Times the tiles over HTTP as a browser asks for them (Accept-Encoding: gzip), one request at a time, in a seeded
 * shuffle of every layer's tiles so that no zoom or layer meets pages the one before it read: first the cold pass
 * (each tile's first request since the service started; the warm-up before it asks only for tiles at other zooms),
 * then the warm pass (the same requests again), then a revalidation pass (If-None-Match with the tile's ETag).
 */
final class BenchTilesTiming {
  /**
   * One tile of one layer: status, times of the three passes, bytes on the wire and decoded; failed when a pass
   * answered neither 200 nor 204 (nor 304 on revalidation).
   */
  record Sample(String layer, Tile tile, int status, long coldNs, long warmNs, int revalidateStatus, long revalidateNs,
      int wireBytes, int rawBytes, boolean failed) {}

  /**
   * The samples of one layer at one zoom (layer "all" for every layer), with their percentiles and sizes; failed
   * tiles are counted, and left out of the times and sizes.
   */
  record Row(String layer, String zooms, int tiles, int empty, int failed, BenchStats.Latency cold,
      BenchStats.Latency warm,
      BenchStats.Latency revalidate, double meanWireBytes, int maxWireBytes, double meanRawBytes, int maxRawBytes) {}

  /** errors: requests answered other than 200/204 (and 304 on revalidation), with the first of them. */
  record Result(List<Sample> samples, int warmups, long warmupNs, int errors, String firstError) {}

  private BenchTilesTiming() {}

  static Result run(BenchHttp http, List<String> layers, List<Tile> tiles, List<Tile> warmups, long seed)
      throws Exception {
    long w0 = System.nanoTime();
    int warmed = 0;
    for (String layer : layers) {
      for (Tile t : warmups) {
        fetch(http, t.path(layer));
        warmed++;
      }
    }
    long warmupNs = System.nanoTime() - w0;
    System.out.printf("Warm-up: %d tiles at zooms 9, 11, 13 in %.1f s%n", warmed, warmupNs / 1e9);
    List<String[]> order = new ArrayList<>();
    for (String layer : layers) {
      for (int i = 0; i < tiles.size(); i++) {
        order.add(new String[] {layer, String.valueOf(i)});
      }
    }
    Collections.shuffle(order, new Random(seed));
    int n = order.size();
    BenchHttp.Exchange[] cold = new BenchHttp.Exchange[n], warm = new BenchHttp.Exchange[n], again =
        new BenchHttp.Exchange[n];
    String[] pass = {"cold", "warm", "revalidate"};
    for (int p = 0; p < 3; p++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        String[] o = order.get(i);
        String path = tiles.get(Integer.parseInt(o[1])).path(o[0]);
        if (p == 0) {
          cold[i] = fetch(http, path);
        } else if (p == 1) {
          warm[i] = fetch(http, path);
        } else {
          String etag = warm[i].header("ETag");
          again[i] = etag == null ? fetch(http, path) : fetch(http, path, "If-None-Match", etag);
        }
      }
      System.out.printf("%s pass: %,d tile requests in %.1f s%n", pass[p], n, (System.nanoTime() - t0) / 1e9);
    }
    List<Sample> samples = new ArrayList<>(n);
    int errors = 0;
    String firstError = null;
    for (int i = 0; i < n; i++) {
      String[] o = order.get(i);
      Tile t = tiles.get(Integer.parseInt(o[1]));
      boolean bad = !ok(cold[i].status()) || !ok(warm[i].status())
          || again[i].status() != 304 && !ok(again[i].status());
      if (bad) {
        errors++;
        if (firstError == null) {
          firstError = t.path(o[0]) + " answered " + cold[i].status() + " / " + warm[i].status() + " / "
              + again[i].status() + ": " + new String(cold[i].body(), 0, Math.min(300, cold[i].body().length),
                  java.nio.charset.StandardCharsets.UTF_8);
        }
      }
      samples.add(new Sample(o[0], t, cold[i].status(), cold[i].nanos(), warm[i].nanos(), again[i].status(),
          again[i].nanos(), cold[i].body().length, raw(cold[i]).length, bad));
    }
    return new Result(samples, warmed, warmupNs, errors, firstError);
  }

  /**
   * The tile as a browser asks for it. A request that fails (the service gone, out of memory, or no answer in two
   * minutes) counts as status -1 with the failure as its body, so that the run still reports what it measured.
   */
  private static BenchHttp.Exchange fetch(BenchHttp http, String path, String... headers) throws InterruptedException {
    String[] all = new String[headers.length + 2];
    all[0] = "Accept-Encoding";
    all[1] = "gzip";
    System.arraycopy(headers, 0, all, 2, headers.length);
    long t0 = System.nanoTime();
    try {
      return http.exchange(path, all);
    } catch (java.io.IOException e) {
      return new BenchHttp.Exchange(-1, String.valueOf(e).getBytes(java.nio.charset.StandardCharsets.UTF_8),
          System.nanoTime() - t0, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
    }
  }

  private static boolean ok(int status) {
    return status == 200 || status == 204;
  }

  /** The tile as decoded: gunzipped when it came gzip-encoded. */
  static byte[] raw(BenchHttp.Exchange e) throws IOException {
    if (!"gzip".equalsIgnoreCase(e.header("Content-Encoding")) || e.body().length == 0) {
      return e.body();
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(e.body()))) {
      return in.readAllBytes();
    }
  }

  /** The samples of a layer ("all": any) whose zoom passes the test, summarised; null when there are none. */
  static Row row(List<Sample> samples, String layer, String zooms, java.util.function.IntPredicate zoom) {
    List<Sample> all = samples.stream().filter(x -> (layer.equals("all") || x.layer().equals(layer))
        && zoom.test(x.tile().z())).toList();
    List<Sample> s = all.stream().filter(x -> !x.failed()).toList();
    if (all.isEmpty()) {
      return null;
    }
    long[] cold = s.stream().mapToLong(Sample::coldNs).toArray();
    long[] warm = s.stream().mapToLong(Sample::warmNs).toArray();
    long[] again = s.stream().mapToLong(Sample::revalidateNs).toArray();
    List<Sample> full = s.stream().filter(x -> x.status() == 200).toList();
    return new Row(layer, zooms, all.size(), s.size() - full.size(), all.size() - s.size(), BenchStats.latency(cold), BenchStats.latency(warm),
        BenchStats.latency(again), full.stream().mapToInt(Sample::wireBytes).average().orElse(0),
        full.stream().mapToInt(Sample::wireBytes).max().orElse(0),
        full.stream().mapToInt(Sample::rawBytes).average().orElse(0),
        full.stream().mapToInt(Sample::rawBytes).max().orElse(0));
  }
}
