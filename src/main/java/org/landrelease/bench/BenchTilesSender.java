package org.landrelease.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Sends generated events to the service in batches while the generator makes the next ones on another thread (a
 * million hazards are minutes of geometry; both together keep the two cores busy), and prints the progress. The
 * first skip events are generated and dropped: they are stored already.
 */
final class BenchTilesSender {
  /** Takes each generated event body, in order. */
  interface Sink {
    void accept(byte[] body) throws Exception;
  }

  /** Generates the events into the sink; what it returns, run returns. */
  interface Producer<T> {
    T produce(Sink sink) throws Exception;
  }

  private static final List<byte[]> END = new ArrayList<>(0);

  private final String what;
  private final BenchHttp admin;
  private final BenchHttp reviewer;
  private final int batchSize;
  private final int skip;
  private final int total;
  private final int progressEvery;
  private final ObjectMapper mapper;
  private int sent, created, refused;
  private long waitedNanos, nanos;
  private String firstProblem;

  BenchTilesSender(String what, BenchHttp admin, BenchHttp reviewer, int batchSize, int skip, int total,
      int progressEvery, ObjectMapper mapper) {
    this.what = what;
    this.admin = admin;
    this.reviewer = reviewer;
    this.batchSize = batchSize;
    this.skip = skip;
    this.total = total;
    this.progressEvery = progressEvery;
    this.mapper = mapper;
  }

  <T> T run(Producer<T> producer) throws Exception {
    BlockingQueue<List<byte[]>> queue = new ArrayBlockingQueue<>(8);
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread generator = new Thread(() -> generate(producer, queue, result), "bench-tiles-generator");
    generator.setDaemon(true);
    generator.start();
    long t0 = System.nanoTime(), windowStart = t0;
    int windowSent = 0;
    try {
      while (true) {
        long w0 = System.nanoTime();
        List<byte[]> batch = queue.take();
        waitedNanos += System.nanoTime() - w0;
        if (batch == END) {
          break;
        }
        BenchLoad.Batch b = BenchLoad.batch(admin, reviewer, batch, mapper);
        created += b.created();
        refused += b.refused();
        if (firstProblem == null && b.firstProblem() != null) {
          firstProblem = what + " " + (skip + sent + b.firstProblemIndex() + 1) + ": " + b.firstProblem();
        }
        sent += batch.size();
        windowSent += batch.size();
        if (windowSent >= progressEvery) {
          long now = System.nanoTime();
          double overall = sent / ((now - t0) / 1e9);
          System.out.printf("  %s %,d of %,d: %,.0f/s over the last %,d, %,.0f/s in all; %.1f s waiting for the"
              + " generator; about %.0f min to go%n", what, skip + sent, total, windowSent / ((now - windowStart) / 1e9),
              windowSent, overall, waitedNanos / 1e9, (total - skip - sent) / overall / 60);
          windowStart = now;
          windowSent = 0;
        }
      }
    } catch (Exception | Error e) {
      generator.interrupt();
      throw e;
    } finally {
      nanos = System.nanoTime() - t0;
    }
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }

  private <T> void generate(Producer<T> producer, BlockingQueue<List<byte[]>> queue, CompletableFuture<T> result) {
    List<List<byte[]>> current = new ArrayList<>(List.of(new ArrayList<>(batchSize)));
    int[] index = {0};
    try {
      T t = producer.produce(body -> {
        if (index[0]++ < skip) {
          return;
        }
        current.get(0).add(body);
        if (current.get(0).size() == batchSize) {
          queue.put(current.get(0));
          current.set(0, new ArrayList<>(batchSize));
        }
      });
      if (!current.get(0).isEmpty()) {
        queue.put(current.get(0));
      }
      result.complete(t);
    } catch (InterruptedException e) {
      result.completeExceptionally(e);
      return;
    } catch (Exception | Error e) {
      result.completeExceptionally(e);
    }
    try {
      queue.put(END);
    } catch (InterruptedException e) {
      // the sender gave up
    }
  }

  void printSummary() {
    System.out.printf("%s: %,d sent in %.1f s (%,.0f/s), %,d created, %,d replayed or refused%s; %.1f s waiting for"
        + " the generator%n", what, sent, seconds(), sent / seconds(), created, refused,
        firstProblem == null ? "" : "; first refusal: " + firstProblem, waitedNanos / 1e9);
  }

  int sent() {
    return sent;
  }

  double seconds() {
    return nanos / 1e9;
  }

  String firstProblem() {
    return firstProblem;
  }
}
