package org.landrelease.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.landrelease.config.Config;
import org.landrelease.domain.Account;
import org.landrelease.domain.Role;
import org.landrelease.service.AccountService;
import org.landrelease.service.FundingService;
import org.landrelease.store.AccountStore;
import org.landrelease.store.Backups;
import org.landrelease.store.Database;
import org.landrelease.store.FundingStore;

/**
 * Commands on the database directory of a stopped service (H2 locks the file while the service runs; then use the
 * API: POST /api/users, POST /api/backups). create-user, backup, restore.
 */
public final class AdminCommands {
  private AdminCommands() {}

  public static void createUser(String[] args) throws Exception {
    Map<String, String> o = options(args);
    Path dbDir = Path.of(o.getOrDefault("db", Config.defaults().databaseDir().toString()));
    Role role = Role.valueOf(require(o, "role").toUpperCase(java.util.Locale.ROOT));
    try (Database db = open(dbDir, o.get("db-url"))) {
      org.landrelease.store.LedgerLock lock = db.lock();
      FundingService funding = new FundingService(new FundingStore(db), lock);
      AccountService accounts = new AccountService(new AccountStore(db), funding, lock, Clock.systemUTC());
      AccountService.Issued issued = accounts.create(
          new Account(require(o, "name"), role, o.get("partner"), o.get("donor")), "cli:" + System.getProperty("user.name"));
      System.out.println("Created " + role + " account '" + issued.account().name() + "'. Its token, shown only now:");
      System.out.println(issued.token());
    }
  }

  public static void backup(String[] args) throws Exception {
    Map<String, String> o = options(args);
    Path dbDir = Path.of(o.getOrDefault("db", Config.defaults().databaseDir().toString()));
    Path to = Path.of(require(o, "to"));
    try (Database db = open(dbDir, null)) {
      long bytes = Backups.backup(db, to);
      System.out.printf("Backed up %s to %s (%,d bytes)%n", dbDir, to.toAbsolutePath(), bytes);
    }
  }

  public static void restore(String[] args) throws Exception {
    Map<String, String> o = options(args);
    Path from = Path.of(require(o, "from"));
    Path dbDir = Path.of(require(o, "db"));
    Path file = Backups.restore(from, dbDir);
    // opening it checks that it is a ledger of this version
    try (Database db = Database.openH2(dbDir)) {
      System.out.println("Restored " + from + " into " + file.toAbsolutePath() + "; start the service with --db "
          + dbDir);
    }
  }

  /** The H2 database in dbDir, or PostgreSQL at --db-url / LEDGER_DB_URL (credentials from the environment). */
  static Database open(Path dbDir, String url) throws Exception {
    Config env = Config.defaults();
    String pgUrl = url != null ? url : env.databaseUrl();
    if (pgUrl != null) {
      return Database.openPostgres(pgUrl, env.dbUser(), env.dbPassword());
    }
    if (!dbDir.resolve("ledger.mv.db").toFile().exists()) {
      throw new IllegalArgumentException("no ledger database in " + dbDir);
    }
    try {
      return Database.openH2(dbDir);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot open " + dbDir + " (is the service running? then use the API): "
          + e.getMessage(), e);
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("options are --name value pairs; got '" + args[i] + "'");
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }

  private static String require(Map<String, String> o, String name) {
    String v = o.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return v;
  }
}
