package org.landrelease.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL 15 + PostGIS 3 cluster for this test JVM, from Debian's packages: no Docker, no embedded
 * binaries (those carry no PostGIS). Started once, on first use, in a temporary directory on a free port of
 * 127.0.0.1, with trust authentication and fsync on (the default: durability tests rely on it); stopped and deleted
 * by a shutdown hook. PostGIS is created in template1, so every database made by {@link #createDatabase()} has it.
 *
 * <p>initdb refuses to run as root: when this JVM is root, the cluster runs as the {@code postgres} user (runuser)
 * in a directory that user owns.
 */
public final class PgCluster {
  static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  static final Path POSTGIS_CONTROL = Path.of("/usr/share/postgresql/15/extension/postgis.control");
  private static final String SUPERUSER = "postgres";
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
  private static PgCluster instance;

  private final Path base;
  private final Path data;
  private final Path log;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();
  private boolean running;

  private PgCluster(Path base, int port) {
    this.base = base;
    this.data = base.resolve("data");
    this.log = base.resolve("postgres.log");
    this.port = port;
  }

  /** True when Debian's postgresql-15 and postgresql-15-postgis-3 are installed. */
  public static boolean available() {
    return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"))
        && Files.isRegularFile(POSTGIS_CONTROL);
  }

  /**
   * The cluster of this JVM, started on first call. Without the packages the calling test is skipped, or fails when
   * CI_REQUIRE_POSTGRES=1 (CI must not pass by skipping).
   */
  public static synchronized PgCluster get() {
    if (!available()) {
      String install = "install postgresql-15-postgis-3";
      if ("1".equals(System.getenv("CI_REQUIRE_POSTGRES"))) {
        fail(BIN.resolve("initdb") + " or " + POSTGIS_CONTROL + " is missing and CI_REQUIRE_POSTGRES=1: " + install);
      }
      Assumptions.assumeTrue(false, "PostgreSQL tests skipped: " + install);
    }
    if (instance == null) {
      try {
        instance = create();
      } catch (IOException | InterruptedException | SQLException e) {
        throw new IllegalStateException("could not start the PostgreSQL test cluster: " + e.getMessage(), e);
      }
    }
    return instance;
  }

  private static PgCluster create() throws IOException, InterruptedException, SQLException {
    long t0 = System.nanoTime();
    Path base = Files.createTempDirectory("ledger-pg");
    if (ROOT) {
      UserPrincipalLookupService users = base.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(base, users.lookupPrincipalByName(SUPERUSER));
    }
    PgCluster cluster = new PgCluster(base, freePort());
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::destroy, "pg-cluster-stop"));
    cluster.initdb();
    cluster.start();
    try (Connection c = cluster.connect("template1"); Statement st = c.createStatement()) {
      st.execute("CREATE EXTENSION postgis");
    }
    System.err.printf("PostgreSQL test cluster on 127.0.0.1:%d in %s, ready in %d ms%n", cluster.port, base,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    return cluster;
  }

  /**
   * initdb with its settings written into postgresql.conf, so that {@link #start()} after a crash brings back the
   * same cluster on the same port. --no-sync skips only initdb's final flush of the fresh files; the server runs
   * with fsync on.
   */
  private void initdb() throws IOException, InterruptedException {
    Path sockets = base.resolve("sockets");
    run(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "--auth=trust", "--no-locale",
        "--encoding=UTF8", "--no-sync");
    run("mkdir", "-m", "700", sockets.toString());
    String settings = String.join("\n", "",
        "# the test cluster of " + PgCluster.class.getName(),
        "listen_addresses = '127.0.0.1'",
        "port = " + port,
        "unix_socket_directories = '" + sockets + "'",
        "fsync = on",
        "synchronous_commit = on",
        "max_connections = 300",
        "");
    // as root the file belongs to postgres, which root may still append to
    Files.writeString(data.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /** Starts the server on its data directory and port (again after {@link #stopImmediate()}: crash recovery). */
  public synchronized void start() throws IOException, InterruptedException {
    run(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "120", "start");
    running = true;
  }

  /** Stops the server as a crash would (pg_ctl stop -m immediate): no checkpoint, recovery replays the WAL. */
  public synchronized void stopImmediate() throws IOException, InterruptedException {
    run(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    running = false;
  }

  /** A new empty database with PostGIS (copied from template1), as a JDBC URL; connect as {@link #user()}. */
  public String createDatabase() throws SQLException {
    String name = "ledger_test_" + databases.incrementAndGet();
    try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  /**
   * The documented PostgreSQL backup: {@code pg_dump -Fc} of the database at url into a file (as the cluster's
   * user, which must be able to write the file's directory).
   */
  public void dump(String url, Path file) throws IOException, InterruptedException {
    String database = url.substring(url.lastIndexOf('/') + 1);
    Files.createDirectories(file.getParent());
    if (ROOT) {
      Files.setOwner(file.getParent(), file.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName(SUPERUSER));
    }
    run(BIN.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", SUPERUSER, "-Fc",
        "-f", file.toString(), database);
  }

  /** Restores a pg_dump file into a new database made from template0 (PostGIS comes from the dump); its URL. */
  public String restore(Path file) throws IOException, InterruptedException, SQLException {
    String name = "ledger_restored_" + databases.incrementAndGet();
    try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name + " TEMPLATE template0");
    }
    run(BIN.resolve("pg_restore").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", SUPERUSER,
        "--exit-on-error", "-d", name, file.toString());
    return url(name);
  }

  /** The superuser to connect as; trust authentication, so no password. */
  public String user() {
    return SUPERUSER;
  }

  public int port() {
    return port;
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), SUPERUSER, null);
  }

  private synchronized void destroy() {
    try {
      if (running) {
        stopImmediate(); // the data is thrown away: no need for a clean shutdown
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      System.err.println("could not stop the PostgreSQL test cluster in " + base + ": " + e.getMessage());
      return; // a running server keeps its directory
    }
    try (Stream<Path> files = Files.walk(base)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + base + ": " + e.getMessage());
    }
  }

  /** Runs a command as the cluster's user (postgres when this JVM is root); a failure throws with its output. */
  private void run(String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    if (ROOT) {
      args.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
    }
    args.addAll(List.of(command));
    // output to a file, not a pipe: the postmaster forked by pg_ctl must not hold a pipe this JVM waits on
    Path out = Files.createTempFile("ledger-pg", ".out");
    try {
      Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(out.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", args) + " did not finish in 3 minutes");
      }
      if (p.exitValue() != 0) {
        throw new IOException(String.join(" ", args) + " exited with " + p.exitValue() + ":\n"
            + Files.readString(out) + logTail());
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return "\nserver log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
