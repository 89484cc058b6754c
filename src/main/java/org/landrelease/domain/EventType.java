package org.landrelease.domain;

/** The ledger's event types (IMAS land release: non-technical survey cancels, technical survey reduces, clearance clears). */
public enum EventType {
  HAZARD_REPORT(null),
  NON_TECHNICAL_SURVEY(Outcome.CANCELLED),
  TECHNICAL_SURVEY(Outcome.REDUCED),
  CLEARANCE(Outcome.CLEARED),
  /** A correction: undoes the release of an approved event; its land becomes contaminated again. */
  REVERSAL(null);

  private final Outcome outcome;

  EventType(Outcome outcome) {
    this.outcome = outcome;
  }

  /** The release outcome of this type, or null for a hazard report or a reversal. */
  public Outcome outcome() {
    return outcome;
  }

  public boolean isRelease() {
    return outcome != null;
  }

  public boolean isReport() {
    return this == HAZARD_REPORT;
  }
}
