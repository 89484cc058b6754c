package org.landrelease.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.landrelease.config.Config;

/**
 * The store the tests run on, chosen by LEDGER_TEST_STORE: {@code h2} (default, the embedded H2GIS file) or
 * {@code postgresql} (a database of {@link PgCluster}). CI runs the whole suite once on each.
 *
 * <p>On PostgreSQL each database directory gets its own database, and the same directory always maps to the same
 * database: a test that reopens a directory (a restart) reopens its data, as it does on H2.
 */
public final class TestStore {
  private static final String STORE = System.getenv().getOrDefault("LEDGER_TEST_STORE", "h2");
  private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();

  static {
    if (!STORE.equals("h2") && !STORE.equals("postgresql")) {
      // a typo must not quietly run the suite on H2 a second time
      throw new IllegalArgumentException("LEDGER_TEST_STORE is '" + STORE + "'; use h2 or postgresql");
    }
  }

  private TestStore() {}

  /** True when the tests run on PostgreSQL. */
  public static boolean postgres() {
    return STORE.equals("postgresql");
  }

  /**
   * The configuration on the chosen store: unchanged on H2; on PostgreSQL, the database of c.databaseDir() (created
   * on first use). databaseDir stays set: backups are written there. loadDemo is kept as the test asked, which
   * Config.withDatabase would turn off (it guards production databases, not test ones).
   */
  public static Config configure(Config c) {
    if (!postgres()) {
      return c;
    }
    return onPostgres(c);
  }

  /** The configuration on the PostgreSQL database of c.databaseDir(), whatever LEDGER_TEST_STORE says. */
  public static Config onPostgres(Config c) {
    PgCluster cluster = PgCluster.get();
    return new Config(c.host(), c.port(), c.databaseDir(), c.regionsFile(), c.webDir(), c.demoDir(), c.loadDemo(),
        c.publicReads(), databaseOf(c.databaseDir()), cluster.user(), null);
  }

  /** The environment a child JVM (Main) needs to open the same store for databaseDir; empty on H2. */
  public static Map<String, String> environment(Path databaseDir) {
    if (!postgres()) {
      return Map.of();
    }
    return Map.of("LEDGER_DB_URL", databaseOf(databaseDir), "LEDGER_DB_USER", PgCluster.get().user());
  }

  /** The environment a child JVM needs to open the PostgreSQL database of databaseDir, whatever the test store. */
  public static Map<String, String> postgresEnvironment(Path databaseDir) {
    return Map.of("LEDGER_DB_URL", databaseOf(databaseDir), "LEDGER_DB_USER", PgCluster.get().user());
  }

  /** The PostgreSQL database of databaseDir (created on first use), as a JDBC URL. */
  public static String postgresUrl(Path databaseDir) {
    return databaseOf(databaseDir);
  }

  /** From now on, databaseDir maps to the database at url (a restored one). */
  public static void usePostgres(Path databaseDir, String url) {
    DATABASES.put(databaseDir.toAbsolutePath().normalize(), url);
  }

  private static String databaseOf(Path databaseDir) {
    return DATABASES.computeIfAbsent(databaseDir.toAbsolutePath().normalize(), d -> {
      try {
        return PgCluster.get().createDatabase();
      } catch (SQLException e) {
        throw new IllegalStateException("could not create a test database: " + e.getMessage(), e);
      }
    });
  }
}
