package org.landrelease.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL 15 + PostGIS 3 cluster for {@code bench --pg-cluster DIR}, from Debian's packages
 * (/usr/lib/postgresql/15/bin): initdb in DIR, started on a free port of 127.0.0.1 with trust authentication and
 * PostgreSQL's default settings (fsync and synchronous_commit on, as the reference ran), one new database with PostGIS
 * per benchmark run, stopped (and deleted unless --keep-db) at the end. initdb refuses root: as root the cluster runs
 * as the {@code postgres} user (runuser) in a directory that user owns. The same recipe as the tests' PgCluster.
 */
final class BenchPgCluster implements AutoCloseable {
  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static final String SUPERUSER = "postgres";
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  private final Path base;
  private final Path data;
  private final Path log;
  private final int port;
  private int databases;
  private boolean running;

  private BenchPgCluster(Path base, int port) {
    this.base = base;
    this.data = base.resolve("data");
    this.log = base.resolve("postgres.log");
    this.port = port;
  }

  /** initdb and start in dir, which must be absent or empty (the bench deletes it afterwards). */
  static BenchPgCluster start(Path dir) throws IOException, InterruptedException {
    if (!Files.isExecutable(BIN.resolve("initdb"))) {
      throw new IllegalStateException("no " + BIN.resolve("initdb") + ": apt-get install postgresql-15"
          + " postgresql-15-postgis-3");
    }
    Path base = dir.toAbsolutePath();
    if (Files.isDirectory(base)) {
      try (Stream<Path> s = Files.list(base)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException("--pg-cluster " + dir + " is not empty");
        }
      }
    }
    Files.createDirectories(base);
    if (ROOT) {
      Files.setOwner(base, base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SUPERUSER));
    }
    long t0 = System.nanoTime();
    BenchPgCluster c = new BenchPgCluster(base, freePort());
    c.run(BIN.resolve("initdb").toString(), "-D", c.data.toString(), "-U", SUPERUSER, "--auth=trust",
        "--no-locale", "--encoding=UTF8");
    // only what a throwaway cluster needs; everything else (fsync, synchronous_commit, shared_buffers) the default.
    // No Unix socket: its path is limited to 107 bytes and DIR may be longer; JDBC and pg_ctl use TCP
    Files.writeString(c.data.resolve("postgresql.conf"), String.join("\n", "", "# bench --pg-cluster",
        "listen_addresses = '127.0.0.1'", "port = " + c.port, "unix_socket_directories = ''", ""),
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    c.launch(t0);
    return c;
  }

  /**
   * Starts the cluster an earlier run kept in dir (bench-tiles keeps its million-hazard ledger), on a new free port;
   * initdb and start as {@link #start} when dir holds no cluster yet. When another run has it running, it is used
   * where it listens and left running: the run that started it stops it.
   */
  static BenchPgCluster startOrReuse(Path dir) throws IOException, InterruptedException {
    Path base = dir.toAbsolutePath();
    if (!Files.isRegularFile(base.resolve("data").resolve("PG_VERSION"))) {
      return start(dir);
    }
    Path pidFile = base.resolve("data").resolve("postmaster.pid");
    if (Files.isRegularFile(pidFile)) {
      // postmaster.pid: the pid, the data directory, the start time, the port, ...
      List<String> lines = Files.readAllLines(pidFile);
      if (lines.size() > 3 && ProcessHandle.of(Long.parseLong(lines.get(0).trim())).isPresent()) {
        BenchPgCluster c = new BenchPgCluster(base, Integer.parseInt(lines.get(3).trim()));
        System.out.printf("PostgreSQL cluster in %s already running on 127.0.0.1:%d (another run's): using it, and"
            + " leaving it running%n", base, c.port);
        return c;
      }
    }
    long t0 = System.nanoTime();
    BenchPgCluster c = new BenchPgCluster(base, freePort());
    c.launch(t0);
    return c;
  }

  /** pg_ctl start on this cluster's port (given on the command line: it overrides the one initdb's conf names). */
  private void launch(long t0) throws IOException, InterruptedException {
    run(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-o", "-p " + port, "-w",
        "-t", "120", "start");
    running = true;
    // a bench stopped by a signal stops its cluster too (the directory stays, for a look at postgres.log)
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "bench-stop-pg"));
    System.out.printf("PostgreSQL cluster on 127.0.0.1:%d in %s, ready in %.1f s%n", port, base,
        (System.nanoTime() - t0) / 1e9);
  }

  /** The database of that name with PostGIS, created when absent, as a JDBC URL. */
  String database(String name) throws SQLException {
    boolean exists;
    try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, null);
        Statement st = c.createStatement()) {
      try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        st.execute("CREATE DATABASE " + name);
      }
    }
    if (!exists) {
      try (Connection c = DriverManager.getConnection(url(name), SUPERUSER, null);
          Statement st = c.createStatement()) {
        st.execute("CREATE EXTENSION postgis");
      }
    }
    return url(name);
  }

  /** A new database with PostGIS, as a JDBC URL; connect as {@link #user()} without password. */
  String createDatabase() throws SQLException {
    String name = "ledger_bench_" + ++databases;
    try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, null);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    try (Connection c = DriverManager.getConnection(url(name), SUPERUSER, null); Statement st = c.createStatement()) {
      st.execute("CREATE EXTENSION postgis");
    }
    return url(name);
  }

  String user() {
    return SUPERUSER;
  }

  /** The postmaster's process id (first line of postmaster.pid): its backends are the database's CPU. */
  long postmasterPid() throws IOException {
    return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Stops the cluster (fast: a checkpoint, no waiting for clients) and deletes its directory unless keep. */
  synchronized void stop(boolean keep) throws IOException, InterruptedException {
    if (running) {
      run(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
      running = false;
    }
    if (!keep) {
      BenchRun.delete(base);
    }
  }

  private synchronized void stopQuietly() {
    try {
      stop(true);
    } catch (IOException | InterruptedException | RuntimeException e) {
      System.err.println("could not stop the bench's PostgreSQL cluster in " + base + ": " + e.getMessage());
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stop(false);
  }

  /** Runs a command as the cluster's user (postgres when this JVM is root); a failure throws with its output. */
  private void run(String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    if (ROOT) {
      args.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
    }
    args.addAll(List.of(command));
    // output to a file, not a pipe: the postmaster forked by pg_ctl must not hold a pipe this JVM waits on
    Path out = Files.createTempFile("bench-pg", ".out");
    try {
      Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(out.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", args) + " did not finish in 5 minutes");
      }
      if (p.exitValue() != 0) {
        throw new IOException(String.join(" ", args) + " exited with " + p.exitValue() + ":\n" + Files.readString(out)
            + "\nserver log: " + log);
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
