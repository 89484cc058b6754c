package org.landrelease.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.landrelease.store.LedgerLock;
import java.util.function.Consumer;
import org.landrelease.domain.LedgerException;
import org.landrelease.store.LedgerStore;

/**
 * Many writes of one request (a review batch, an offline batch) taken one after the other, each in its turn against
 * what the ones before it wrote, and committed in groups of {@value #PER_COMMIT} under one hold of the ledger lock:
 * one commit (one H2 chunk, one PostgreSQL WAL flush) per group instead of one per write. None is answered before its
 * group is committed. A write refused by a ledger rule is rolled back to the point before it and does not undo the
 * others; a failure of the database fails the group, and nothing of it is stored.
 */
final class WriteGroups {
  /** Writes committed together. */
  static final int PER_COMMIT = 250;

  /** One write; a LedgerException refuses it alone. */
  @FunctionalInterface
  interface Step<T> {
    T write() throws SQLException;
  }

  /** What one write answered, or the refusal that left it out. */
  record Outcome<T>(T value, LedgerException refusal) {}

  private WriteGroups() {}

  /** Runs the steps in order; committed receives each group's written values once the group is committed. */
  static <T> List<Outcome<T>> run(LedgerLock lock, LedgerStore store, List<Step<T>> steps, Consumer<List<T>> committed)
      throws SQLException {
    List<Outcome<T>> out = new ArrayList<>(steps.size());
    for (int from = 0; from < steps.size(); from += PER_COMMIT) {
      out.addAll(group(lock, store, steps.subList(from, Math.min(steps.size(), from + PER_COMMIT)), committed));
    }
    return out;
  }

  private static <T> List<Outcome<T>> group(LedgerLock lock, LedgerStore store, List<Step<T>> steps,
      Consumer<List<T>> committed) throws SQLException {
    List<Outcome<T>> out = new ArrayList<>(steps.size());
    List<T> written = new ArrayList<>();
    lock.lock();
    try {
      try {
        for (Step<T> step : steps) {
          LedgerStore.Mark mark = store.mark();
          try {
            T value = step.write();
            mark.release();
            written.add(value);
            out.add(new Outcome<>(value, null));
          } catch (LedgerException e) {
            mark.rollback();
            out.add(new Outcome<>(null, e));
          }
        }
        store.commit();
      } catch (SQLException | RuntimeException e) {
        store.abort();
        throw e;
      }
      committed.accept(written);
      return out;
    } finally {
      lock.unlock();
    }
  }
}
