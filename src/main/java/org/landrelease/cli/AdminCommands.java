package org.landrelease.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.landrelease.config.Arguments;
import org.landrelease.config.Command;
import org.landrelease.config.Config;
import org.landrelease.config.Option;
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
  static final Option<String> NAME = Option.string("name", "the account's name", null).required()
      .shownAs("NAME");
  static final Option<Role> ROLE = Option.choice("role", "its role", Role.class, null).required();
  static final Option<String> PARTNER = Option.string("partner", "the partner of a FIELD account, e.g. HALO", null)
      .shownAs("PARTNER");
  static final Option<String> DONOR = Option.string("donor", "the donor of a DONOR account, e.g. Netherlands", null)
      .shownAs("DONOR");
  static final Option<List<String>> COUNTRIES = Option.strings("countries",
      "the countries a FIELD or REVIEWER account is bound to, e.g. UA,LB (none: every country)", List.of())
      .shownAs("UA,LB");
  static final Option<Path> TO = Option.path("to", "the backup zip to write", null).required().shownAs("ZIP");
  static final Option<Path> FROM = Option.path("from", "the backup zip to restore", null).required()
      .shownAs("ZIP");
  /** restore never falls back to data/db or LEDGER_DB: it must not overwrite a ledger by default. */
  static final Option<Path> RESTORE_DB = Option.path("db", "the new database directory (must not hold a ledger)",
      null).required().shownAs("DIR");

  public static final Command CREATE_USER = new Command("create-user", """
      Adds an account to the ledger and prints its token once. On H2 the service must be stopped (it locks the
      file); on PostgreSQL it may run.""", Config.concat(List.of(NAME, ROLE, PARTNER, DONOR, COUNTRIES), Config.STORE));
  public static final Command BACKUP = new Command("backup", """
      Backs up the H2 database of a stopped service into a zip (while it runs: POST /api/backups).""",
      Config.concat(List.of(TO), Config.STORE));
  public static final Command RESTORE = new Command("restore", """
      Restores a backup zip into a new database directory and checks that it opens as a ledger of this version.""",
      List.of(FROM, RESTORE_DB));

  private AdminCommands() {}

  public static void createUser(String[] args) throws Exception {
    Arguments a = CREATE_USER.parse(args);
    Role role = a.get(ROLE);
    try (Database db = open(a)) {
      org.landrelease.store.LedgerLock lock = db.lock();
      FundingService funding = new FundingService(new FundingStore(db), lock);
      AccountService accounts = new AccountService(new AccountStore(db), funding, lock, Clock.systemUTC());
      AccountService.Issued issued;
      try {
        issued = accounts.create(new Account(a.get(NAME), role, a.get(PARTNER), a.get(DONOR),
            a.get(COUNTRIES).stream().map(org.landrelease.domain.Country::parseCode).toList()),
            "cli:" + System.getProperty("user.name"));
      } catch (org.landrelease.domain.LedgerException e) {
        // a refused account (unknown partner or country) is a wrong argument: its reason, not a stack trace
        throw new org.landrelease.config.ArgumentException(e.getMessage());
      }
      System.out.println("Created " + role + " account '" + issued.account().name() + "'"
          + (issued.account().countries().isEmpty() ? "" : " bound to " + issued.account().countries())
          + ". Its token, shown only now:");
      System.out.println(issued.token());
    }
  }

  public static void backup(String[] args) throws Exception {
    Arguments a = BACKUP.parse(args);
    Path dbDir = a.get(Config.DB);
    Path to = a.get(TO);
    try (Database db = open(a)) {
      long bytes = Backups.backup(db, to);
      System.out.printf("Backed up %s to %s (%,d bytes)%n", dbDir, to.toAbsolutePath(), bytes);
    }
  }

  public static void restore(String[] args) throws Exception {
    Arguments a = RESTORE.parse(args);
    Path from = a.get(FROM);
    Path dbDir = a.get(RESTORE_DB);
    Path file = Backups.restore(from, dbDir);
    // opening it checks that it is a ledger of this version
    try (Database db = Database.openH2(dbDir)) {
      System.out.println("Restored " + from + " into " + file.toAbsolutePath() + "; start the service with --db "
          + dbDir);
    }
  }

  /** The H2 database in --db, or PostgreSQL at --db-url / LEDGER_DB_URL (credentials from the environment). */
  static Database open(Arguments a) throws Exception {
    String pgUrl = a.get(Config.DB_URL);
    if (pgUrl != null) {
      return Database.openPostgres(pgUrl, a.get(Config.DB_USER), a.get(Config.DB_PASSWORD));
    }
    Path dbDir = a.get(Config.DB);
    if (!dbDir.resolve("ledger.mv.db").toFile().exists()) {
      throw new org.landrelease.config.ArgumentException("--db: no ledger database in " + dbDir);
    }
    try {
      return Database.openH2(dbDir);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot open " + dbDir + " (is the service running? then use the API): "
          + e.getMessage(), e);
    }
  }
}
