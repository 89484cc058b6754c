package org.landrelease.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.landrelease.store.LedgerStore;
import org.landrelease.store.LedgerStore.AppliedEvent;
import org.landrelease.store.SharedState;

/**
 * Keeps what this instance holds in memory (running totals, partners and grants, accounts) level with the database
 * that other instances write too. Called before every request is answered: one read of the ledger_state row, and
 * only when another instance changed something, the change itself. So a figure, a grant or a token answered by any
 * instance includes everything any instance acknowledged before the request began. On the embedded store there is
 * one instance and nothing to do.
 */
public final class LedgerSync {
  private final LedgerStore store;
  private final LedgerTotals totals;
  private final FundingService funding;
  private final AccountService accounts;
  private final boolean shared;
  private volatile long fundingVersion = -1;
  private volatile long accountVersion = -1;
  private volatile CountryService countries;

  public LedgerSync(LedgerStore store, LedgerTotals totals, FundingService funding, AccountService accounts,
      boolean shared) {
    this.store = store;
    this.totals = totals;
    this.funding = funding;
    this.accounts = accounts;
    this.shared = shared;
  }

  /** Follows the countries' regions too: another instance may load or replace one. */
  public LedgerSync follow(CountryService countries) {
    this.countries = countries;
    return this;
  }

  public boolean shared() {
    return shared;
  }

  /** Brings this instance level with the database; a no-op on the embedded store. */
  public void catchUp() throws SQLException {
    if (!shared) {
      return;
    }
    SharedState state = store.sharedState();
    if (countries != null && state.regionVersion() != countries.version()) {
      countries.catchUp();
    }
    while (totals.applied() < state.applied()) {
      long after = totals.applied();
      List<AppliedEvent> events = store.appliedBetween(after, state.applied());
      var pieces = store.piecesAppliedBetween(after, state.applied());
      List<LocalDate> days = events.stream().map(AppliedEvent::countedOn).toList();
      double delta = events.stream().mapToDouble(AppliedEvent::hazardDeltaM2).sum();
      totals.addApplied(after, state.applied(), days, events.stream().map(AppliedEvent::regions).toList(), delta,
          pieces);
    }
    if (state.fundingVersion() != fundingVersion) {
      funding.reload();
      fundingVersion = state.fundingVersion();
    }
    if (state.accountVersion() != accountVersion) {
      accounts.reload();
      accountVersion = state.accountVersion();
    }
  }
}
