package org.landrelease.store;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.landrelease.domain.HazardType;

/** Text forms of small collections kept in one column: "AP_MINE,UXO" and "AP_MINE:3,UXO:1". */
final class Codes {
  private Codes() {}

  static String types(Set<HazardType> types) {
    return types == null ? "" : types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  static Set<HazardType> types(String text) {
    Set<HazardType> out = EnumSet.noneOf(HazardType.class);
    if (text != null && !text.isEmpty()) {
      for (String s : text.split(",")) {
        out.add(HazardType.valueOf(s));
      }
    }
    return out;
  }

  static String landUse(org.landrelease.domain.LandUse use) {
    return use == null ? null : use.name();
  }

  static org.landrelease.domain.LandUse landUse(String text) {
    return text == null ? null : org.landrelease.domain.LandUse.valueOf(text);
  }

  static String counts(Map<HazardType, Integer> counts) {
    if (counts == null || counts.isEmpty()) {
      return null;
    }
    return new EnumMap<>(counts).entrySet().stream().map(e -> e.getKey().name() + ":" + e.getValue())
        .collect(Collectors.joining(","));
  }

  static Map<HazardType, Integer> counts(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    Map<HazardType, Integer> out = new EnumMap<>(HazardType.class);
    for (String s : text.split(",")) {
      int colon = s.indexOf(':');
      out.put(HazardType.valueOf(s.substring(0, colon)), Integer.parseInt(s.substring(colon + 1)));
    }
    return out;
  }
}
