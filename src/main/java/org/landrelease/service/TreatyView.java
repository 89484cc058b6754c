package org.landrelease.service;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.landrelease.domain.HazardType;

/**
 * The views of the treaty land-release report. A hazard counts in every view whose types it includes, so a hazard of
 * AP_MINE and CLUSTER_MUNITION counts in both treaty views; they may overlap, and ALL (every hazard) is not their sum.
 */
public enum TreatyView {
  /** Every hazard area. */
  ALL("All hazard areas", EnumSet.allOf(HazardType.class)),
  /** Anti-Personnel Mine Ban Convention, Article 7: areas containing or suspected to contain anti-personnel mines. */
  APMBC("Anti-personnel mines (APMBC Article 7)", EnumSet.of(HazardType.AP_MINE, HazardType.IED)),
  /** Convention on Cluster Munitions, Article 7: cluster munition remnants. */
  CCM("Cluster munition remnants (CCM Article 7)", EnumSet.of(HazardType.CLUSTER_MUNITION));

  private final String title;
  private final Set<HazardType> types;

  TreatyView(String title, Set<HazardType> types) {
    this.title = title;
    this.types = types;
  }

  public String title() {
    return title;
  }

  public Set<HazardType> types() {
    return types;
  }

  /** "all", "apmbc", "ccm": the name in the API. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a hazard of these types counts in this view: it includes at least one of the view's types. */
  public boolean includes(Set<HazardType> hazardTypes) {
    for (HazardType t : hazardTypes) {
      if (types.contains(t)) {
        return true;
      }
    }
    return false;
  }
}
