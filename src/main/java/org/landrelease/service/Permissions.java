package org.landrelease.service;

import org.landrelease.domain.Account;
import org.landrelease.domain.Grant;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Role;
import org.landrelease.store.EventStore.Visibility;

/**
 * Who may read what beyond the public figures. Reviewers and administrators read everything, except that a reviewer
 * bound to countries sees only their events before approval; a donor reads the grants of its own donor, in every
 * country they cover; a field team the grants of its own partner, and its own submissions. Anyone else sees approved
 * events only.
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

  /** Whether a reader sees an event of a partner in some regions (",UA-05,") with this status. */
  public static boolean maySee(Visibility v, String partner, String regions, boolean approved) {
    if (v.all() || approved) {
      return true;
    }
    if (v.ownPartner() != null) {
      return partner.equals(v.ownPartner());
    }
    if (v.ownCountries().isEmpty()) {
      return false;
    }
    for (String r : regions.split(",")) {
      // the same rule as the list's SQL: a code with another country's prefix is not the reader's
      if (r.contains("-") && !v.ownCountries().contains(org.landrelease.domain.Country.ofRegion(r))) {
        return false;
      }
    }
    return true;
  }

  /** Which events a reader sees in lists and by id. */
  public static Visibility events(Account reader) {
    if (reader == null) {
      return Visibility.APPROVED;
    }
    return switch (reader.role()) {
      case ADMIN -> Visibility.ALL;
      // a reviewer bound to countries sees their queue; approved events are public anyway
      case REVIEWER -> reader.countries().isEmpty() ? Visibility.ALL
          : new Visibility(false, null, reader.countries());
      case FIELD -> new Visibility(false, reader.partner());
      case DONOR -> Visibility.APPROVED;
    };
  }
}
