package org.landrelease.cli;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.landrelease.domain.Account;
import org.landrelease.domain.Role;
import org.landrelease.service.AccountService;

/**
 * The accounts a new ledger starts with. Tokens are printed once, here, and kept nowhere else: whoever starts the
 * service copies them. A ledger without an active administrator gets a new one at start-up, so it can never be
 * locked out.
 */
public final class AccountBootstrap {
  private AccountBootstrap() {}

  /** One account per role for the demo: a HALO field team, a reviewer, the Netherlands as donor, an administrator. */
  public static List<AccountService.Issued> demo(AccountService accounts) throws SQLException {
    List<AccountService.Issued> out = new ArrayList<>();
    out.add(accounts.create(new Account("admin", Role.ADMIN, null, null), "system:demo"));
    out.add(accounts.create(new Account("reviewer", Role.REVIEWER, null, null), "system:demo"));
    out.add(accounts.create(new Account("field-halo", Role.FIELD, "HALO", null), "system:demo"));
    out.add(accounts.create(new Account("donor-nl", Role.DONOR, null, "Netherlands"), "system:demo"));
    print("Demo accounts, one per role. Each token is shown only this once; keep it.", out);
    return out;
  }

  /** An administrator, when the ledger has none active. */
  public static void adminIfNone(AccountService accounts) throws SQLException {
    if (accounts.active().stream().anyMatch(a -> a.role() == Role.ADMIN)) {
      return;
    }
    String name = "admin";
    for (int n = 2; accounts.exists(name); n++) {
      name = "admin-" + n;
    }
    AccountService.Issued admin;
    try {
      admin = accounts.create(new Account(name, Role.ADMIN, null, null), "system:start-up");
    } catch (org.landrelease.domain.LedgerException e) {
      // another instance on the same database made the first administrator a moment ago
      accounts.reload();
      if (accounts.active().stream().anyMatch(a -> a.role() == Role.ADMIN)) {
        return;
      }
      throw e;
    }
    print("No administrator yet: here is a one-time token. It is shown only this once; keep it.", List.of(admin));
  }

  private static void print(String title, List<AccountService.Issued> issued) {
    StringBuilder b = new StringBuilder("\n").append("=".repeat(100)).append('\n').append(title).append('\n');
    for (AccountService.Issued i : issued) {
      Account a = i.account();
      String bound = a.partner() != null ? " (partner " + a.partner() + ")"
          : a.donor() != null ? " (donor " + a.donor() + ")" : "";
      b.append(String.format("  %-10s %-12s %s%s%n", a.role(), a.name(), i.token(), bound));
    }
    b.append("Use it as: Authorization: Bearer <token>. More accounts: POST /api/users (admin) or the create-user "
        + "command.\n").append("=".repeat(100)).append('\n');
    System.out.print(b);
  }
}
