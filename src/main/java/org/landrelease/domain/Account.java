package org.landrelease.domain;

/**
 * A named account. A FIELD account is bound to one partner, a DONOR account to one donor; the others to neither.
 * The token itself is never held here: the store keeps only its hash.
 */
public record Account(String name, Role role, String partner, String donor) {

  /** The actor of work the service does on its own behalf (the demo loader, a command-line import). */
  public static Account system(String name) {
    return new Account("system:" + name, Role.ADMIN, null, null);
  }

  public boolean is(Role r) {
    return role == r;
  }
}
