package org.landrelease.store;

import java.util.List;

/**
 * The one SQL rule of a country filter, the same on both stores: a region code always carries its country's prefix
 * (ISO 3166-2, "UA-05"), so a piece is in a country when its region starts with "UA-", and an event or hazard when
 * its regions list (",UA-05,LB-BA,") holds one such code. A country code is two capital letters
 * (Country.parseCode), so the pattern holds no LIKE wildcard of the user's.
 */
public final class CountrySql {
  private CountrySql() {}

  /** Narrows to rows whose one region column (a piece's) is in the country; nothing when country is null. */
  public static void region(String column, String country, StringBuilder sql, List<Object> args) {
    if (country != null) {
      sql.append(" AND ").append(column).append(" LIKE ?");
      args.add(regionPattern(country));
    }
  }

  /** The LIKE pattern of a country's region codes. */
  static String regionPattern(String country) {
    return country + "-%";
  }

  /** Narrows to rows whose regions list (",UA-05,UA-07,") names a region of the country; nothing when null. */
  public static void regions(String column, String country, StringBuilder sql, List<Object> args) {
    if (country != null) {
      sql.append(" AND ").append(column).append(" LIKE ?");
      args.add("%," + country + "-%");
    }
  }
}
