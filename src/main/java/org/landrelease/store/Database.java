package org.landrelease.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2gis.functions.factory.H2GISFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2GIS database in one directory. WRITE_DELAY=0 on every open: with H2's default delay, a kill -9 right
 * after a commit loses acknowledged rows. H2 does not fsync, so this survives a process crash, not a power cut.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final int READERS = 8;
  private static final int COMPACT_EVERY_COMMITS = 100;
  private static final long COMPACT_CHECK_MS = 250;
  private static final int COMPACT_TARGET_FILL_PERCENT = 80;
  private static final int COMPACT_WRITE_BYTES = 4 << 20;
  /** What one step of a compaction rewrites while it holds H2's store lock, which every commit needs too. */
  private static final int COMPACT_STEP_BYTES = 256 << 10;

  private final String url;
  private final Connection writer;
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private final MVStore mvStore;
  private final AtomicInteger commitsSinceCompaction = new AtomicInteger();
  private final ScheduledExecutorService compactor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "store-compactor");
    t.setDaemon(true);
    return t;
  });

  private Database(String url) throws SQLException {
    this.url = url;
    this.writer = DriverManager.getConnection(url, "sa", "");
    writer.setAutoCommit(false);
    this.mvStore = ((SessionLocal) writer.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
        .getMvStore();
  }

  public static Database open(Path directory) throws SQLException {
    try {
      Files.createDirectories(directory);
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create database directory " + directory, e);
    }
    // RETENTION_TIME: H2 keeps superseded chunks for 45 s by default, so a steady stream of small commits grew the
    // file to 514 MB for 7,000 events; 1 s is ample for a process crash (the OS holds the written pages)
    String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("ledger") + ";WRITE_DELAY=0;RETENTION_TIME=1000";
    Database db = new Database(url);
    db.initialise();
    db.compactor.scheduleWithFixedDelay(db::compactIfDue, COMPACT_CHECK_MS, COMPACT_CHECK_MS, TimeUnit.MILLISECONDS);
    return db;
  }

  private void initialise() throws SQLException {
    long t0 = System.nanoTime();
    if (!h2gisLoaded()) {
      // registers the ST_ functions in the database itself, so SQL users and backups can use them
      H2GISFunctions.load(writer);
      // H2GISFunctions.load turns auto-commit back on: without this, on a new database every statement of an
      // event would commit on its own and a failure half-way would leave an event without its pieces
      writer.setAutoCommit(false);
      writer.commit();
      LOG.info("H2GIS functions registered in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
    try (Statement st = writer.createStatement()) {
      String version = null;
      boolean hasEventTable = false;
      if (tableExists(st, "META")) {
        try (ResultSet rs = st.executeQuery("SELECT v FROM meta WHERE k = 'schema'")) {
          version = rs.next() ? rs.getString(1) : "1";
        }
        hasEventTable = tableExists(st, "EVENT");
      }
      if (hasEventTable && !Schema.VERSION.equals(version)) {
        throw new SQLException("the database at " + url + " has schema version " + version + "; this service needs "
            + Schema.VERSION + ". Move the directory away (or restore a backup of this version) and start again.");
      }
      for (String ddl : Schema.STATEMENTS) {
        st.execute(ddl);
      }
      st.execute("MERGE INTO meta (k, v) KEY (k) VALUES ('schema', '" + Schema.VERSION + "')");
    }
    writer.commit();
  }

  private static boolean tableExists(Statement st, String name) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '"
        + name + "' AND TABLE_SCHEMA = 'PUBLIC'")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  private boolean h2gisLoaded() throws SQLException {
    try (Statement st = writer.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_NAME = 'ST_INTERSECTS'")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  /** The one connection that writes; callers hold the ledger's write lock. Auto-commit is off. */
  public Connection writer() {
    return writer;
  }

  /**
   * Called by the writer after each commit. With WRITE_DELAY=0 H2 runs no background writer, and so never compacts:
   * the file grew to 720 MB for the 9,000-event demo (16 GB for the 150,000-event benchmark) and every commit got
   * slower as it grew. Rewriting the sparse chunks after every 100 commits keeps the file near its live size
   * (measured: 8,000 commits 27 s and 200 MB without, 3.9 s and 65 MB with). It runs on a thread of its own, as
   * H2's background writer would: inside the request it cost 12% of the CPU and put 20 ms on one request in 100.
   */
  public void committed() {
    commitsSinceCompaction.incrementAndGet();
  }

  private void compactIfDue() {
    if (commitsSinceCompaction.get() < COMPACT_EVERY_COMMITS) {
      return;
    }
    commitsSinceCompaction.set(0);
    try {
      // in steps: one compact(.., 4 MB) held H2's store lock for 20-950 ms (p50 69 ms), and every commit that came
      // meanwhile waited for all of it: 1.5 % of events, which made the request p99. A step rewrites 256 KB; the lock
      // is fair, so a waiting commit goes before the next step. compact() answers false once the file is full enough
      // or when it could not have the lock.
      for (int written = 0; written < COMPACT_WRITE_BYTES; written += COMPACT_STEP_BYTES) {
        if (!mvStore.compact(COMPACT_TARGET_FILL_PERCENT, COMPACT_STEP_BYTES)) {
          break;
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("store compaction failed; it is tried again after the next commits", e);
    }
  }

  /** Runs a read on a pooled connection. */
  public <T> T read(SqlFunction<Connection, T> work) throws SQLException {
    Connection c = readers.poll();
    if (c == null) {
      c = DriverManager.getConnection(url, "sa", "");
      c.setReadOnly(true);
    }
    try {
      return work.apply(c);
    } finally {
      if (!readers.offer(c)) {
        c.close();
      }
    }
  }

  @FunctionalInterface
  public interface SqlFunction<A, T> {
    T apply(A a) throws SQLException;
  }

  @Override
  public void close() throws SQLException {
    compactor.shutdownNow();
    try {
      compactor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Connection c;
    while ((c = readers.poll()) != null) {
      c.close();
    }
    writer.close();
  }
}
