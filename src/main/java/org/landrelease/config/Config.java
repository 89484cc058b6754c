package org.landrelease.config;

import java.nio.file.Path;

/**
 * Every setting of the service with its default in one place.
 *
 * @param host         address to listen on (LEDGER_HOST, default 0.0.0.0)
 * @param port         HTTP port (LEDGER_PORT, default 8080; 0 picks a free port)
 * @param databaseDir  directory of the embedded H2GIS database file (LEDGER_DB, default data/db); also where backups
 *                     of it are written. Unused for the database itself when databaseUrl is set.
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

  /** The embedded H2GIS store in databaseDir. */
  public Config(String host, int port, Path databaseDir, Path regionsFile, Path webDir, Path demoDir,
      boolean loadDemo, boolean publicReads) {
    this(host, port, databaseDir, regionsFile, webDir, demoDir, loadDemo, publicReads, null, null, null);
  }

  public static Config defaults() {
    Path home = home();
    String url = env("LEDGER_DB_URL", null);
    return new Config(env("LEDGER_HOST", "0.0.0.0"), Integer.parseInt(env("LEDGER_PORT", "8080")),
        Path.of(env("LEDGER_DB", home.resolve("data/db").toString())), home.resolve("data/ukraine-oblasts.geojson"),
        home.resolve("web"), home.resolve("data/demo"), url == null,
        Boolean.parseBoolean(env("LEDGER_PUBLIC_READS", "true")), url, env("LEDGER_DB_USER", null),
        env("LEDGER_DB_PASSWORD", null));
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

  /**
   * Applies command-line options: --port N, --db DIR, --db-url URL, --host H, --empty, --demo, --private-reads.
   * Database credentials are never options: they would show in the process list.
   */
  public Config withArguments(String[] args) {
    Config c = this;
    Boolean demo = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--port" -> c = new Config(c.host, Integer.parseInt(args[++i]), c.databaseDir, c.regionsFile, c.webDir,
            c.demoDir, c.loadDemo, c.publicReads, c.databaseUrl, c.dbUser, c.dbPassword);
        case "--host" -> c = new Config(args[++i], c.port, c.databaseDir, c.regionsFile, c.webDir, c.demoDir,
            c.loadDemo, c.publicReads, c.databaseUrl, c.dbUser, c.dbPassword);
        case "--db" -> c = new Config(c.host, c.port, Path.of(args[++i]), c.regionsFile, c.webDir, c.demoDir,
            c.loadDemo, c.publicReads, c.databaseUrl, c.dbUser, c.dbPassword);
        case "--db-url" -> c = c.withDatabase(args[++i], c.dbUser, c.dbPassword);
        case "--empty" -> demo = false;
        case "--demo" -> demo = true;
        case "--private-reads" -> c = new Config(c.host, c.port, c.databaseDir, c.regionsFile, c.webDir, c.demoDir,
            c.loadDemo, false, c.databaseUrl, c.dbUser, c.dbPassword);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    // --demo and --empty win over the store's default, wherever they stand
    return demo == null ? c : c.withDemo(demo);
  }

  private Config withDemo(boolean demo) {
    return new Config(host, port, databaseDir, regionsFile, webDir, demoDir, demo, publicReads, databaseUrl, dbUser,
        dbPassword);
  }

  private static String env(String name, String dflt) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? dflt : v;
  }
}
