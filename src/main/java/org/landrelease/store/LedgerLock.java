package org.landrelease.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.landrelease.domain.LedgerException;

/**
 * The ledger's write lock: one writer at a time, across every service instance on the database. Within an instance
 * it is a fair in-process lock (the writer connection is one); on PostgreSQL the first holder also takes
 * {@code pg_advisory_xact_lock} in the write transaction, so instances on one database apply events one after the
 * other, each seeing everything the previous one committed (READ COMMITTED: every statement after the wait reads the
 * latest commits). What it serialises: every change to events, hazards, pieces, partners, grants and accounts.
 * Reads never take it.
 *
 * <p>Measured on this machine kind (STACK-NOTES): one global advisory lock gave 1,237 events/s with 8 clients, more
 * than the ledger's geometry can fill on 2 cores; per-cell locks were faster but need the cells of a footprint known
 * before the lock, and SERIALIZABLE needs retries of work that the HTTP layer has already partly answered.
 */
public final class LedgerLock {
  /** The advisory lock key: "LEDGER" in ASCII. */
  static final long ADVISORY_KEY = 0x4C4544474552L;

  private final ReentrantLock local = new ReentrantLock(true);
  private final Database db;
  /** The group-commit ticket of a holder that left its work for the next holder to commit; see unlock. */
  private final ThreadLocal<CommitGroup.Ticket> handedOver = new ThreadLocal<>();
  /** Tests only: switched off, instances do not serialise against each other (to show the double count). */
  private volatile boolean shared = true;

  LedgerLock(Database db) {
    this.db = db;
  }

  /** Tests only: false turns off the serialisation across instances, so that a test can show what it prevents. */
  public void serialiseAcrossInstances(boolean on) {
    this.shared = on;
  }

  private boolean crossInstance() {
    return db.dialect() == Dialect.POSTGIS;
  }

  /** Waits for the lock: this instance's writers in turn and, on PostgreSQL, every other instance's. */
  public void lock() {
    local.lock();
    if (local.getHoldCount() == 1 && crossInstance()) {
      try {
        takeAdvisory();
      } catch (SQLException e) {
        release();
        local.unlock();
        throw LedgerException.unavailable("the database is unavailable; nothing was stored, try again shortly", e)
            .with("store.unavailable");
      }
    }
  }

  private void takeAdvisory() throws SQLException {
    Connection c = db.writer();
    if (!shared) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      ps.setLong(1, ADVISORY_KEY);
      ps.execute();
    } catch (SQLException e) {
      db.writerFailed();
      throw e;
    }
  }

  /** After a commit made while the lock is still held, the next transaction takes the advisory lock again. */
  void afterCommit() throws SQLException {
    if (local.isHeldByCurrentThread() && crossInstance()) {
      takeAdvisory();
    }
  }

  /**
   * Ends whatever the holder left open: an uncommitted transaction, and with it the advisory lock. Work of writers
   * waiting for a shared commit in it is lost with it, and they are told (503).
   */
  private void release() {
    db.rollback();
  }

  /** True when other writers of this instance queue for the lock: a commit can be shared with them. */
  boolean othersWaiting() {
    return local.hasQueuedThreads();
  }

  /** The holder's work stays uncommitted for the next holder to commit with its own; unlock then waits for it. */
  void handOver(CommitGroup.Ticket ticket) {
    handedOver.set(ticket);
  }

  /**
   * Releases the lock. A holder that handed its work over waits here, after the release, until the group's commit:
   * the caller's answer is sent only after its work is committed (a failed commit throws, 503). A holder that finds
   * others' work waiting and wrote nothing itself commits it before it leaves.
   */
  public void unlock() {
    CommitGroup.Ticket ticket = null;
    try {
      if (local.getHoldCount() == 1) {
        ticket = handedOver.get();
        handedOver.remove();
        if (ticket == null && db.groupOpen()) {
          try {
            db.commit();
          } catch (SQLException e) {
            // the waiting writers are told (they answer 503); this holder's own request wrote nothing
          }
        }
        if (ticket == null && crossInstance()) {
          release();
        }
      }
    } finally {
      local.unlock();
    }
    if (ticket != null) {
      ticket.await();
    }
  }

  public boolean isHeldByCurrentThread() {
    return local.isHeldByCurrentThread();
  }
}
