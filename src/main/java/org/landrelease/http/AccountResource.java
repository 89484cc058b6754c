package org.landrelease.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Set;
import org.landrelease.domain.Account;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Role;
import org.landrelease.service.AccountService;
import org.landrelease.service.EventParsing;

/** /api/users for administrators, and /api/me for anyone signed in. Tokens are shown once, at creation. */
final class AccountResource {
  private static final Set<String> FIELDS = Set.of("name", "role", "partner", "donor", "countries");
  private final AccountService accounts;
  private final ObjectMapper mapper;

  AccountResource(AccountService accounts, ObjectMapper mapper) {
    this.accounts = accounts;
    this.mapper = mapper;
  }

  void me(Context ctx) {
    ctx.json(Access.account(ctx));
  }

  void list(Context ctx) {
    ctx.json(accounts.active());
  }

  void create(Context ctx) throws Exception {
    JsonNode body = HttpApi.object(HttpApi.body(ctx, mapper), FIELDS);
    Role role = body.hasNonNull("role") ? EventParsing.enumValue(Role.class, body.get("role"), "role") : null;
    Account a = new Account(text(body, "name"), role, text(body, "partner"), text(body, "donor"),
        EventParsing.countries(body.get("countries")));
    AccountService.Issued issued = accounts.create(a, Access.account(ctx).name());
    ObjectNode out = mapper.valueToTree(issued.account());
    out.put("token", issued.token());
    ctx.status(201).json(out);
  }

  void revoke(Context ctx) throws Exception {
    accounts.revoke(ctx.pathParam("name"));
    ctx.status(204);
  }

  private static String text(JsonNode body, String field) {
    return body.hasNonNull(field) ? EventParsing.text(body.get(field), field) : null;
  }
}
