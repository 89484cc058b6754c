package org.landrelease.domain;

import java.util.List;

/**
 * How a grant is published to IATI. iatiIdentifier is the partner's activity for the grant (prefixed with the
 * partner's IATI organisation identifier, as IATI requires of the reporting organisation); donorOrgId and
 * donorActivityId name the funding donor and its own activity, which the partner's activity links up to.
 * Any field may be null until an administrator sets it.
 */
public record GrantReporting(String grant, String iatiIdentifier, String donorOrgId, String donorActivityId,
    List<ReleaseTarget> targets) {
  public static GrantReporting none(String grant) {
    return new GrantReporting(grant, null, null, null, List.of());
  }
}
