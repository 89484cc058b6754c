package org.landrelease.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With WRITE_DELAY=0 H2 runs no background writer, and so never compacts: the file grew to 720 MB for the 9,000-event
 * demo (16 GB for the 150,000-event benchmark) and every commit got slower as it grew. Rewriting the sparse chunks
 * after every 100 commits keeps the file near its live size (measured: 8,000 commits 27 s and 200 MB without, 3.9 s
 * and 65 MB with). It runs on a thread of its own, as H2's background writer would: inside the request it cost 12% of
 * the CPU and put 20 ms on one request in 100.
 */
final class H2Compaction {
  private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);
  private static final int COMPACT_EVERY_COMMITS = 100;
  private static final long COMPACT_CHECK_MS = 250;
  private static final int COMPACT_TARGET_FILL_PERCENT = 80;
  private static final int COMPACT_WRITE_BYTES = 4 << 20;
  /** What one step of a compaction rewrites while it holds H2's store lock, which every commit needs too. */
  private static final int COMPACT_STEP_BYTES = 256 << 10;

  private final MVStore mvStore;
  private final AtomicInteger commitsSinceCompaction = new AtomicInteger();
  private final ScheduledExecutorService compactor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "store-compactor");
    t.setDaemon(true);
    return t;
  });

  private H2Compaction(MVStore mvStore) {
    this.mvStore = mvStore;
  }

  static H2Compaction start(Connection h2) throws SQLException {
    MVStore store = ((SessionLocal) h2.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
        .getMvStore();
    H2Compaction c = new H2Compaction(store);
    c.compactor.scheduleWithFixedDelay(c::compactIfDue, COMPACT_CHECK_MS, COMPACT_CHECK_MS, TimeUnit.MILLISECONDS);
    return c;
  }

  void committed() {
    commitsSinceCompaction.incrementAndGet();
  }

  private void compactIfDue() {
    if (commitsSinceCompaction.get() < COMPACT_EVERY_COMMITS) {
      return;
    }
    commitsSinceCompaction.set(0);
    try {
      // in steps: one compact(.., 4 MB) held H2's store lock for 20-950 ms (p50 69 ms, JFR), and every commit that
      // came meanwhile waited for all of it: 1.5 % of events, which made the request p99. A step rewrites 256 KB; the
      // lock is fair, so a waiting commit goes before the next step. compact() answers false once the file is full
      // enough or when it could not have the lock. The cost: the file stays about twice as large (each step writes a
      // chunk of its own); measured on 30,000 events, 571-780 MB against 307-337 MB.
      for (int written = 0; written < COMPACT_WRITE_BYTES; written += COMPACT_STEP_BYTES) {
        if (!mvStore.compact(COMPACT_TARGET_FILL_PERCENT, COMPACT_STEP_BYTES)) {
          break;
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("store compaction failed; it is tried again after the next commits", e);
    }
  }

  void stop() {
    compactor.shutdownNow();
    try {
      compactor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
