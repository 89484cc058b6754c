package org.landrelease.config;

import java.nio.file.Path;

/**
 * Every setting of the service with its default in one place.
 *
 * @param host         address to listen on (LEDGER_HOST, default 0.0.0.0)
 * @param port         HTTP port (LEDGER_PORT, default 8080; 0 picks a free port)
 * @param databaseDir  directory of the H2GIS database file (LEDGER_DB, default data/db)
 * @param regionsFile  region boundaries, GeoJSON (default data/ukraine-oblasts.geojson)
 * @param webDir       static files of the web client (default web)
 * @param demoDir      the synthetic demonstration scenario (default data/demo)
 * @param loadDemo     load the demo into an empty database on start (default true; --empty turns it off)
 * @param publicReads  national and region figures, map layers and approved events are readable without a token
 *                     (LEDGER_PUBLIC_READS, default true; --private-reads turns it off)
 */
public record Config(String host, int port, Path databaseDir, Path regionsFile, Path webDir, Path demoDir,
    boolean loadDemo, boolean publicReads) {

  public static Config defaults() {
    Path home = home();
    return new Config(env("LEDGER_HOST", "0.0.0.0"), Integer.parseInt(env("LEDGER_PORT", "8080")),
        Path.of(env("LEDGER_DB", home.resolve("data/db").toString())), home.resolve("data/ukraine-oblasts.geojson"),
        home.resolve("web"), home.resolve("data/demo"), true,
        Boolean.parseBoolean(env("LEDGER_PUBLIC_READS", "true")));
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

  /** Applies command-line options: --port N, --db DIR, --host H, --empty, --private-reads. */
  public Config withArguments(String[] args) {
    Config c = this;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--port" -> c = new Config(c.host, Integer.parseInt(args[++i]), c.databaseDir, c.regionsFile, c.webDir,
            c.demoDir, c.loadDemo, c.publicReads);
        case "--host" -> c = new Config(args[++i], c.port, c.databaseDir, c.regionsFile, c.webDir, c.demoDir,
            c.loadDemo, c.publicReads);
        case "--db" -> c = new Config(c.host, c.port, Path.of(args[++i]), c.regionsFile, c.webDir, c.demoDir,
            c.loadDemo, c.publicReads);
        case "--empty" -> c = new Config(c.host, c.port, c.databaseDir, c.regionsFile, c.webDir, c.demoDir, false,
            c.publicReads);
        case "--private-reads" -> c = new Config(c.host, c.port, c.databaseDir, c.regionsFile, c.webDir, c.demoDir,
            c.loadDemo, false);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return c;
  }

  private static String env(String name, String dflt) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? dflt : v;
  }
}
