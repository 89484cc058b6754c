package org.landrelease.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landrelease.domain.Account;
import org.landrelease.domain.Role;

/** SQL for accounts. Only a token's SHA-256 is stored. Writes run under the caller's write lock. */
public final class AccountStore {
  private final Database db;

  public AccountStore(Database db) {
    this.db = db;
  }

  public void insert(Account a, String tokenSha256, Instant at, String createdBy) throws SQLException {
    db.transaction(() -> insert(db.writer(), a, tokenSha256, at, createdBy), null);
  }

  private static void insert(Connection c, Account a, String tokenSha256, Instant at, String createdBy)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO account (name, role, partner_id, donor, token_sha256, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
      ps.setString(1, a.name());
      ps.setString(2, a.role().name());
      ps.setString(3, a.partner());
      ps.setString(4, a.donor());
      ps.setString(5, tokenSha256);
      ps.setTimestamp(6, Timestamp.from(at));
      ps.setString(7, createdBy);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO account_country (account, country) VALUES (?, ?)")) {
      for (String country : a.countries()) {
        ps.setString(1, a.name());
        ps.setString(2, country);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    SharedState.bump(c, "account_version");
  }

  /** Revokes an account: its token stops working; the row stays, since events name their submitter. */
  public boolean revoke(String name, Instant at) throws SQLException {
    int[] n = new int[1];
    db.transaction(() -> {
      Connection c = db.writer();
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE account SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL")) {
        ps.setTimestamp(1, Timestamp.from(at));
        ps.setString(2, name);
        n[0] = ps.executeUpdate();
        SharedState.bump(c, "account_version");
      }
    }, null);
    return n[0] == 1;
  }

  /** Every account that is not revoked, by the hash of its token, with the countries it is bound to. */
  public Map<String, Account> activeByTokenHash() throws SQLException {
    return db.read(c -> {
      Map<String, List<String>> countries = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT account, country FROM account_country ORDER BY country");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          countries.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
      Map<String, Account> out = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT name, role, partner_id, donor, token_sha256 FROM account WHERE revoked_at IS NULL ORDER BY name");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(5), new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3),
              rs.getString(4), countries.get(rs.getString(1))));
        }
      }
      return out;
    });
  }

  public boolean exists(String name) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM account WHERE name = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1) > 0;
        }
      }
    });
  }
}
