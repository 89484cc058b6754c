package org.landrelease.domain;

/** The ledger's event types (IMAS land release: non-technical survey cancels, technical survey reduces, clearance clears). */
public enum EventType {
  HAZARD_REPORT(null),
  NON_TECHNICAL_SURVEY(Outcome.CANCELLED),
  TECHNICAL_SURVEY(Outcome.REDUCED),
  CLEARANCE(Outcome.CLEARED);

  private final Outcome outcome;

  EventType(Outcome outcome) {
    this.outcome = outcome;
  }

  /** The release outcome of this type, or null for a hazard report. */
  public Outcome outcome() {
    return outcome;
  }

  public boolean isRelease() {
    return outcome != null;
  }
}
