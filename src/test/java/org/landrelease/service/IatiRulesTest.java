package org.landrelease.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Grant;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.ReleaseTarget;

/** The IATI identifier and target rules, one situation per test. */
class IatiRulesTest {
  private static final Grant GRANT = new Grant("NL-HALO", "Netherlands", "HALO", "t", BigDecimal.ONE, "EUR",
      LocalDate.of(2024, 2, 15), LocalDate.of(2024, 12, 31));

  private static String refusal(Runnable check) {
    LedgerException e = assertThrows(LedgerException.class, check::run);
    return e.getMessage();
  }

  @Test
  void realOrganisationIdentifiersPass() {
    for (String id : List.of("NL-1", "XM-DAC-41114", "GB-CHC-1001813", "XM-DEMO-UNOPS")) {
      assertDoesNotThrow(() -> IatiRules.checkOrgId("iatiOrgId", id), id);
    }
  }

  @Test
  void anOrganisationIdentifierWithASpaceIsRefused() {
    assertTrue(refusal(() -> IatiRules.checkOrgId("iatiOrgId", "GB-CHC 1001813")).contains("no spaces"));
  }

  @Test
  void anOrganisationIdentifierWithoutAgencyPrefixIsRefused() {
    refusal(() -> IatiRules.checkOrgId("donorOrgId", "1001813"));
    refusal(() -> IatiRules.checkOrgId("donorOrgId", "nl-1"));
  }

  @Test
  void anActivityIdentifierCarriesItsOrganisationPrefix() {
    assertDoesNotThrow(() -> IatiRules.checkActivityId("donorActivityId", "NL-1-PPR-12345", "NL-1", "donor"));
    assertTrue(refusal(() -> IatiRules.checkActivityId("iatiIdentifier", "XM-DAC-41114-NL-HALO", "GB-CHC-1001813",
        "partner")).contains("'GB-CHC-1001813-12345'"));
  }

  @Test
  void anActivityIdentifierWithASpaceOrSlashIsRefused() {
    refusal(() -> IatiRules.checkActivityId("iatiIdentifier", "NL-1-PPR 12345", "NL-1", "donor"));
    refusal(() -> IatiRules.checkActivityId("iatiIdentifier", "NL-1-PPR/12345", "NL-1", "donor"));
    refusal(() -> IatiRules.checkActivityId("iatiIdentifier", "NL-1-", "NL-1", "donor"));
  }

  @Test
  void anUnknownOrganisationTypeIsRefused() {
    assertDoesNotThrow(() -> IatiRules.checkOrgType("iatiOrgType", "21"));
    refusal(() -> IatiRules.checkOrgType("iatiOrgType", "NGO"));
  }

  @Test
  void quartersStartOnTheirFirstDay() {
    assertEquals(LocalDate.of(2024, 4, 1), IatiRules.quarterStart("2024-Q2"));
    assertEquals("2024-Q4", IatiRules.quarterOf(LocalDate.of(2024, 12, 31)));
    assertEquals("2025-Q1", IatiRules.quarterOf(LocalDate.of(2025, 1, 1)));
    refusal(() -> IatiRules.quarterStart("2024-Q5"));
  }

  @Test
  void aTargetInAQuarterTheGrantOnlyPartlyCoversIsAccepted() {
    // the grant starts on 15 February: the first quarter meets it
    assertDoesNotThrow(() -> IatiRules.checkTargets(GRANT, List.of(new ReleaseTarget("2024-Q1", "released", 1))));
  }

  @Test
  void aTargetOutsideTheGrantIsRefused() {
    assertTrue(refusal(() -> IatiRules.checkTargets(GRANT, List.of(new ReleaseTarget("2023-Q4", "released", 1))))
        .contains("outside grant"));
    refusal(() -> IatiRules.checkTargets(GRANT, List.of(new ReleaseTarget("2025-Q1", "cleared", 1))));
  }

  @Test
  void twoTargetsForOneQuarterAndOutcomeAreRefused() {
    refusal(() -> IatiRules.checkTargets(GRANT, List.of(new ReleaseTarget("2024-Q3", "cleared", 1),
        new ReleaseTarget("2024-Q3", "cleared", 2))));
  }

  @Test
  void aNegativeOrUnknownTargetIsRefused() {
    refusal(() -> IatiRules.checkTargets(GRANT, List.of(new ReleaseTarget("2024-Q3", "cleared", -0.5))));
    refusal(() -> IatiRules.checkTargets(GRANT, List.of(new ReleaseTarget("2024-Q3", "cleared", Double.NaN))));
    refusal(() -> IatiRules.checkTargets(GRANT, List.of(new ReleaseTarget("2024-Q3", "demined", 1))));
  }
}
