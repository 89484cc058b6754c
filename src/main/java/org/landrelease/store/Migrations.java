package org.landrelease.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2gis.functions.factory.H2GISFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema versions are Flyway migrations: db/migration/common runs on both stores, and db/migration/{h2,postgresql}
 * holds the few statements that differ (spatial index DDL, how the id sequences start), numbered in between. A database of the layout before migrations (schema 2 in its meta table) is taken over
 * as version 2 and migrated on; any older layout is refused with what to do.
 */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  /** The layout that existed before migrations: V2__ledger.sql recreates it. */
  private static final String LEGACY_VERSION = "2";

  private Migrations() {}

  static void run(Database db) throws SQLException {
    Connection c = db.writer();
    if (db.dialect() == Dialect.H2GIS) {
      loadH2gis(c);
    } else {
      requirePostgis(c);
    }
    boolean legacy = legacyLayout(c);
    c.commit();
    // the schema is never empty before the first migration (H2GIS's and PostGIS's spatial_ref_sys live in it), so
    // a new database is marked as version 1 and runs every migration; one of the layout before migrations is
    // marked as version 2, the layout it has
    Flyway flyway = Flyway.configure()
        .dataSource(new SingleConnection(c))
        .locations("classpath:db/migration/common", "classpath:db/migration/" + db.dialect().migrations)
        .baselineOnMigrate(true)
        .baselineVersion(legacy ? LEGACY_VERSION : "1")
        .baselineDescription(legacy ? "ledger of the layout before migrations" : "empty database")
        .load();
    if (legacy) {
      LOG.info("taking over a database of schema {} (before migrations) as migration version {}", LEGACY_VERSION,
          LEGACY_VERSION);
    }
    MigrateResult result = flyway.migrate();
    c.setAutoCommit(false);
    if (result.migrationsExecuted > 0) {
      LOG.info("schema migrated to version {} ({} migrations)", result.targetSchemaVersion,
          result.migrationsExecuted);
    }
  }

  private static void loadH2gis(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_NAME = 'ST_INTERSECTS'")) {
      rs.next();
      if (rs.getInt(1) > 0) {
        return;
      }
    }
    long t0 = System.nanoTime();
    // registers the ST_ functions in the database itself, so SQL users and backups can use them
    H2GISFunctions.load(c);
    // H2GISFunctions.load turns auto-commit back on
    c.setAutoCommit(false);
    c.commit();
    LOG.info("H2GIS functions registered in {} ms", (System.nanoTime() - t0) / 1_000_000);
  }

  private static void requirePostgis(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pg_extension WHERE extname = 'postgis'")) {
      rs.next();
      if (rs.getInt(1) == 0) {
        c.rollback();
        throw new SQLException("the database has no PostGIS: run 'CREATE EXTENSION postgis;' in it as its owner "
            + "(see docs/OPERATIONS.md, \"Production\")");
      }
    }
    c.rollback();
  }

  /** True for a database of the layout before migrations; an older one is refused. */
  private static boolean legacyLayout(Connection c) throws SQLException {
    if (!hasTable(c, "event") || hasTable(c, "flyway_schema_history")) {
      return false;
    }
    String version = "1";
    if (hasTable(c, "meta")) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT v FROM meta WHERE k = 'schema'")) {
        version = rs.next() ? rs.getString(1) : "1";
      }
    }
    if (!LEGACY_VERSION.equals(version)) {
      throw new SQLException("this database has schema version " + version + ", older than this service can "
          + "migrate (" + LEGACY_VERSION + " or later). Export its events with the service version that wrote it "
          + "(GET /api/exports/events), move the database away, start on an empty one and import them.");
    }
    return true;
  }

  private static boolean hasTable(Connection c, String name) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    for (String n : new String[] {name, name.toUpperCase(java.util.Locale.ROOT)}) {
      try (ResultSet rs = md.getTables(null, null, n, new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema == null || schema.equalsIgnoreCase("public")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Flyway runs on the writer connection itself: H2's embedded file takes one writer, and so does the lock. */
  private static final class SingleConnection implements DataSource {
    private final Connection c;

    SingleConnection(Connection c) {
      this.c = c;
    }

    @Override
    public Connection getConnection() {
      return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, m, args) -> {
            if (m.getName().equals("close")) {
              return null; // Flyway closes what it borrows; the writer stays open
            }
            try {
              return m.invoke(c, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public Connection getConnection(String user, String password) {
      return getConnection();
    }

    @Override
    public java.io.PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
