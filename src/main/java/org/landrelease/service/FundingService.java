package org.landrelease.service;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.landrelease.store.LedgerLock;
import org.landrelease.domain.Grant;
import org.landrelease.domain.GrantReporting;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Partner;
import org.landrelease.store.FundingStore;

/** Partners and grants: few, read on every event, so held in memory after the database. */
public final class FundingService {
  private final FundingStore store;
  private final LedgerLock writeLock;
  private final Map<String, Partner> partners = new ConcurrentHashMap<>();
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private volatile Map<String, GrantReporting> reportings = Map.of();

  public FundingService(FundingStore store, LedgerLock writeLock) throws SQLException {
    this.store = store;
    this.writeLock = writeLock;
    reload();
  }

  /**
   * Reads partners and grants again: another instance on the same database may have added some. Neither is ever
   * deleted, so entries are only added or replaced and a concurrent reader never misses one.
   */
  public void reload() throws SQLException {
    store.partners().forEach(p -> partners.put(p.id(), p));
    store.grants().forEach(g -> grants.put(g.id(), g));
    reportings = Map.copyOf(store.reportings());
  }

  /** Adds a partner; returns false when the same partner already exists (an idempotent replay). */
  public boolean addPartner(Partner p) throws SQLException {
    writeLock.lock();
    try {
      Partner existing = partners.get(p.id());
      if (existing != null) {
        // a replay without IATI settings is the same partner: those are set apart (setPartnerIati)
        if (existing.equals(p) || p.iatiOrgId() == null && existing.withIati(null, null).equals(p)) {
          return false;
        }
        throw LedgerException.conflict("partner '" + p.id() + "' already exists with another name")
            .with("partner.otherName", "partner", p.id());
      }
      store.insertPartner(p);
      partners.put(p.id(), p);
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Adds a grant of an existing partner; returns false when the same grant already exists. A grant that names no
   * country covers the ledger's only one; with several it must name them (CountryRules.grantCountries).
   */
  public boolean addGrant(Grant posted) throws SQLException {
    Grant g = posted;
    if (g.end().isBefore(g.start())) {
      throw LedgerException.unprocessable("invalid-grant-period",
          "grant '" + g.id() + "' ends (" + g.end() + ") before it starts (" + g.start() + ")")
              .with("grant.endsBeforeStart", "grant", g.id(), "start", g.start(), "end", g.end());
    }
    writeLock.lock();
    try {
      if (!partners.containsKey(g.partner())) {
        throw LedgerException.unprocessable("unknown-partner", "unknown partner '" + g.partner() + "'")
            .with("partner.unknown", "partner", g.partner());
      }
      Grant existing = grants.get(g.id());
      if (existing != null) {
        if (sameGrant(existing, g)) {
          // a replay that names no country means the grant as it is; one that names others is a change
          if (g.countries().isEmpty() || g.countries().equals(existing.countries())) {
            return false;
          }
          throw LedgerException.conflict("grant '" + g.id() + "' already covers " + existing.countries()
              + "; change its countries with PUT /api/grants/" + g.id() + "/countries");
        }
        throw LedgerException.conflict("grant '" + g.id() + "' already exists with other terms")
            .with("grant.otherTerms", "grant", g.id());
      }
      g = g.withCountries(CountryRules.grantCountries(g.id(), g.countries(), store.countryCodes()));
      store.insertGrant(g);
      grants.put(g.id(), g);
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  private static boolean sameGrant(Grant a, Grant b) {
    return a.donor().equals(b.donor()) && a.partner().equals(b.partner()) && a.title().equals(b.title())
        && (a.amount() == null ? b.amount() == null : b.amount() != null && a.amount().compareTo(b.amount()) == 0)
        && java.util.Objects.equals(a.currency(), b.currency()) && a.start().equals(b.start())
        && a.end().equals(b.end());
  }

  /**
   * Replaces the countries a grant covers. Releases already approved stay as they are; new submissions and
   * approvals are checked against the new list.
   */
  public Grant setGrantCountries(String grantId, List<String> countries) throws SQLException {
    if (countries == null || countries.isEmpty()) {
      throw LedgerException.unprocessable("countries-required", "a grant covers at least one country: send "
          + "{\"countries\": [\"UA\"]}").with("country.grantAtLeastOne");
    }
    writeLock.lock();
    try {
      Grant existing = grants.get(grantId);
      if (existing == null) {
        throw LedgerException.notFound("no grant '" + grantId + "'");
      }
      Grant g = existing.withCountries(CountryRules.grantCountries(grantId, countries, store.countryCodes()));
      store.replaceCountries(g);
      grants.put(g.id(), g);
      return g;
    } finally {
      writeLock.unlock();
    }
  }

  /** The codes of the countries the ledger holds, sorted. */
  public List<String> countryCodes() throws SQLException {
    return store.countryCodes();
  }

  /** Sets a partner's IATI organisation identifier and type; the grants it reports must keep their prefix. */
  public Partner setPartnerIati(String partnerId, String orgId, String orgType) throws SQLException {
    IatiRules.checkOrgId("iatiOrgId", orgId);
    IatiRules.checkOrgType("iatiOrgType", orgType);
    writeLock.lock();
    try {
      Partner existing = partners.get(partnerId);
      if (existing == null) {
        throw LedgerException.notFound("no partner '" + partnerId + "'")
            .with("partner.unknownNotFound", "partner", partnerId);
      }
      for (GrantReporting r : reportings.values()) {
        if (r.iatiIdentifier() != null && grants.get(r.grant()).partner().equals(partnerId)
            && !r.iatiIdentifier().startsWith(orgId + "-")) {
          throw LedgerException.conflict("grant '" + r.grant() + "' is published as '" + r.iatiIdentifier()
              + "', which the new identifier '" + orgId + "' does not prefix; change the grant's first")
                  .with("iati.identifierNotPrefixed", "grant", r.grant(), "identifier", r.iatiIdentifier(), "orgId",
                      orgId);
        }
      }
      Partner p = existing.withIati(orgId, orgType);
      store.updatePartnerIati(p);
      partners.put(p.id(), p);
      return p;
    } finally {
      writeLock.unlock();
    }
  }

  /** How a grant is published to IATI; every field null while an administrator has set none. */
  public GrantReporting reporting(String grantId) {
    return reportings.getOrDefault(grantId, GrantReporting.none(grantId));
  }

  /**
   * Replaces a grant's IATI settings after checking them against the IATI identifier rules: the activity
   * identifier carries the partner's organisation prefix, the donor's activity id the donor's.
   */
  public GrantReporting setReporting(GrantReporting r) throws SQLException {
    writeLock.lock();
    try {
      Grant grant = grants.get(r.grant());
      if (grant == null) {
        throw LedgerException.notFound("no grant '" + r.grant() + "'").with("grant.unknown", "grant", r.grant());
      }
      checkReporting(grant, r);
      store.replaceReporting(r);
      Map<String, GrantReporting> next = new java.util.HashMap<>(reportings);
      next.put(r.grant(), r);
      reportings = Map.copyOf(next);
      return r;
    } finally {
      writeLock.unlock();
    }
  }

  /** The IATI identifier rules for a grant's settings (422 with the reason), before anything is stored. */
  public void checkReporting(Grant grant, GrantReporting r) {
    if (r.iatiIdentifier() != null) {
      Partner partner = partners.get(grant.partner());
      if (partner == null) {
        throw LedgerException.unprocessable("unknown-partner", "unknown partner '" + grant.partner() + "'")
            .with("partner.unknown", "partner", grant.partner());
      }
      if (partner.iatiOrgId() == null) {
        throw LedgerException.unprocessable("partner-without-iati-org", "partner '" + partner.id()
            + "' has no IATI organisation identifier; set it first (PUT /api/partners/" + partner.id() + "/iati)")
                .with("iati.partnerWithoutOrg", "partner", partner.id());
      }
      IatiRules.checkActivityId("iatiIdentifier", r.iatiIdentifier(), partner.iatiOrgId(),
          "partner's IATI organisation identifier");
    }
    if (r.donorOrgId() != null) {
      IatiRules.checkOrgId("donorOrgId", r.donorOrgId());
    }
    if (r.donorActivityId() != null) {
      if (r.donorOrgId() == null) {
        throw LedgerException.unprocessable("missing-field", "'donorActivityId' needs 'donorOrgId', its prefix")
            .with("iati.donorActivityNeedsOrg");
      }
      IatiRules.checkActivityId("donorActivityId", r.donorActivityId(), r.donorOrgId(),
          "donor's organisation identifier 'donorOrgId'");
    }
    IatiRules.checkTargets(grant, r.targets());
  }

  public Partner partner(String id) {
    return partners.get(id);
  }

  public Grant grant(String id) {
    return grants.get(id);
  }

  public List<Partner> partners() {
    return partners.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
  }

  public List<Grant> grants() {
    return grants.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
  }

  /** The donor funding a grant, or null for work without a grant. */
  public String donorOf(String grantId) {
    Grant g = grantId == null ? null : grants.get(grantId);
    return g == null ? null : g.donor();
  }
}
