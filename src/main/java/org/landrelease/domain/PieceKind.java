package org.landrelease.domain;

/** What a ledger piece did to the contaminated area: added it, reclassified it, or released it by one outcome. */
public enum PieceKind {
  ADDED, RECLASSIFIED, CANCELLED, REDUCED, CLEARED;

  private final String label = name().toLowerCase(java.util.Locale.ROOT);

  /** The lower-case name used in the API: "cancelled". */
  public String label() {
    return label;
  }

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
