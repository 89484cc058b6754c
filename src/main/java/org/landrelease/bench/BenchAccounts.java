package org.landrelease.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.landrelease.domain.Account;
import org.landrelease.service.AccountService;
import org.landrelease.service.FundingService;
import org.landrelease.store.AccountStore;
import org.landrelease.store.Database;
import org.landrelease.store.FundingStore;

/**
 * The benchmarks' accounts, created in the database before the service opens it (H2 locks the file while it runs), as
 * the create-user command does. The service then reads them like any other account.
 */
final class BenchAccounts {
  private BenchAccounts() {}

  /** Creates the accounts and returns their tokens, in the same order. */
  static List<String> create(Path db, List<Account> accounts) throws Exception {
    return create(new BenchDatabase.H2(db), accounts);
  }

  /** The same in any of the bench's databases (PostgreSQL allows it while the service runs, but it is not yet). */
  static List<String> create(BenchDatabase db, List<Account> accounts) throws Exception {
    try (Database d = db.open()) {
      // the ledger lock of this database, as the service's own writes take it
      org.landrelease.store.LedgerLock lock = d.lock();
      AccountService service = new AccountService(new AccountStore(d),
          new FundingService(new FundingStore(d), lock), lock, Clock.systemUTC());
      List<String> tokens = new ArrayList<>();
      for (Account a : accounts) {
        tokens.add(service.create(a, "bench").token());
      }
      return tokens;
    }
  }
}
