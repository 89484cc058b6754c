package org.landrelease.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A country of the ledger: its ISO 3166-1 alpha-2 code, its names, and its first-level regions, whose codes are ISO
 * 3166-2 codes prefixed with the country's ("UA-05"). So the region of a piece says its country, and land outside
 * every region ("unassigned") is in none.
 */
public record Country(String code, String name, String nameUk, boolean synthetic, String source, Instant loadedAt,
    String loadedBy, int regions, double areaKm2) {
  private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

  /** Whether a text is an ISO 3166-1 alpha-2 code as the ledger writes it (two capital letters). */
  public static boolean validCode(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  /** The country code a request names, upper-cased; a 400 when it is not two letters. */
  public static String parseCode(String code) {
    String c = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    if (!validCode(c)) {
      throw LedgerException.badRequest("invalid-country", "'" + code
          + "' is not a country code: use the ISO 3166-1 alpha-2 code, such as UA").with("country.invalidCode", "code",
          String.valueOf(code));
    }
    return c;
  }

  /** The country of a region code, or null for land outside every region. */
  public static String ofRegion(String regionCode) {
    if (regionCode == null || regionCode.length() < 4 || regionCode.charAt(2) != '-') {
      return null;
    }
    String c = regionCode.substring(0, 2);
    return validCode(c) ? c : null;
  }

  /** The countries of region codes (a region index's), each once, in code order. */
  public static java.util.List<String> codesOf(java.util.Collection<String> regionCodes) {
    Set<String> out = new java.util.TreeSet<>();
    for (String r : regionCodes) {
      String c = ofRegion(r);
      if (c != null) {
        out.add(c);
      }
    }
    return java.util.List.copyOf(out);
  }

  /** The countries of a list of region codes as events and hazards store it (",UA-05,UA-07,"), in order. */
  public static Set<String> ofRegions(String regionCodes) {
    Set<String> out = new LinkedHashSet<>();
    if (regionCodes != null) {
      for (String r : regionCodes.split(",")) {
        String c = ofRegion(r.strip());
        if (c != null) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** A region code in a country: the file's code as it is when it already carries the prefix, else prefixed. */
  public static String regionCode(String country, String fileCode) {
    String code = fileCode.strip();
    return code.startsWith(country + "-") ? code : country + "-" + code;
  }
}
