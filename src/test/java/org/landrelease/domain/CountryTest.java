package org.landrelease.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule that a region's ISO 3166-2 code says its country, and land outside every region is in none. */
class CountryTest {
  @Test
  void aRegionCodeSaysItsCountry() {
    assertEquals("UA", Country.ofRegion("UA-05"));
    assertEquals("LB", Country.ofRegion("LB-BA"));
  }

  @Test
  void landOutsideEveryRegionIsInNoCountry() {
    assertNull(Country.ofRegion("unassigned"));
    assertNull(Country.ofRegion("outside"));
    assertNull(Country.ofRegion("ua-05"));
    assertNull(Country.ofRegion(null));
  }

  @Test
  void aListOfRegionsGivesItsCountriesOnceEachInOrder() {
    assertEquals(List.of("UA", "MD"), List.copyOf(Country.ofRegions(",UA-05,UA-07,MD-CU,unassigned,")));
    assertEquals(List.of(), List.copyOf(Country.ofRegions(",unassigned,")));
  }

  @Test
  void aFilesCodeIsPrefixedOnlyWhenItLacksTheCountry() {
    assertEquals("UA-05", Country.regionCode("UA", "05"));
    assertEquals("UA-05", Country.regionCode("UA", "UA-05"));
    assertEquals("LB-UA-1", Country.regionCode("LB", "UA-1"));
  }

  @Test
  void aRequestedCodeIsTwoLettersAnyCase() {
    assertEquals("LB", Country.parseCode(" lb "));
    assertEquals(LedgerException.Kind.BAD_REQUEST,
        assertThrows(LedgerException.class, () -> Country.parseCode("LBN")).kind());
    assertEquals(LedgerException.Kind.BAD_REQUEST,
        assertThrows(LedgerException.class, () -> Country.parseCode(null)).kind());
  }
}
