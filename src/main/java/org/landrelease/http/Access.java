package org.landrelease.http;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Set;
import org.landrelease.domain.Account;
import org.landrelease.domain.LedgerException;
import org.landrelease.service.AccountService;

/**
 * Who may call a route, declared next to the route in HttpApi and checked before its handler runs. A route without a
 * role (static files, the API description) is open. A token that is sent must be valid, on every route.
 */
enum Access implements RouteRole {
  /** Public figures and map layers: open when reads are public (the default), else any account. */
  PUBLIC_READ,
  /** Any account; the handler narrows what each role sees. */
  SIGNED_IN,
  FIELD, REVIEWER, DONOR, ADMIN;

  static final String ACCOUNT = "account";

  static final class Check {
    private final AccountService accounts;
    private final boolean publicReads;

    Check(AccountService accounts, boolean publicReads) {
      this.accounts = accounts;
      this.publicReads = publicReads;
    }

    void before(Context ctx) {
      Set<RouteRole> roles = ctx.routeRoles();
      String header = ctx.header("Authorization");
      Account account = null;
      if (header != null) {
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
          throw LedgerException.unauthorized("invalid-token", "send the token as 'Authorization: Bearer <token>'")
              .with("access.tokenFormat");
        }
        account = accounts.authenticate(header.substring(7).strip()).orElseThrow(() ->
            LedgerException.unauthorized("invalid-token", "the bearer token is not valid (unknown or revoked)")
                .with("access.invalidToken"));
        ctx.attribute(ACCOUNT, account);
      }
      if (roles.isEmpty() || roles.contains(PUBLIC_READ) && publicReads) {
        return;
      }
      if (account == null) {
        throw LedgerException.unauthorized("token-required", ctx.method() + " " + ctx.path()
            + " needs a bearer token (Authorization: Bearer <token>)")
            .with("access.tokenRequired", "method", ctx.method(), "path", ctx.path());
      }
      if (roles.contains(SIGNED_IN) || roles.contains(PUBLIC_READ) || roles.contains(valueOf(account.role().name()))) {
        return;
      }
      throw LedgerException.forbidden("role-not-allowed", "account '" + account.name() + "' (" + account.role()
          + ") may not " + ctx.method() + " " + ctx.path() + "; allowed: " + roles)
          .with("access.roleNotAllowed", "account", account.name(), "role", account.role(), "method", ctx.method(),
              "path", ctx.path(), "roles", roles);
    }
  }

  /** The account of the request, or null for an anonymous one. */
  static Account account(Context ctx) {
    return ctx.attribute(ACCOUNT);
  }
}
