package org.landrelease.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bench --mode batch}: the field teams submit every event first (POST /api/events, one per event, with the
 * run's clients), then one reviewer approves them in workload order in POST /api/reviews batches of 1,000 decisions,
 * as a reviewer clearing a backlog would. Event i is submitted to instance i mod m, batch b goes to instance b mod m.
 */
final class BenchBatch {
  static final int DECISIONS = 1000;

  /**
   * One window of events: submissions/s over the first start to the last finish of its submissions, their request
   * times; approvals/s over the batches that hold its events (the batch size divides the window: whole batches), and
   * those batch requests' times.
   */
  record Window(int from, int to, double submissionsPerSecond, BenchStats.Latency submit, double approvalsPerSecond,
      BenchStats.Latency batches) {
    String label() {
      return String.format("events %,d–%,d", from + 1, to);
    }
  }

  /** One instance's share of the submissions and of the batch requests. */
  record Instance(int instance, int events, BenchStats.Latency submit, int batches, BenchStats.Latency batch) {}

  /** overall: all events as one window. */
  record Result(int clients, Window overall, List<Window> windows, List<Instance> instances,
      Map<Integer, Integer> submitStatuses, int approved, int refusedDecisions, String firstProblem,
      int releasedNothing) {
    int notApproved() {
      return overall.to() - approved;
    }
  }

  private final List<BenchHttp> http;
  private final List<BenchHttp> reviewer;
  private final List<byte[]> events;
  private final ObjectMapper mapper;
  private final long[] submitStartNs, submitEndNs;
  private final String[] ids;
  private final int[] status;
  /** Per batch: its first event, its start and end. */
  private final long[] batchStartNs, batchEndNs;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicReference<String> firstProblem = new AtomicReference<>();
  private int approved, refused, releasedNothing;

  private BenchBatch(List<BenchHttp> http, List<BenchHttp> reviewer, List<byte[]> events, ObjectMapper mapper) {
    this.http = http;
    this.reviewer = reviewer;
    this.events = events;
    this.mapper = mapper;
    int n = events.size();
    submitStartNs = new long[n];
    submitEndNs = new long[n];
    ids = new String[n];
    status = new int[n];
    int batches = (n + DECISIONS - 1) / DECISIONS;
    batchStartNs = new long[batches];
    batchEndNs = new long[batches];
  }

  /** window: events per reported window, rounded down to whole batches (at least one). */
  static Result run(List<BenchHttp> http, List<BenchHttp> reviewer, List<byte[]> events, int clients, int window,
      ObjectMapper mapper) throws Exception {
    BenchBatch b = new BenchBatch(http, reviewer, events, mapper);
    System.out.printf("Submitting %,d events with %d client(s)...%n", events.size(), clients);
    BenchClients.run(clients, b::submit, "submissions", events.size(), b.done::get);
    System.out.printf("Approving them in batches of %,d...%n", DECISIONS);
    b.done.set(0);
    BenchClients.run(1, (first, step) -> b.approve(), "approvals", events.size(), b.done::get);
    return b.summarise(clients, Math.max(DECISIONS, window / DECISIONS * DECISIONS));
  }

  private void submit(int first, int step) throws Exception {
    for (int i = first; i < events.size(); i += step) {
      submitStartNs[i] = System.nanoTime();
      BenchHttp.Response r = http.get(i % http.size()).post("api/events", events.get(i));
      submitEndNs[i] = System.nanoTime();
      status[i] = r.status();
      if (r.status() == 201) {
        ids[i] = mapper.readTree(r.body()).path("id").asText();
      } else {
        firstProblem.compareAndSet(null, "submission of event " + (i + 1) + ": " + r.status() + " "
            + new String(r.body(), StandardCharsets.UTF_8));
      }
      done.incrementAndGet();
    }
  }

  private void approve() throws Exception {
    for (int b = 0; b * DECISIONS < events.size(); b++) {
      int from = b * DECISIONS, to = Math.min(events.size(), from + DECISIONS);
      ObjectNode body = mapper.createObjectNode();
      ArrayNode list = body.putArray("decisions");
      for (int i = from; i < to; i++) {
        if (ids[i] != null) {
          list.addObject().put("event", ids[i]).put("decision", "APPROVE");
        }
      }
      byte[] json = mapper.writeValueAsBytes(body);
      batchStartNs[b] = System.nanoTime();
      BenchHttp.Response r = reviewer.get(b % reviewer.size()).post("api/reviews", json);
      batchEndNs[b] = System.nanoTime();
      if (r.status() != 200) {
        refused += list.size();
        firstProblem.compareAndSet(null, "review batch of events " + (from + 1) + "–" + to + ": " + r.status() + " "
            + new String(r.body(), StandardCharsets.UTF_8));
      } else {
        count(mapper.readTree(r.body()), from);
      }
      done.addAndGet(to - from);
    }
  }

  private void count(JsonNode answer, int from) {
    approved += answer.path("approved").asInt();
    refused += answer.path("refused").asInt();
    for (JsonNode item : answer.path("results")) {
      if (item.path("status").asInt() == 200) {
        releasedNothing += item.path("result").path("releasedKm2").asDouble() == 0 ? 1 : 0;
      } else {
        firstProblem.compareAndSet(null, "decision in the batch from event " + (from + 1) + ": " + item);
      }
    }
  }

  private Result summarise(int clients, int window) {
    int n = events.size();
    List<Window> windows = new ArrayList<>();
    for (int from = 0; from < n; from += window) {
      windows.add(window(from, Math.min(n, from + window)));
    }
    for (Window w : windows) {
      System.out.printf("  %-24s %6.0f submissions/s (%s)  %6.0f approvals/s (batch requests %s)%n", w.label(),
          w.submissionsPerSecond(), w.submit(), w.approvalsPerSecond(), w.batches());
    }
    List<Instance> instances = new ArrayList<>();
    int m = http.size();
    for (int k = 0; k < m; k++) {
      Instance in = new Instance(k + 1, (n - k + m - 1) / m, BenchStats.ofInstance(durations(submitStartNs,
          submitEndNs, 0, n), k, m), (batchStartNs.length - k + m - 1) / m, BenchStats.ofInstance(
              durations(batchStartNs, batchEndNs, 0, batchStartNs.length), k, m));
      if (m > 1) {
        System.out.printf("  instance %d: %,d submissions (%s); %d batches (%s)%n", in.instance(), in.events(),
            in.submit(), in.batches(), in.batch());
      }
      instances.add(in);
    }
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int s : status) {
      statuses.merge(s, 1, Integer::sum);
    }
    return new Result(clients, window(0, n), windows, instances, statuses, approved, refused, firstProblem.get(),
        releasedNothing);
  }

  private Window window(int from, int to) {
    int firstBatch = from / DECISIONS, endBatch = (to + DECISIONS - 1) / DECISIONS;
    long[] submits = durations(submitStartNs, submitEndNs, from, to);
    long[] batches = durations(batchStartNs, batchEndNs, firstBatch, endBatch);
    double submitS = (max(submitEndNs, from, to) - min(submitStartNs, from, to)) / 1e9;
    double approveS = (max(batchEndNs, firstBatch, endBatch) - min(batchStartNs, firstBatch, endBatch)) / 1e9;
    return new Window(from, to, (to - from) / submitS, BenchStats.latency(submits), (to - from) / approveS,
        BenchStats.latency(batches));
  }

  private static long[] durations(long[] start, long[] end, int from, int to) {
    long[] out = new long[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = end[i] - start[i];
    }
    return out;
  }

  private static long min(long[] a, int from, int to) {
    return Arrays.stream(a, from, to).min().orElse(0);
  }

  private static long max(long[] a, int from, int to) {
    return Arrays.stream(a, from, to).max().orElse(0);
  }
}
