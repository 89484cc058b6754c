package org.landrelease.bench;

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
 * With several service instances, event i goes to instance i mod m (its approval too).
 */
final class BenchReplay {
  /** The submission's and the approval's request times in one window of events. */
  record Split(int from, int to, BenchStats.Latency submit, BenchStats.Latency approve) {}

  /** One instance's share: its events and their submission and approval request times. */
  record Instance(int instance, int events, BenchStats.Latency submit, BenchStats.Latency approve) {}

  /** What a run measured: per window and overall, the status counts, and how many events released nothing. */
  record Result(int clients, BenchStats.Window overall, List<BenchStats.Window> windows, List<Split> splits,
      List<Instance> instances, Map<Integer, Integer> statuses, String firstProblem, int releasedNothing,
      int firstWindowNothing, int lastWindowNothing) {
    int non201() {
      return statuses.entrySet().stream().filter(e -> e.getKey() != 201).mapToInt(Map.Entry::getValue).sum();
    }
  }

  private final List<BenchHttp> http;
  private final List<BenchHttp> reviewer;
  private final List<byte[]> events;
  private final ObjectMapper mapper;
  private final long[] startNs, endNs;
  /** The two requests of each event: the submission, and the approval that applies it. */
  private final long[] submitNs, approveNs;
  private final int[] status;
  private final boolean[] releasedNothing;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicReference<String> firstProblem = new AtomicReference<>();

  private BenchReplay(List<BenchHttp> http, List<BenchHttp> reviewer, List<byte[]> events, ObjectMapper mapper) {
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

  /** http and reviewer: the two accounts' clients of each service instance. */
  static Result run(List<BenchHttp> http, List<BenchHttp> reviewer, List<byte[]> events, int clients, int window,
      ObjectMapper mapper)
      throws Exception {
    return new BenchReplay(http, reviewer, events, mapper).run(clients, window);
  }

  private Result run(int clients, int window) throws Exception {
    BenchClients.run(clients, this::send, "events", events.size(), done::get);
    return summarise(clients, window);
  }

  /** Where each window's time goes: the submission's and the approval's request times. */
  private List<Split> splits(int window) {
    List<Split> out = new ArrayList<>();
    for (int from = 0; from < events.size(); from += window) {
      int to = Math.min(events.size(), from + window);
      Split s = new Split(from, to, BenchStats.latency(java.util.Arrays.copyOfRange(submitNs, from, to)),
          BenchStats.latency(java.util.Arrays.copyOfRange(approveNs, from, to)));
      System.out.printf("  events %,d–%,d: submit %s; approve %s%n", from + 1, to, s.submit(), s.approve());
      out.add(s);
    }
    return out;
  }

  private List<Instance> instances() {
    List<Instance> out = new ArrayList<>();
    int n = http.size();
    for (int k = 0; k < n; k++) {
      Instance in = new Instance(k + 1, (events.size() - k + n - 1) / n, BenchStats.ofInstance(submitNs, k, n),
          BenchStats.ofInstance(approveNs, k, n));
      if (n > 1) {
        System.out.printf("  instance %d: %,d events; submit %s; approve %s%n", in.instance(), in.events(),
            in.submit(), in.approve());
      }
      out.add(in);
    }
    return out;
  }

  private void send(int first, int step) throws Exception {
    for (int i = first; i < events.size(); i += step) {
      long t0 = System.nanoTime();
      // one event through the workflow: the field team submits it, the reviewer approves it (and it is applied)
      int instance = i % http.size();
      BenchHttp.Response r = http.get(instance).post("api/events", events.get(i));
      if (r.status() == 201) {
        String id = mapper.readTree(r.body()).path("id").asText();
        BenchHttp.Response a = reviewer.get(instance).post("api/events/" + id + "/approve", new byte[0]);
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
    return new Result(clients, BenchStats.window(startNs, endNs, 0, n), windows, splits(window), instances(),
        statuses, firstProblem.get(), nothing, countNothing(first), countNothing(last));
  }

  private int countNothing(BenchStats.Window w) {
    int count = 0;
    for (int i = w.from(); i < w.to(); i++) {
      count += releasedNothing[i] ? 1 : 0;
    }
    return count;
  }
}
