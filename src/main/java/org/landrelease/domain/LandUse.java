package org.landrelease.domain;

/**
 * The land's use after release, as the field team records it in its completion report. A field attribute, not a
 * land-cover map: it says what the land was released for, and is unknown when the report did not say.
 */
public enum LandUse {
  AGRICULTURE, RESIDENTIAL, INFRASTRUCTURE, FOREST, WATER, OTHER;

  /** The key of released land whose use was not recorded, in figures and layers. */
  public static final String UNKNOWN = "unknown";

  /** The key of a land use in figures: its name, or "unknown" for null. */
  public static String key(LandUse use) {
    return use == null ? UNKNOWN : use.name();
  }
}
