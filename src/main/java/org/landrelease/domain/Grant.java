package org.landrelease.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * A donor's funding of one partner for a period, in the countries it names (ISO 3166-1 alpha-2, sorted): a release
 * outside them is refused. No countries: not named yet (the ledger resolves them when the grant is added), or a grant
 * of a ledger that has no country, which covers everywhere.
 */
public record Grant(String id, String donor, String partner, String title, BigDecimal amount, String currency,
    LocalDate start, LocalDate end, List<String> countries) {

  public Grant {
    countries = countries == null ? List.of() : List.copyOf(new TreeSet<>(countries));
  }

  /** A grant that names no country: the ledger gives it its only country, or refuses it when there are several. */
  public Grant(String id, String donor, String partner, String title, BigDecimal amount, String currency,
      LocalDate start, LocalDate end) {
    this(id, donor, partner, title, amount, currency, start, end, List.of());
  }

  public boolean covers(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }

  /** Whether work in a country may be counted against this grant. */
  public boolean coversCountry(String country) {
    return countries.isEmpty() || countries.contains(country);
  }

  public Grant withCountries(List<String> codes) {
    return new Grant(id, donor, partner, title, amount, currency, start, end, codes);
  }
}
