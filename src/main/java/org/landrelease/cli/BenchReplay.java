package org.landrelease.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Replays the release events, one POST /api/events per event, as a field office would send them. With several
 * clients, event i goes to client i mod n: each client keeps the workload's order, and together they keep it roughly.
 */
final class BenchReplay {
  /** What a run measured: per window and overall, the status counts, and how many events released nothing. */
  record Result(int clients, BenchStats.Window overall, List<BenchStats.Window> windows,
      Map<Integer, Integer> statuses, String firstProblem, int releasedNothing, int firstWindowNothing,
      int lastWindowNothing) {
    int non201() {
      return statuses.entrySet().stream().filter(e -> e.getKey() != 201).mapToInt(Map.Entry::getValue).sum();
    }
  }

  private final BenchHttp http;
  private final BenchHttp reviewer;
  private final List<byte[]> events;
  private final ObjectMapper mapper;
  private final long[] startNs, endNs;
  /** The two requests of each event: the submission, and the approval that applies it. */
  private final long[] submitNs, approveNs;
  private final int[] status;
  private final boolean[] releasedNothing;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicReference<String> firstProblem = new AtomicReference<>();

  private BenchReplay(BenchHttp http, BenchHttp reviewer, List<byte[]> events, ObjectMapper mapper) {
    this.http = http;
    this.reviewer = reviewer;
    this.events = events;
    this.mapper = mapper;
    int n = events.size();
    startNs = new long[n];
    endNs = new long[n];
    submitNs = new long[n];
    approveNs = new long[n];
    status = new int[n];
    releasedNothing = new boolean[n];
  }

  static Result run(BenchHttp http, BenchHttp reviewer, List<byte[]> events, int clients, int window,
      ObjectMapper mapper)
      throws Exception {
    return new BenchReplay(http, reviewer, events, mapper).run(clients, window);
  }

  private Result run(int clients, int window) throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int first = c;
      Thread t = new Thread(() -> {
        try {
          send(first, clients);
        } catch (Exception e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      }, "bench-client-" + c);
      t.start();
      threads.add(t);
    }
    Thread progress = new Thread(this::reportProgress, "bench-progress");
    progress.setDaemon(true);
    progress.start();
    for (Thread t : threads) {
      t.join();
    }
    progress.interrupt();
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    printSplit(window);
    return summarise(clients, window);
  }

  /** Where each window's time goes: the submission's and the approval's median, printed as the run ends. */
  private void printSplit(int window) {
    for (int from = 0; from < events.size(); from += window) {
      int to = Math.min(events.size(), from + window);
      BenchStats.Latency s = BenchStats.latency(java.util.Arrays.copyOfRange(submitNs, from, to));
      BenchStats.Latency a = BenchStats.latency(java.util.Arrays.copyOfRange(approveNs, from, to));
      System.out.printf("  events %,d–%,d: submit p50 %.2f ms p99 %.2f ms; approve p50 %.2f ms p99 %.2f ms%n",
          from + 1, to, s.p50Ms(), s.p99Ms(), a.p50Ms(), a.p99Ms());
    }
  }

  private void send(int first, int step) throws Exception {
    for (int i = first; i < events.size(); i += step) {
      long t0 = System.nanoTime();
      // one event through the workflow: the field team submits it, the reviewer approves it (and it is applied)
      BenchHttp.Response r = http.post("api/events", events.get(i));
      if (r.status() == 201) {
        String id = mapper.readTree(r.body()).path("id").asText();
        BenchHttp.Response a = reviewer.post("api/events/" + id + "/approve", new byte[0]);
        submitNs[i] = r.nanos();
        approveNs[i] = a.nanos();
        r = a.status() == 200 ? new BenchHttp.Response(201, a.body(), a.nanos()) : a;
      }
      endNs[i] = System.nanoTime();
      startNs[i] = t0;
      status[i] = r.status();
      if (r.status() == 201) {
        releasedNothing[i] = mapper.readTree(r.body()).path("releasedKm2").asDouble() == 0;
      } else {
        firstProblem.compareAndSet(null, "event " + (i + 1) + ": " + r.status() + " "
            + new String(r.body(), StandardCharsets.UTF_8));
      }
      done.incrementAndGet();
    }
  }

  /** One line every 30 s, so that a long run can be watched. */
  private void reportProgress() {
    long t0 = System.nanoTime();
    int before = 0;
    try {
      while (true) {
        Thread.sleep(30_000);
        int now = done.get();
        System.out.printf("  %,d / %,d events, %.0f events/s over the last 30 s, %.0f s in%n", now, events.size(),
            (now - before) / 30.0, (System.nanoTime() - t0) / 1e9);
        before = now;
      }
    } catch (InterruptedException finished) {
      // the run is over
    }
  }

  private Result summarise(int clients, int window) {
    int n = events.size();
    List<BenchStats.Window> windows = new ArrayList<>();
    for (int from = 0; from < n; from += window) {
      windows.add(BenchStats.window(startNs, endNs, from, Math.min(n, from + window)));
    }
    Map<Integer, Integer> statuses = new TreeMap<>();
    int nothing = 0;
    for (int i = 0; i < n; i++) {
      statuses.merge(status[i], 1, Integer::sum);
      nothing += releasedNothing[i] ? 1 : 0;
    }
    BenchStats.Window first = windows.get(0), last = windows.get(windows.size() - 1);
    return new Result(clients, BenchStats.window(startNs, endNs, 0, n), windows, statuses, firstProblem.get(),
        nothing, countNothing(first), countNothing(last));
  }

  private int countNothing(BenchStats.Window w) {
    int count = 0;
    for (int i = w.from(); i < w.to(); i++) {
      count += releasedNothing[i] ? 1 : 0;
    }
    return count;
  }
}
