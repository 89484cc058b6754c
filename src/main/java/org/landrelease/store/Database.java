package org.landrelease.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's database: the embedded H2GIS file (the default) or PostgreSQL/PostGIS (production). Every change is
 * made on one writer connection, under the ledger lock ({@link LedgerLock}); reads run on pooled connections.
 *
 * <p>Both stores run the same SQL; what differs lives in {@link Dialect} (start-up, migrations' index syntax,
 * geometry exchange, the lock). One class with a small dialect rather than two store implementations: the ledger's
 * SQL is standard apart from a handful of lines, and two copies of every query would drift apart.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final int H2_READERS = 8;
  private static final int PG_POOL = 8;

  private final Dialect dialect;
  private final String url;
  private final Properties credentials;
  /** PostgreSQL only: the read pool. H2 keeps its own small queue of connections to the embedded file. */
  private final HikariDataSource pool;
  private final BlockingQueue<Connection> h2Readers = new ArrayBlockingQueue<>(H2_READERS);
  private final H2Compaction compaction;
  private final LedgerLock lock = new LedgerLock(this);
  private final CommitGroup group = new CommitGroup();
  private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
  private Connection writer;

  private Database(Dialect dialect, String url, Properties credentials) throws SQLException {
    this.dialect = dialect;
    this.url = url;
    this.credentials = credentials;
    this.writer = openWriter();
    this.pool = dialect == Dialect.POSTGIS ? pgPool(url, credentials) : null;
    this.compaction = dialect == Dialect.H2GIS ? H2Compaction.start(writer) : null;
  }

  /**
   * The embedded H2GIS database in one directory. WRITE_DELAY=0 on every open: with H2's default delay, a kill -9
   * right after a commit loses acknowledged rows. H2 does not fsync, so this survives a process crash, not a power cut.
   */
  public static Database openH2(Path directory) throws SQLException {
    try {
      Files.createDirectories(directory);
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create database directory " + directory, e);
    }
    // RETENTION_TIME: H2 keeps superseded chunks for 45 s by default, so a steady stream of small commits grew the
    // file to 514 MB for 7,000 events; 1 s is ample for a process crash (the OS holds the written pages)
    // QUERY_CACHE_SIZE: H2 keeps 8 parsed statements per connection by default, fewer than one approval runs, so
    // every statement was parsed again: 15 % of the service's CPU in a profile of submit + approve (JFR)
    // OPTIMIZE_REUSE_RESULTS=FALSE: by default each cached statement also keeps its last result, to answer the same
    // query again; with 64 statements per reader, the results of zoom-8 tile reads (40,000 rows each) held a 512 MB
    // heap full
    String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("ledger")
        + ";WRITE_DELAY=0;RETENTION_TIME=1000;QUERY_CACHE_SIZE=64;OPTIMIZE_REUSE_RESULTS=FALSE";
    Properties p = new Properties();
    p.setProperty("user", "sa");
    p.setProperty("password", "");
    return migrated(new Database(Dialect.H2GIS, url, p));
  }

  /** The database with its schema migrated to this version; closed again when that fails. */
  private static Database migrated(Database db) throws SQLException {
    try {
      Migrations.run(db);
    } catch (SQLException | RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  /** PostgreSQL with PostGIS at a JDBC URL; user and password come from the environment, never a command line. */
  public static Database openPostgres(String url, String user, String password) throws SQLException {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new SQLException("--db-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/ledger), not " + url);
    }
    Properties p = new Properties();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    // fail fast when the server is away: a request answers 503 in seconds, never hangs
    p.setProperty("connectTimeout", "5");
    p.setProperty("tcpKeepAlive", "true");
    p.setProperty("ApplicationName", "landrelease");
    return migrated(new Database(Dialect.POSTGIS, url, p));
  }

  private static HikariDataSource pgPool(String url, Properties credentials) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    hc.setDataSourceProperties(credentials);
    hc.setMaximumPoolSize(PG_POOL);
    hc.setMinimumIdle(2);
    hc.setReadOnly(true);
    hc.setPoolName("ledger-read");
    // a reader waits at most this long for a connection; then the request answers 503 (the database is away)
    hc.setConnectionTimeout(5_000);
    hc.setInitializationFailTimeout(-1);
    return new HikariDataSource(hc);
  }

  private Connection openWriter() throws SQLException {
    Connection c = DriverManager.getConnection(url, credentials);
    c.setAutoCommit(false);
    if (dialect == Dialect.POSTGIS) {
      // the ledger lock is an advisory lock taken at the start of each write transaction; it needs READ COMMITTED,
      // where every statement after the wait sees what the previous holder committed
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
    return c;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The one connection that writes; callers hold the ledger lock. Auto-commit is off. Reopened after a failure. */
  public Connection writer() throws SQLException {
    if (writer == null || writer.isClosed()) {
      writer = openWriter();
      LOG.info("writer connection reopened");
    }
    return writer;
  }

  /** After a failed write: a broken connection (the server went away) is dropped so the next write reconnects. */
  void writerFailed() {
    try {
      if (writer != null && !writer.isClosed() && !writer.isValid(2)) {
        writer.close();
      }
    } catch (SQLException e) {
      LOG.debug("closing a broken writer connection", e);
    }
  }

  /** The ledger's write lock, across instances on PostgreSQL. */
  public LedgerLock lock() {
    return lock;
  }

  /**
   * Work in the writer's transaction, then committed, or shared with the writers queued behind (CommitGroup): when
   * this returns the work may still be uncommitted, but the caller's answer waits for the commit when it releases
   * the lock. afterCommit (may be null) runs once it is committed, in the order of the writers. A failure rolls back
   * this work only (to a savepoint when others' work shares the transaction) and is thrown.
   */
  void transaction(Work work, Runnable afterCommit) throws SQLException {
    java.sql.Savepoint mark = group.open() ? writer().setSavepoint() : null;
    try {
      work.run();
    } catch (SQLException | RuntimeException e) {
      if (mark != null) {
        try {
          writer().rollback(mark);
        } catch (SQLException r) {
          rollback();
        }
      } else {
        rollback();
      }
      throw e;
    }
    if (lock.othersWaiting() && !group.full()) {
      CommitGroup.Ticket t = new CommitGroup.Ticket(afterCommit);
      group.add(t);
      lock.handOver(t);
      return;
    }
    commit();
    if (afterCommit != null) {
      afterCommit.run();
    }
  }

  /** Work on the writer connection, in its open transaction. */
  @FunctionalInterface
  public interface Work {
    void run() throws SQLException;
  }

  /** Commits made by this instance since it started (each may hold the work of several writers). */
  public long commits() {
    return commits.get();
  }

  /** True while work of writers waiting for a shared commit is in the open transaction. */
  boolean groupOpen() {
    return group.open();
  }

  /**
   * Commits the writer's transaction, with the work of every writer waiting in the group; nothing is acknowledged
   * before this returns. A failed commit fails them all.
   */
  void commit() throws SQLException {
    Connection c = writer();
    try {
      c.commit();
    } catch (SQLException e) {
      writerFailed();
      group.failed(e);
      throw e;
    }
    commits.incrementAndGet();
    group.committed();
    if (compaction != null) {
      compaction.committed();
    }
    lock.afterCommit();
  }

  /** Rolls the writer's whole transaction back (waiting writers' work too: they fail); a broken connection is dropped. */
  void rollback() {
    group.failed(new SQLException("rolled back with the transaction it shared"));
    try {
      writer().rollback();
    } catch (SQLException e) {
      writerFailed();
    }
  }

  /** Runs a read on a pooled connection. */
  public <T> T read(SqlFunction<Connection, T> work) throws SQLException {
    if (pool != null) {
      try (Connection c = pool.getConnection()) {
        try {
          return work.apply(c);
        } finally {
          if (!c.getAutoCommit()) {
            c.rollback();
          }
        }
      }
    }
    Connection c = h2Readers.poll();
    if (c == null) {
      c = DriverManager.getConnection(url, credentials);
      c.setReadOnly(true);
    }
    try {
      return work.apply(c);
    } finally {
      if (!h2Readers.offer(c)) {
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
    if (compaction != null) {
      compaction.stop();
    }
    Connection c;
    while ((c = h2Readers.poll()) != null) {
      c.close();
    }
    if (pool != null) {
      pool.close();
    }
    if (writer != null && !writer.isClosed()) {
      writer.close();
    }
  }
}
