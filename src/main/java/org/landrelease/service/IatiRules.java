package org.landrelease.service;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.landrelease.domain.Grant;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.ReleaseTarget;

/**
 * The IATI rules checked before a partner's or a grant's IATI settings are stored, so that every published file
 * carries identifiers IATI tools accept. See the IATI Standard's guidance on organisation and activity identifiers.
 */
public final class IatiRules {
  /**
   * An organisation identifier: a registration agency's prefix and the organisation's number in it, joined by
   * hyphens, as "NL-1", "XM-DAC-41114" or "GB-CHC-1001813". No spaces: the identifier ends up in URLs.
   */
  private static final Pattern ORG_ID = Pattern.compile("[A-Z]{2}(-[A-Za-z0-9._]+)+");
  /** What may follow the organisation prefix in an activity identifier: no whitespace and none of / ? # & %. */
  private static final Pattern ACTIVITY_SUFFIX = Pattern.compile("[^\\s/?#&%]+");
  /** IATI OrganisationType codes (2.03). */
  private static final Set<String> ORG_TYPES = Set.of("10", "11", "15", "21", "22", "23", "24", "30", "40", "60",
      "70", "71", "72", "73", "80", "90");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  /** "released" is the total of the three outcomes. */
  public static final List<String> OUTCOMES = List.of("released", "cancelled", "reduced", "cleared");

  private IatiRules() {}

  public static void checkOrgId(String field, String orgId) {
    if (!ORG_ID.matcher(orgId).matches() || orgId.length() > 100) {
      throw LedgerException.unprocessable("invalid-iati-identifier", "'" + field + "' must be an IATI organisation "
          + "identifier such as XM-DAC-41114 or NL-1 (agency prefix and number, no spaces), got '" + orgId + "'")
              .with("iati.invalidOrgId", "field", field, "got", orgId);
    }
  }

  public static void checkOrgType(String field, String type) {
    if (!ORG_TYPES.contains(type)) {
      throw LedgerException.unprocessable("invalid-iati-org-type", "'" + field
          + "' must be an IATI OrganisationType code such as 21 (international NGO) or 40 (multilateral), got '"
          + type + "'").with("iati.invalidOrgType", "field", field, "got", type);
    }
  }

  /** An activity identifier is its organisation's identifier, a hyphen and the organisation's own activity code. */
  public static void checkActivityId(String field, String id, String orgId, String orgField) {
    String prefix = orgId + "-";
    if (!id.startsWith(prefix) || !ACTIVITY_SUFFIX.matcher(id.substring(prefix.length())).matches()
        || id.length() > 200) {
      throw LedgerException.unprocessable("invalid-iati-identifier", "'" + field + "' must be the " + orgField
          + " '" + orgId + "', a hyphen and an activity code without spaces or / ? # & %, such as '" + prefix
          + "12345', got '" + id + "'")
              .with("iati.invalidActivityId", "field", field, "orgField", orgField, "orgId", orgId, "prefix", prefix,
                  "got", id);
    }
  }

  /** The first day of a quarter "2024-Q2". */
  public static LocalDate quarterStart(String quarter) {
    Matcher m = QUARTER.matcher(quarter);
    if (!m.matches()) {
      throw LedgerException.unprocessable("invalid-target", "a target's 'quarter' must look like 2024-Q1, got '"
          + quarter + "'").with("iati.invalidQuarter", "got", quarter);
    }
    return LocalDate.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2, 1);
  }

  /** The quarter a day falls in: "2024-Q2". */
  public static String quarterOf(LocalDate day) {
    return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
  }

  /** Targets: a known outcome, a finite area of at least 0 km², a quarter that meets the grant, each once. */
  public static void checkTargets(Grant grant, List<ReleaseTarget> targets) {
    Set<String> seen = new HashSet<>();
    for (ReleaseTarget t : targets) {
      LocalDate start = quarterStart(t.quarter());
      if (start.plusMonths(3).isBefore(grant.start().plusDays(1)) || start.isAfter(grant.end())) {
        throw LedgerException.unprocessable("invalid-target", "target quarter " + t.quarter() + " lies outside grant '"
            + grant.id() + "' (" + grant.start() + " to " + grant.end() + ")")
                .with("iati.quarterOutsideGrant", "quarter", t.quarter(), "grant", grant.id(), "start", grant.start(),
                    "end", grant.end());
      }
      if (!OUTCOMES.contains(t.outcome())) {
        throw LedgerException.unprocessable("invalid-target", "a target's 'outcome' must be one of " + OUTCOMES
            + ", got '" + t.outcome() + "'").with("iati.invalidOutcome", "outcomes", OUTCOMES, "got", t.outcome());
      }
      if (!Double.isFinite(t.km2()) || t.km2() < 0) {
        throw LedgerException.unprocessable("invalid-target", "a target's 'km2' must be a number of at least 0")
            .with("iati.negativeKm2");
      }
      if (!seen.add(t.quarter() + " " + t.outcome())) {
        throw LedgerException.unprocessable("invalid-target", "two targets for " + t.outcome() + " in "
            + t.quarter()).with("iati.twoTargets", "outcome", t.outcome(), "quarter", t.quarter());
      }
    }
  }
}
