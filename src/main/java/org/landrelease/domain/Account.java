package org.landrelease.domain;

import java.util.List;
import java.util.TreeSet;

/**
 * A named account. A FIELD account is bound to one partner, a DONOR account to one donor; the others to neither.
 * FIELD and REVIEWER accounts may also be bound to countries (ISO 3166-1 alpha-2, sorted): a national authority's
 * reviewer decides on its own country's events only, a field team submits in its own countries only. No countries:
 * every country. The token itself is never held here: the store keeps only its hash.
 */
public record Account(String name, Role role, String partner, String donor, List<String> countries) {

  public Account {
    countries = countries == null ? List.of() : List.copyOf(new TreeSet<>(countries));
  }

  /** An account bound to no country. */
  public Account(String name, Role role, String partner, String donor) {
    this(name, role, partner, donor, List.of());
  }

  /** The actor of work the service does on its own behalf (the demo loader, a command-line import). */
  public static Account system(String name) {
    return new Account("system:" + name, Role.ADMIN, null, null);
  }

  public boolean is(Role r) {
    return role == r;
  }

  /** Whether this account may act in a country: an unbound account acts in every one. */
  public boolean worksIn(String country) {
    return countries.isEmpty() || countries.contains(country);
  }
}
