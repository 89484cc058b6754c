package org.landrelease.domain;

/**
 * An implementing organisation (operator) that carries out survey and clearance. iatiOrgId and iatiOrgType (IATI
 * OrganisationType code, e.g. 21 international NGO, 40 multilateral) are set when the partner publishes to IATI;
 * both are null otherwise.
 */
public record Partner(String id, String name, String iatiOrgId, String iatiOrgType) {
  public Partner(String id, String name) {
    this(id, name, null, null);
  }

  public Partner withIati(String orgId, String orgType) {
    return new Partner(id, name, orgId, orgType);
  }
}
