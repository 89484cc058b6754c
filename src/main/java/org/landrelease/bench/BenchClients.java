package org.landrelease.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/** Concurrent clients over a list of items: client c takes items c, c + n, c + 2n, ... in order. */
final class BenchClients {
  /** What one client does with its share of the items. */
  interface Work {
    void send(int first, int step) throws Exception;
  }

  private BenchClients() {}

  /** Runs the clients to the end, printing progress every 30 s; rethrows the first client's failure. */
  static void run(int clients, Work work, String what, int total, IntSupplier done) throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int first = c;
      Thread t = new Thread(() -> {
        try {
          work.send(first, clients);
        } catch (Exception e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      }, "bench-client-" + c);
      t.start();
      threads.add(t);
    }
    Thread progress = new Thread(() -> progress(what, total, done), "bench-progress");
    progress.setDaemon(true);
    progress.start();
    for (Thread t : threads) {
      t.join();
    }
    progress.interrupt();
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }

  /** One line every 30 s, so that a long run can be watched. */
  private static void progress(String what, int total, IntSupplier done) {
    long t0 = System.nanoTime();
    int before = 0;
    try {
      while (true) {
        Thread.sleep(30_000);
        int now = done.getAsInt();
        System.out.printf("  %,d / %,d %s, %.0f/s over the last 30 s, %.0f s in%n", now, total, what,
            (now - before) / 30.0, (System.nanoTime() - t0) / 1e9);
        before = now;
      }
    } catch (InterruptedException finished) {
      // the run is over
    }
  }
}
