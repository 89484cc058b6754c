package org.landrelease.domain;

/** What a ledger piece did to the contaminated area: added it, reclassified it, or released it by one outcome. */
public enum PieceKind {
  ADDED, RECLASSIFIED, CANCELLED, REDUCED, CLEARED;

  public static PieceKind of(Outcome outcome) {
    return switch (outcome) {
      case CANCELLED -> CANCELLED;
      case REDUCED -> REDUCED;
      case CLEARED -> CLEARED;
    };
  }

  public boolean isRelease() {
    return this == CANCELLED || this == REDUCED || this == CLEARED;
  }
}
