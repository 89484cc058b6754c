package org.landrelease.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.landrelease.domain.Account;
import org.landrelease.domain.Country;
import org.landrelease.domain.Grant;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.Overlay;
import org.landrelease.geometry.RegionIndex;
import org.landrelease.geometry.RegionShape;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The country rules of grants and accounts. An event is in the countries whose regions its footprint meets (a
 * region's ISO 3166-2 code says its country). A grant counts work in the countries it covers only; an account bound
 * to countries submits or decides there only. Refusals name the countries and a point of the footprint in the first
 * one that is not allowed, so the field team sees where.
 */
public final class CountryRules {
  private CountryRules() {}

  /**
   * The countries a new grant covers: those it names, each of which the ledger must hold; when it names none, the
   * ledger's only country, or a refusal that lists them when there are several. A ledger without any country (before
   * the first is loaded) leaves the list empty: the grant then covers everywhere.
   */
  public static List<String> grantCountries(String grantId, List<String> named, List<String> known) {
    if (named.isEmpty()) {
      if (known.size() > 1) {
        throw LedgerException.unprocessable("countries-required", "the ledger holds several countries " + known
            + ": name those grant '" + grantId + "' covers in 'countries', such as [\"" + known.get(0) + "\"]")
            .with("country.grantNeedsCountries", "grant", grantId, "known", String.join(", ", known), "first",
                known.get(0));
      }
      return known;
    }
    return known(named, known);
  }

  /** The countries an account is bound to: each must be one the ledger holds. */
  public static List<String> known(List<String> named, List<String> known) {
    for (String c : named) {
      if (!known.contains(c)) {
        throw LedgerException.unprocessable("unknown-country", "the ledger holds no country '" + c + "'; it holds "
            + known + (known.isEmpty() ? " (load one with POST /api/countries/{code})" : ""))
            .with("country.notHeld", "code", c, "known", String.join(", ", known));
      }
    }
    return named;
  }

  /** The countries of the regions an event touches, in region order. */
  static Set<String> of(List<String> regionCodes) {
    Set<String> out = new LinkedHashSet<>();
    for (String r : regionCodes) {
      String c = Country.ofRegion(r);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** A release (or any event naming a grant) must lie in the grant's countries: else 422 grant-country. */
  static void grantCovers(Grant grant, List<String> touched, Geometry footprint, RegionIndex regions) {
    List<String> outside = new ArrayList<>();
    for (String c : of(touched)) {
      if (!grant.coversCountry(c)) {
        outside.add(c);
      }
    }
    if (!outside.isEmpty()) {
      throw new LedgerException(LedgerException.Kind.UNPROCESSABLE, "grant-country", "the footprint lies in "
          + outside + ", which grant '" + grant.id() + "' does not cover (it covers " + grant.countries() + ")",
          pointIn(footprint, outside.get(0), touched, regions)).with("country.grantDoesNotCover", "outside",
          String.join(", ", outside), "grant", grant.id(), "covers", String.join(", ", grant.countries()));
    }
  }

  /** An account bound to countries acts in them only: else 403 other-country, naming them. */
  static void accountWorksIn(Account actor, List<String> touched, Geometry footprint, RegionIndex regions,
      String doing) {
    List<String> outside = new ArrayList<>();
    for (String c : of(touched)) {
      if (!actor.worksIn(c)) {
        outside.add(c);
      }
    }
    if (!outside.isEmpty()) {
      throw new LedgerException(LedgerException.Kind.FORBIDDEN, "other-country", "account '" + actor.name()
          + "' is bound to " + actor.countries() + " and may not " + doing + " in " + outside,
          footprint == null ? null : pointIn(footprint, outside.get(0), touched, regions)).with(
          "country.accountBound", "account", actor.name(), "bound", String.join(", ", actor.countries()),
          "outside", String.join(", ", outside));
    }
  }

  /** A point of the footprint inside the country's first region it touches (lon, lat). */
  static double[] pointIn(Geometry footprint, String country, List<String> touched, RegionIndex regions) {
    for (String code : touched) {
      if (!country.equals(Country.ofRegion(code))) {
        continue;
      }
      for (RegionShape r : regions.regions()) {
        if (r.code().equals(code)) {
          Geometry inside = Overlay.intersection(footprint, r.geometry());
          if (!inside.isEmpty()) {
            Coordinate p = inside.getInteriorPoint().getCoordinate();
            return new double[] {p.x, p.y};
          }
        }
      }
    }
    Coordinate p = footprint.getInteriorPoint().getCoordinate();
    return new double[] {p.x, p.y};
  }
}
