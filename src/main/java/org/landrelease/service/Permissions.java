package org.landrelease.service;

import org.landrelease.domain.Account;
import org.landrelease.domain.Grant;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Role;
import org.landrelease.store.EventStore.Visibility;

/**
 * Who may read what beyond the public figures. Reviewers and administrators read everything; a donor reads the
 * grants of its own donor; a field team the grants of its own partner, and its own submissions. Anyone else sees
 * approved events only.
 */
public final class Permissions {
  private Permissions() {}

  public static boolean mayRead(Account reader, Grant grant) {
    if (reader == null) {
      return false;
    }
    return switch (reader.role()) {
      case ADMIN, REVIEWER -> true;
      case DONOR -> grant.donor().equals(reader.donor());
      case FIELD -> grant.partner().equals(reader.partner());
    };
  }

  public static void requireRead(Account reader, Grant grant) {
    if (reader == null) {
      throw LedgerException.unauthorized("token-required", "grant reports need a bearer token")
          .with("access.grantReportToken");
    }
    if (!mayRead(reader, grant)) {
      throw LedgerException.forbidden("other-grant", "account '" + reader.name() + "' does not read grant '"
          + grant.id() + "'").with("access.otherGrant", "account", reader.name(), "grant", grant.id());
    }
  }

  /** A donor's figures by donor: its own row only. */
  public static boolean mayReadDonor(Account reader, String donor) {
    return reader != null && (reader.role() == Role.ADMIN || reader.role() == Role.REVIEWER
        || reader.role() == Role.DONOR && donor.equals(reader.donor()));
  }

  /** Which events a reader sees in lists and by id. */
  public static Visibility events(Account reader) {
    if (reader == null) {
      return Visibility.APPROVED;
    }
    return switch (reader.role()) {
      case ADMIN, REVIEWER -> Visibility.ALL;
      case FIELD -> new Visibility(false, reader.partner());
      case DONOR -> Visibility.APPROVED;
    };
  }
}
