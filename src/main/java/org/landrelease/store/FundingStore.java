package org.landrelease.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.landrelease.domain.Grant;
import org.landrelease.domain.GrantReporting;
import org.landrelease.domain.Partner;
import org.landrelease.domain.ReleaseTarget;

/** SQL for partners and grants. Writes run on the writer connection under the caller's write lock. */
public final class FundingStore {
  private final Database db;

  public FundingStore(Database db) {
    this.db = db;
  }

  public void insertPartner(Partner p) throws SQLException {
    db.transaction(() -> {
      Connection c = db.writer();
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO partner (id, name, iati_org_id, iati_org_type) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, p.id());
        ps.setString(2, p.name());
        ps.setString(3, p.iatiOrgId());
        ps.setString(4, p.iatiOrgType());
        ps.executeUpdate();
        SharedState.bump(c, "funding_version");
      }
    }, null);
  }

  /** Sets a partner's IATI organisation identifier and type. */
  public void updatePartnerIati(Partner p) throws SQLException {
    db.transaction(() -> {
      Connection c = db.writer();
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE partner SET iati_org_id = ?, iati_org_type = ? WHERE id = ?")) {
        ps.setString(1, p.iatiOrgId());
        ps.setString(2, p.iatiOrgType());
        ps.setString(3, p.id());
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
    }
    insertCountries(c, g);
    SharedState.bump(c, "funding_version");
  }

  private static void insertCountries(Connection c, Grant g) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO grant_country (grant_id, country) VALUES (?, ?)")) {
      for (String country : g.countries()) {
        ps.setString(1, g.id());
        ps.setString(2, country);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Replaces the countries a grant covers (the grant itself is unchanged). */
  public void replaceCountries(Grant g) throws SQLException {
    db.transaction(() -> {
      Connection c = db.writer();
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM grant_country WHERE grant_id = ?")) {
        ps.setString(1, g.id());
        ps.executeUpdate();
      }
      insertCountries(c, g);
      SharedState.bump(c, "funding_version");
    }, null);
  }

  /** The codes of the countries the ledger holds, sorted: what a grant or an account may name. */
  public List<String> countryCodes() throws SQLException {
    return db.read(c -> {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT code FROM country ORDER BY code")) {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        return out;
      }
    });
  }

  public List<Partner> partners() throws SQLException {
    return db.read(c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT id, name, iati_org_id, iati_org_type FROM partner ORDER BY id")) {
        List<Partner> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Partner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
        return out;
      }
    });
  }

  /** Every grant with the countries it covers. */
  public List<Grant> grants() throws SQLException {
    return db.read(c -> {
      Map<String, List<String>> countries = new HashMap<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT grant_id, country FROM grant_country ORDER BY country")) {
        while (rs.next()) {
          countries.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT id, donor, partner_id, title, amount, currency, start_date, end_date FROM grants ORDER BY id")) {
        List<Grant> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Grant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
              rs.getString(6), rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(),
              countries.get(rs.getString(1))));
        }
        return out;
      }
    });
  }

  /** Replaces how a grant is published to IATI: its identifiers and all its targets. */
  public void replaceReporting(GrantReporting r) throws SQLException {
    db.transaction(() -> {
      Connection c = db.writer();
      for (String sql : List.of("DELETE FROM grant_target WHERE grant_id = ?",
          "DELETE FROM grant_reporting WHERE grant_id = ?")) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, r.grant());
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO grant_reporting (grant_id, iati_identifier, "
          + "donor_org_id, donor_activity_id) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, r.grant());
        ps.setString(2, r.iatiIdentifier());
        ps.setString(3, r.donorOrgId());
        ps.setString(4, r.donorActivityId());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO grant_target (grant_id, quarter, outcome, km2) VALUES (?, ?, ?, ?)")) {
        for (ReleaseTarget t : r.targets()) {
          ps.setString(1, r.grant());
          ps.setString(2, t.quarter());
          ps.setString(3, t.outcome());
          ps.setDouble(4, t.km2());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      SharedState.bump(c, "funding_version");
    }, null);
  }

  /** How each grant that has been given IATI settings is published, by grant id. */
  public Map<String, GrantReporting> reportings() throws SQLException {
    return db.read(c -> {
      Map<String, List<ReleaseTarget>> targets = new HashMap<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT grant_id, quarter, outcome, km2 FROM grant_target ORDER BY grant_id, quarter, outcome")) {
        while (rs.next()) {
          targets.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new ReleaseTarget(rs.getString(2), rs.getString(3), rs.getDouble(4)));
        }
      }
      Map<String, GrantReporting> out = new HashMap<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT grant_id, iati_identifier, donor_org_id, donor_activity_id FROM grant_reporting")) {
        while (rs.next()) {
          String grant = rs.getString(1);
          out.put(grant, new GrantReporting(grant, rs.getString(2), rs.getString(3), rs.getString(4),
              List.copyOf(targets.getOrDefault(grant, List.of()))));
        }
      }
      return out;
    });
  }
}
