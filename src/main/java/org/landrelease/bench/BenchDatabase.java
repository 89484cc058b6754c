package org.landrelease.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.landrelease.store.Database;

/**
 * The database of one benchmark run, empty when the run starts: a new H2 directory, or a PostgreSQL database (made
 * new in the bench's own cluster, or given by --db-url and checked empty or reset). The service children are told
 * where it is by their arguments and environment only.
 */
sealed interface BenchDatabase {
  /** The service's arguments that select this database. */
  List<String> serviceArgs();

  /**
   * The service's environment: the bench's own, minus LEDGER_DB_URL (the database is the bench's choice, passed as an
   * argument), plus the PostgreSQL user and password when the bench knows them.
   */
  Map<String, String> serviceEnv();

  /** Opens it in this JVM (migrating it): for the accounts, created before the service starts. */
  Database open() throws SQLException;

  /** Its size on disk after the run, MB. */
  double sizeMb() throws Exception;

  /** Deletes it after the run (H2 directory only; a PostgreSQL database stays for its owner to look at or reset). */
  void delete() throws IOException;

  String describe();

  record H2(Path dir) implements BenchDatabase {
    static H2 create() throws IOException {
      return new H2(Files.createTempDirectory("landrelease-bench-"));
    }

    @Override public List<String> serviceArgs() {
      return List.of("--db", dir.toString());
    }

    @Override public Map<String, String> serviceEnv() {
      return env(null, null);
    }

    @Override public Database open() throws SQLException {
      return Database.openH2(dir);
    }

    @Override public double sizeMb() throws IOException {
      try (Stream<Path> files = Files.walk(dir)) {
        return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
      }
    }

    @Override public void delete() throws IOException {
      BenchRun.delete(dir);
    }

    @Override public String describe() {
      return "H2GIS in " + dir;
    }
  }

  /** user and password: from LEDGER_DB_USER / LEDGER_DB_PASSWORD, or the bench cluster's superuser. */
  record Postgres(String url, String user, String password) implements BenchDatabase {
    /**
     * The --db-url database, refused when it holds a ledger (any row in event, account, partner or grants) unless
     * reset: then every table, view and sequence of its public schema that no extension owns (the ledger's, Flyway's
     * history) is dropped, so that the service migrates it from scratch. PostGIS's own objects stay.
     */
    static Postgres given(String url, String user, String password, boolean reset) throws SQLException {
      Postgres db = new Postgres(url, user, password);
      try (Connection c = db.connect(); Statement st = c.createStatement()) {
        if (reset) {
          List<String> drops = new ArrayList<>();
          try (ResultSet rs = st.executeQuery("""
              SELECT c.relkind, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'S', 'p')
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')""")) {
            while (rs.next()) {
              String kind = switch (rs.getString(1)) {
                case "v" -> "VIEW";
                case "m" -> "MATERIALIZED VIEW";
                case "S" -> "SEQUENCE";
                default -> "TABLE";
              };
              drops.add("DROP " + kind + " IF EXISTS public.\"" + rs.getString(2) + "\" CASCADE");
            }
          }
          for (String drop : drops) {
            st.execute(drop);
          }
          System.out.printf("--reset-db: dropped %d tables, views and sequences of %s%n", drops.size(), url);
        } else {
          for (String table : List.of("event", "account", "partner", "grants")) {
            if (rows(st, table) > 0) {
              throw new IllegalArgumentException(url + " already holds a ledger (rows in " + table + "); the bench"
                  + " needs an empty database: give another, or --reset-db to drop the ledger's tables in it");
            }
          }
        }
      }
      return db;
    }

    private static long rows(Statement st, String table) throws SQLException {
      try (ResultSet rs = st.executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return 0;
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT 1 FROM public." + table + " LIMIT 1) x")) {
        rs.next();
        return rs.getLong(1);
      }
    }

    private Connection connect() throws SQLException {
      Properties p = new Properties();
      if (user != null) {
        p.setProperty("user", user);
      }
      if (password != null) {
        p.setProperty("password", password);
      }
      return DriverManager.getConnection(url, p);
    }

    @Override public List<String> serviceArgs() {
      return List.of("--db-url", url);
    }

    @Override public Map<String, String> serviceEnv() {
      return env(user, password);
    }

    @Override public Database open() throws SQLException {
      return Database.openPostgres(url, user, password);
    }

    @Override public double sizeMb() throws SQLException {
      try (Connection c = connect(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
        rs.next();
        return rs.getLong(1) / 1e6;
      }
    }

    @Override public void delete() {
      // a given database is its owner's; the bench's own cluster is deleted whole
    }

    @Override public String describe() {
      return "PostgreSQL " + url;
    }
  }

  private static Map<String, String> env(String user, String password) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("LEDGER_DB_URL");
    if (user != null) {
      env.put("LEDGER_DB_USER", user);
    }
    if (password != null) {
      env.put("LEDGER_DB_PASSWORD", password);
    }
    return env;
  }
}
