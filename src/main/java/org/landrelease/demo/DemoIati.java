package org.landrelease.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.landrelease.domain.Grant;
import org.landrelease.domain.GrantReporting;
import org.landrelease.domain.ReleaseTarget;
import org.landrelease.service.FundingService;
import org.landrelease.service.IatiRules;

/**
 * The demo's IATI settings: demo values that look real. UNDP's and The HALO Trust's organisation identifiers and the
 * Netherlands Ministry of Foreign Affairs' (NL-1) are their real ones; every other identifier carries DEMO
 * (XM-DEMO-…, NL-1-DEMO-…), and the targets are round illustrative figures. Only the Dutch grants are configured.
 */
final class DemoIati {
  /** A partner's IATI organisation identifier and OrganisationType (10 government, 21 international NGO, 40 multilateral). */
  record PartnerOrg(String partner, String orgId, String orgType) {}

  static final List<PartnerOrg> PARTNER_ORGS = List.of(
      new PartnerOrg("UNDP", "XM-DAC-41114", "40"),
      new PartnerOrg("HALO", "GB-CHC-1001813", "21"),
      new PartnerOrg("UNOPS", "XM-DEMO-UNOPS", "40"),
      new PartnerOrg("DRC", "XM-DEMO-DRC", "21"),
      new PartnerOrg("iMMAP", "XM-DEMO-IMMAP", "21"),
      new PartnerOrg("FSD", "XM-DEMO-FSD", "21"),
      new PartnerOrg("SESU", "XM-DEMO-SESU", "10"),
      new PartnerOrg("MAG", "XM-DEMO-MAG", "21"),
      new PartnerOrg("NPA", "XM-DEMO-NPA", "21"),
      new PartnerOrg("LAF", "XM-DEMO-LAF", "10"));

  /** The Netherlands Ministry of Foreign Affairs. */
  static final String DUTCH_MFA = "NL-1";
  /**
   * The demo's targets: land released in proportion to the funding, at €5,000 per km² (USD taken at par), rounded
   * to 10 km² per quarter. An illustrative rate, not a cost of mine action.
   */
  static final double EUR_PER_KM2 = 5_000;

  private DemoIati() {}

  /** Sets the partners' identifiers and the Dutch grants' settings: the donor's demo activity id and targets. */
  static void apply(FundingService funding) throws SQLException {
    for (PartnerOrg p : PARTNER_ORGS) {
      if (funding.partner(p.partner()) != null) {
        funding.setPartnerIati(p.partner(), p.orgId(), p.orgType());
      }
    }
    for (Grant g : funding.grants()) {
      if (!g.donor().equals("Netherlands")) {
        continue;
      }
      List<LocalDate> quarters = new ArrayList<>();
      for (LocalDate q = IatiRules.quarterStart(IatiRules.quarterOf(g.start())); !q.isAfter(g.end());
          q = q.plusMonths(3)) {
        quarters.add(q);
      }
      double perQuarterKm2 = Math.round(g.amount().doubleValue() / EUR_PER_KM2 / quarters.size() / 10) * 10.0;
      List<ReleaseTarget> targets = quarters.stream()
          .map(q -> new ReleaseTarget(IatiRules.quarterOf(q), "released", perQuarterKm2)).toList();
      funding.setReporting(new GrantReporting(g.id(), null, DUTCH_MFA, DUTCH_MFA + "-DEMO-" + g.id(),
          targets));
    }
  }
}
