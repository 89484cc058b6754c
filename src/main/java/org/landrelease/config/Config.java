package org.landrelease.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every setting of the service with its default in one place: the options of {@code serve} ({@link #SERVE}), each
 * with its environment variable, and the store options that the administrative commands share with it.
 *
 * @param host         address to listen on (--host, LEDGER_HOST, default 0.0.0.0)
 * @param port         HTTP port (--port, LEDGER_PORT, default 8080; 0 picks a free port)
 * @param databaseDir  directory of the embedded H2GIS database file (--db, LEDGER_DB, default data/db); also where
 *                     backups of it are written. Unused for the database itself when databaseUrl is set.
 * @param regionsFile  region boundaries, GeoJSON (default data/ukraine-oblasts.geojson)
 * @param webDir       static files of the web client (default web)
 * @param demoDir      the synthetic demonstration scenario (default data/demo)
 * @param loadDemo     load the demo into an empty database on start (H2: default true, --empty turns it off;
 *                     PostgreSQL: only with --demo, so that a production database never receives synthetic data)
 * @param publicReads  national and region figures, map layers and approved events are readable without a token
 *                     (LEDGER_PUBLIC_READS, default true; --private-reads turns it off)
 * @param databaseUrl  a PostgreSQL/PostGIS JDBC URL (--db-url or LEDGER_DB_URL), null for the embedded H2GIS store
 * @param dbUser       the PostgreSQL user (LEDGER_DB_USER; from the environment only, never the command line)
 * @param dbPassword   its password (LEDGER_DB_PASSWORD; from the environment only)
 */
public record Config(String host, int port, Path databaseDir, Path regionsFile, Path webDir, Path demoDir,
    boolean loadDemo, boolean publicReads, String databaseUrl, String dbUser, String dbPassword) {

  private static final Path HOME = home();

  public static final Option<String> HOST = Option.string("host", "address to listen on", "0.0.0.0")
      .env("LEDGER_HOST").shownAs("HOST");
  public static final Option<Integer> PORT = Option.integer("port", "HTTP port; 0 picks a free one", 8080)
      .env("LEDGER_PORT");
  public static final Option<Path> DB = Option.path("db", "directory of the embedded H2GIS database",
      HOME.resolve("data/db")).env("LEDGER_DB").shownAs("DIR");
  public static final Option<String> DB_URL = Option.string("db-url",
      "a PostgreSQL/PostGIS JDBC URL instead of H2GIS (jdbc:postgresql://HOST/DB)", null).env("LEDGER_DB_URL")
      .shownAs("URL");
  /** Credentials are never options: they would show in the process list. */
  public static final Option<String> DB_USER = Option.string("db-user", "the PostgreSQL user", null)
      .envOnly("LEDGER_DB_USER");
  public static final Option<String> DB_PASSWORD = Option.string("db-password", "its password", null)
      .envOnly("LEDGER_DB_PASSWORD");
  public static final Option<Boolean> EMPTY = Option.flag("empty", "start an empty H2 ledger without the demo");
  public static final Option<Boolean> DEMO = Option.flag("demo",
      "load the synthetic demo into an empty ledger (needed on PostgreSQL, where it is off by default)");
  public static final Option<Boolean> PRIVATE_READS = Option.flag("private-reads",
      "every read needs a token (figures, map layers and approved events are public by default)");
  public static final Option<Boolean> PUBLIC_READS = Option.flag("public-reads",
      "false: every read needs a token, as with --private-reads").withDefault(true).envOnly("LEDGER_PUBLIC_READS");

  /** Where the ledger is: the H2 directory, or a PostgreSQL URL with its credentials from the environment. */
  public static final List<Option<?>> STORE = List.of(DB, DB_URL, DB_USER, DB_PASSWORD);

  public static final Command SERVE = new Command("serve", """
      Runs the ledger service: the HTTP API, the OGC API, vector tiles and the web client. On its first start an
      empty H2 ledger receives the synthetic demo (not with --empty), and an administrator token is printed.""",
      concat(List.of(PORT, HOST, DB, DB_URL, EMPTY, DEMO, PRIVATE_READS), List.of(DB_USER, DB_PASSWORD,
          PUBLIC_READS)));

  /** The embedded H2GIS store in databaseDir. */
  public Config(String host, int port, Path databaseDir, Path regionsFile, Path webDir, Path demoDir,
      boolean loadDemo, boolean publicReads) {
    this(host, port, databaseDir, regionsFile, webDir, demoDir, loadDemo, publicReads, null, null, null);
  }

  /** The defaults, with the process's environment applied. */
  public static Config defaults() {
    return from(SERVE.parse(new String[0]));
  }

  /** The settings of a parsed {@code serve} command line. */
  public static Config from(Arguments a) {
    boolean demo = a.get(DEMO), empty = a.get(EMPTY);
    if (demo && empty) {
      throw new ArgumentException("--demo and --empty exclude each other");
    }
    String url = a.get(DB_URL);
    return new Config(a.get(HOST), a.get(PORT), a.get(DB), HOME.resolve("data/ukraine-oblasts.geojson"),
        HOME.resolve("web"), HOME.resolve("data/demo"), demo || !empty && url == null,
        a.get(PUBLIC_READS) && !a.get(PRIVATE_READS), url, a.get(DB_USER), a.get(DB_PASSWORD));
  }

  /** True when the ledger lives in PostgreSQL rather than the embedded H2GIS file. */
  public boolean postgres() {
    return databaseUrl != null;
  }

  /** The same settings on another store: a PostgreSQL URL with its credentials, or null for H2GIS. */
  public Config withDatabase(String url, String user, String password) {
    return new Config(host, port, databaseDir, regionsFile, webDir, demoDir, url == null ? loadDemo : false,
        publicReads, url, user, password);
  }

  /** The same settings on the store that a command's {@link #STORE} options name. */
  public Config withStore(Arguments a) {
    Config c = new Config(host, port, a.get(DB), regionsFile, webDir, demoDir, loadDemo, publicReads, databaseUrl,
        dbUser, dbPassword);
    return c.withDatabase(a.get(DB_URL), a.get(DB_USER), a.get(DB_PASSWORD));
  }

  /** The same settings listening elsewhere, without the demo: the service a command runs in its own process. */
  public Config inProcess(String host, int port) {
    return new Config(host, port, databaseDir, regionsFile, webDir, demoDir, false, publicReads, databaseUrl, dbUser,
        dbPassword);
  }

  /** Options of a command: its own, then shared ones such as {@link #STORE}. */
  public static List<Option<?>> concat(List<Option<?>> first, List<Option<?>> then) {
    List<Option<?>> all = new ArrayList<>(first);
    all.addAll(then);
    return List.copyOf(all);
  }

  /**
   * The project directory holding data/ and web/: the working directory when it has them (the README's command),
   * else the directory above the jar (target/landrelease.jar), so the jar also runs from elsewhere.
   */
  private static Path home() {
    Path cwd = Path.of("");
    if (java.nio.file.Files.isRegularFile(cwd.resolve("data/ukraine-oblasts.geojson"))) {
      return cwd;
    }
    try {
      Path jar = Path.of(Config.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path project = jar.getParent() == null ? null : jar.getParent().getParent();
      if (project != null && java.nio.file.Files.isRegularFile(project.resolve("data/ukraine-oblasts.geojson"))) {
        return project;
      }
    } catch (java.net.URISyntaxException | SecurityException e) {
      // fall back to the working directory
    }
    return cwd;
  }
}
