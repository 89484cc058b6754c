package org.landrelease.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.landrelease.domain.Grant;
import org.landrelease.domain.Partner;

/** SQL for partners and grants. Writes run on the writer connection under the caller's write lock. */
public final class FundingStore {
  private final Database db;

  public FundingStore(Database db) {
    this.db = db;
  }

  public void insertPartner(Partner p) throws SQLException {
    db.transaction(() -> {
      Connection c = db.writer();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO partner (id, name) VALUES (?, ?)")) {
        ps.setString(1, p.id());
        ps.setString(2, p.name());
        ps.executeUpdate();
        SharedState.bump(c, "funding_version");
      }
    }, null);
  }

  public void insertGrant(Grant g) throws SQLException {
    db.transaction(() -> insertGrant(db.writer(), g), null);
  }

  private static void insertGrant(Connection c, Grant g) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO grants (id, donor, partner_id, title, amount, currency, start_date, end_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
      ps.setString(1, g.id());
      ps.setString(2, g.donor());
      ps.setString(3, g.partner());
      ps.setString(4, g.title());
      ps.setBigDecimal(5, g.amount());
      ps.setString(6, g.currency());
      ps.setDate(7, Date.valueOf(g.start()));
      ps.setDate(8, Date.valueOf(g.end()));
      ps.executeUpdate();
      SharedState.bump(c, "funding_version");
    }
  }

  public List<Partner> partners() throws SQLException {
    return db.read(c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, name FROM partner ORDER BY id")) {
        List<Partner> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Partner(rs.getString(1), rs.getString(2)));
        }
        return out;
      }
    });
  }

  public List<Grant> grants() throws SQLException {
    return db.read(c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT id, donor, partner_id, title, amount, currency, start_date, end_date FROM grants ORDER BY id")) {
        List<Grant> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Grant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
              rs.getString(6), rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate()));
        }
        return out;
      }
    });
  }
}
