package org.landrelease.service;

import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.landrelease.domain.Grant;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Partner;
import org.landrelease.files.IatiActivity;
import org.landrelease.files.IatiXml;
import org.landrelease.store.EventStore.AppliedMark;

/**
 * Grants as IATI 2.03 activities: the partner reports, the donor funds, and the results are the ledger's own
 * figures of land released per quarter, read with the grant report's code (ReportService.grantReleased).
 */
public final class IatiService {
  /** Where the indicator definitions are served; each indicator's URI is this path and its code. */
  public static final String INDICATORS_PATH = "/api/iati/indicators";
  /** Attempts to read figures and ledger state from one moment while approvals go on. */
  private static final int CONSISTENT_READ_ATTEMPTS = 5;

  private final FundingService funding;
  private final ReportService reports;
  private final IatiResults results;
  private final Clock clock;

  public IatiService(FundingService funding, ReportService reports, LedgerService ledger, Clock clock) {
    this.funding = funding;
    this.reports = reports;
    this.results = new IatiResults(reports, ledger);
    this.clock = clock;
  }

  /** An iati-activities document (UTF-8 XML) with one activity per grant, for [from, to] (either may be null). */
  public byte[] activities(List<Grant> grants, LocalDate from, LocalDate to, String baseUrl) throws SQLException {
    if (from != null && to != null && from.isAfter(to)) {
      throw LedgerException.badRequest("invalid-period", "'from' (" + from + ") is after 'to' (" + to + ")")
          .with("request.fromAfterTo", "from", from, "to", to);
    }
    List<String> unpublished = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      long applied = reports.appliedUpTo();
      List<IatiActivity> activities = new ArrayList<>();
      unpublished.clear();
      for (Grant g : grants) {
        Partner partner = funding.partner(g.partner());
        if (partner.iatiOrgId() == null) {
          unpublished.add(g.id());
          continue;
        }
        activities.add(activity(g, partner, from, to, baseUrl));
      }
      if (activities.isEmpty()) {
        // an iati-activities file holds at least one activity (the schema's minOccurs)
        throw LedgerException.unprocessable("partner-without-iati-org", "none of these grants can be published: "
            + "their partners have no IATI organisation identifier (" + String.join(", ", unpublished) + ")")
                .with("iati.noPublishableGrant", "partners", String.join(", ", unpublished));
      }
      // the figures must all come from the state the file names: read again if an approval came in between
      if (reports.appliedUpTo() == applied || attempt == CONSISTENT_READ_ATTEMPTS) {
        AppliedMark mark = reports.appliedMark(applied).orElse(null);
        Instant updated = mark == null ? clock.instant() : mark.approvedAt();
        activities.replaceAll(a -> withLastUpdated(a, updated));
        return write(activities, state(mark, from, to, unpublished));
      }
    }
  }

  /** The same activity for one grant, refused (422) when its partner has no IATI organisation identifier. */
  public byte[] activity(Grant grant, LocalDate from, LocalDate to, String baseUrl) throws SQLException {
    Partner partner = funding.partner(grant.partner());
    if (partner.iatiOrgId() == null) {
      throw LedgerException.unprocessable("partner-without-iati-org", "partner '" + partner.id()
          + "' has no IATI organisation identifier, which IATI requires of the reporting organisation; an "
          + "administrator sets it with PUT /api/partners/" + partner.id() + "/iati")
              .with("iati.partnerWithoutOrgForActivity", "partner", partner.id());
    }
    return activities(List.of(grant), from, to, baseUrl);
  }

  private IatiActivity activity(Grant g, Partner partner, LocalDate from, LocalDate to, String baseUrl)
      throws SQLException {
    var reporting = funding.reporting(g.id());
    String identifier = reporting.iatiIdentifier() != null ? reporting.iatiIdentifier()
        : partner.iatiOrgId() + "-" + g.id();
    IatiActivity.Org donor = new IatiActivity.Org(reporting.donorOrgId(), null, "1", reporting.donorActivityId(),
        g.donor());
    IatiActivity.Org implementer = new IatiActivity.Org(partner.iatiOrgId(), partner.iatiOrgType(), "4",
        identifier, partner.name());
    LocalDate today = LocalDate.now(clock);
    String status = today.isBefore(g.start()) ? "1" : today.isAfter(g.end()) ? "3" : "2";
    List<IatiActivity.Day> dates = new ArrayList<>(List.of(new IatiActivity.Day("1", g.start()),
        new IatiActivity.Day("3", g.end())));
    if (!today.isBefore(g.start())) {
      dates.add(1, new IatiActivity.Day("2", g.start()));
    }
    if (today.isAfter(g.end())) {
      dates.add(new IatiActivity.Day("4", g.end()));
    }
    LocalDate lo = from == null || from.isBefore(g.start()) ? g.start() : from;
    LocalDate hi = to == null || to.isAfter(g.end()) ? g.end() : to;
    IatiActivity.Funding money = g.amount() == null || g.currency() == null ? null
        : new IatiActivity.Funding(g.amount(), g.currency(), g.start(), g.end(), donor, implementer);
    String reportUrl = baseUrl + "/api/grants/" + java.net.URLEncoder.encode(g.id(),
        java.nio.charset.StandardCharsets.UTF_8) + "/report";
    return new IatiActivity(identifier, null, g.currency(), implementer, g.title(), description(g, partner),
        List.of(donor, implementer), g.id(), status, dates, results.places(g.id(), lo, hi),
        money, new IatiActivity.Link(reportUrl, "Grant report of the land-release ledger (JSON)", today),
        results.indicators(g, lo, hi, reporting.targets(), baseUrl + INDICATORS_PATH));
  }

  private static String description(Grant g, Partner partner) {
    return "Survey and clearance of land contaminated by explosive ordnance in Ukraine by " + partner.name()
        + ", funded by " + g.donor() + " (grant " + g.id() + ", " + g.start() + " to " + g.end() + "). The results "
        + "are the land released (cancelled, reduced, cleared) in geodesic km², measured by the national "
        + "land-release ledger from the geometry of approved survey and clearance events.";
  }

  private static IatiActivity withLastUpdated(IatiActivity a, Instant t) {
    return new IatiActivity(a.identifier(), t, a.currency(), a.reportingOrg(), a.title(), a.description(),
        a.participatingOrgs(), a.ledgerGrantId(), a.status(), a.dates(), a.places(), a.funding(), a.report(),
        a.indicators());
  }

  private static String state(AppliedMark mark, LocalDate from, LocalDate to, List<String> unpublished) {
    String state = mark == null ? "Computed by the land-release ledger from an empty ledger"
        : "Computed by the land-release ledger from its state after approval " + mark.applied() + " (event sequence "
            + mark.sequence() + ", approved " + mark.approvedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")";
    state += "; period " + (from == null ? "grant start" : from) + " to " + (to == null ? "grant end" : to) + ".";
    if (!unpublished.isEmpty()) {
      state += " Left out, as their partner has no IATI organisation identifier: " + String.join(", ", unpublished)
          + ".";
    }
    return state;
  }

  private byte[] write(List<IatiActivity> activities, String state) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      IatiXml.write(out, clock.instant(), state, activities);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing IATI XML to memory failed", e);
    }
    return out.toByteArray();
  }

  /** The indicators' definitions, served at INDICATORS_PATH, keyed by code. */
  public static Map<String, IatiResults.Definition> indicators() {
    return IatiResults.DEFINITIONS;
  }
}
