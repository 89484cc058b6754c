package org.landrelease.files;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One IATI 2.03 activity as the ledger publishes it for a grant, every value decided (see service/IatiService);
 * {@link IatiXml} only writes it. Codes are IATI codelist codes; areas are geodesic km².
 */
public record IatiActivity(String identifier, Instant lastUpdated, String currency, Org reportingOrg, String title,
    String description, List<Org> participatingOrgs, String ledgerGrantId, String status, List<Day> dates,
    List<Place> places, Funding funding, Link report, List<Indicator> indicators) {

  /** An organisation: IATI identifier, OrganisationType, role (1 funding, 4 implementing), its activity id. */
  public record Org(String ref, String type, String role, String activityId, String name) {}

  /** An activity-date: type 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
  public record Day(String type, LocalDate date) {}

  /** A location: the ledger's region code as ref, a name, a point on released land (WGS84) and what it stands for. */
  public record Place(String ref, String name, String description, double lat, double lon) {}

  /** The grant's amount: one budget over the grant period and one incoming commitment from the donor. */
  public record Funding(BigDecimal amount, String currency, LocalDate start, LocalDate end, Org provider,
      Org receiver) {}

  /** A document-link to the ledger's own report of the grant (JSON). */
  public record Link(String url, String title, LocalDate date) {}

  /** A result indicator of the reporting organisation's own vocabulary (99) with its code and URI. */
  public record Indicator(String code, String title, String description, String uri, List<Period> periods) {}

  /** A quarter inside the reported period, with the ledger's actual km² and the grant's target if one is set. */
  public record Period(LocalDate start, LocalDate end, Double targetKm2, double actualKm2, String comment) {}
}
