package org.landrelease.service;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.landrelease.store.LedgerLock;
import org.landrelease.domain.Grant;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Partner;
import org.landrelease.store.FundingStore;

/** Partners and grants: few, read on every event, so held in memory after the database. */
public final class FundingService {
  private final FundingStore store;
  private final LedgerLock writeLock;
  private final Map<String, Partner> partners = new ConcurrentHashMap<>();
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();

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
  }

  /** Adds a partner; returns false when the same partner already exists (an idempotent replay). */
  public boolean addPartner(Partner p) throws SQLException {
    writeLock.lock();
    try {
      Partner existing = partners.get(p.id());
      if (existing != null) {
        if (existing.equals(p)) {
          return false;
        }
        throw LedgerException.conflict("partner '" + p.id() + "' already exists with another name");
      }
      store.insertPartner(p);
      partners.put(p.id(), p);
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  /** Adds a grant of an existing partner; returns false when the same grant already exists. */
  public boolean addGrant(Grant g) throws SQLException {
    if (g.end().isBefore(g.start())) {
      throw LedgerException.unprocessable("invalid-grant-period",
          "grant '" + g.id() + "' ends (" + g.end() + ") before it starts (" + g.start() + ")");
    }
    writeLock.lock();
    try {
      if (!partners.containsKey(g.partner())) {
        throw LedgerException.unprocessable("unknown-partner", "unknown partner '" + g.partner() + "'");
      }
      Grant existing = grants.get(g.id());
      if (existing != null) {
        if (sameGrant(existing, g)) {
          return false;
        }
        throw LedgerException.conflict("grant '" + g.id() + "' already exists with other terms");
      }
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
