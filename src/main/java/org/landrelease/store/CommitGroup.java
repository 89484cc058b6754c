package org.landrelease.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.landrelease.domain.LedgerException;

/**
 * Group commit across concurrent requests. A writer that finishes its work while others queue for the ledger lock
 * does not commit: it leaves its work in the open transaction, passes the lock on, and waits; the next holder adds
 * its own work to the same transaction, and the first holder that finds nobody queued commits for all of them. So
 * concurrent writers share one commit (one H2 chunk, one PostgreSQL WAL flush) instead of paying one each, and none
 * is answered before the commit that holds its work: a member waits for it after releasing the lock
 * ({@link LedgerLock#unlock}). Each member's work is applied in its turn, against everything the members before it
 * wrote, and a member that fails rolls back to its own savepoint only. All state is guarded by the ledger lock.
 */
final class CommitGroup {
  /** At most this many writers wait for one commit: it bounds how long the first of them waits. */
  static final int MAX_WAITING = 32;

  /** A writer's place in the group: what to run once its work is committed, and the signal it waits for. */
  static final class Ticket {
    private final Runnable afterCommit;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile SQLException failure;

    Ticket(Runnable afterCommit) {
      this.afterCommit = afterCommit;
    }

    /** Waits until the group's commit; a failed commit fails every member (503: the database went away). */
    void await() {
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failure != null) {
        throw LedgerException.unavailable("the database did not commit; nothing of this request was stored, "
            + "try again", failure).with("store.notCommitted");
      }
    }
  }

  private final List<Ticket> waiting = new ArrayList<>();

  boolean open() {
    return !waiting.isEmpty();
  }

  boolean full() {
    return waiting.size() >= MAX_WAITING;
  }

  void add(Ticket t) {
    waiting.add(t);
  }

  /** After the commit: the members' after-commit work in their order, then their answers go out. */
  void committed() {
    List<Ticket> group = new ArrayList<>(waiting);
    waiting.clear();
    for (Ticket t : group) {
      if (t.afterCommit != null) {
        t.afterCommit.run();
      }
    }
    for (Ticket t : group) {
      t.done.countDown();
    }
  }

  /** The commit failed or the transaction was rolled back: every waiting member fails. */
  void failed(SQLException cause) {
    List<Ticket> group = new ArrayList<>(waiting);
    waiting.clear();
    for (Ticket t : group) {
      t.failure = cause;
      t.done.countDown();
    }
  }
}
