package org.landrelease.bench;

import java.util.Arrays;

/** Percentiles and throughput of timed requests. */
final class BenchStats {
  private BenchStats() {}

  /** Throughput and latency of the events from (inclusive) to (exclusive), by their index in the workload. */
  record Window(int from, int to, double eventsPerSecond, double p50Ms, double p99Ms) {
    String label() {
      return String.format("events %,d–%,d", from + 1, to);
    }
  }

  /** Latency percentiles of a series of requests, in ms. */
  record Latency(int count, double p50Ms, double p99Ms) {
    @Override public String toString() {
      return String.format(java.util.Locale.ROOT, "p50 %.2f ms, p99 %.2f ms", p50Ms, p99Ms);
    }
  }

  /** The request times of one instance's share of a series where item i went to instance i mod instances. */
  static Latency ofInstance(long[] nanos, int instance, int instances) {
    long[] mine = new long[(nanos.length - instance + instances - 1) / instances];
    for (int i = instance, k = 0; i < nanos.length; i += instances) {
      mine[k++] = nanos[i];
    }
    return latency(mine);
  }

  /**
   * The window's throughput is its event count over the time from the first start to the last finish among its
   * events: with one client that is exactly its share of the run; with several it also counts their overlap.
   */
  static Window window(long[] startNs, long[] endNs, int from, int to) {
    long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
    long[] latencies = new long[to - from];
    for (int i = from; i < to; i++) {
      first = Math.min(first, startNs[i]);
      last = Math.max(last, endNs[i]);
      latencies[i - from] = endNs[i] - startNs[i];
    }
    Latency l = latency(latencies);
    return new Window(from, to, (to - from) / ((last - first) / 1e9), l.p50Ms, l.p99Ms);
  }

  static Latency latency(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latency(sorted.length, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6);
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
