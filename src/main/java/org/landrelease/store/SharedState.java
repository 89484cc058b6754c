package org.landrelease.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The ledger_state row: what every instance on one database agrees on. Each change bumps its counter in the same
 * transaction; an instance compares the counters with what it holds in memory before it answers from memory, so a
 * figure, a grant or a token answered by any instance includes every change any instance acknowledged before.
 *
 * @param applied        approvals applied so far (the last event.applied_seq)
 * @param fundingVersion changes to partners and grants
 * @param accountVersion changes to accounts (a revoked token stops working on every instance)
 * @param regionVersion  loads and replacements of countries' regions (another instance rebuilds its region index)
 */
public record SharedState(long applied, long fundingVersion, long accountVersion, long regionVersion) {
  static void bump(Connection c, String column) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE ledger_state SET " + column + " = " + column + " + 1 WHERE id = 1");
    }
  }

  static SharedState read(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT applied, funding_version, account_version, region_version FROM ledger_state WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("the ledger_state row is missing");
      }
      return new SharedState(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
    }
  }
}
