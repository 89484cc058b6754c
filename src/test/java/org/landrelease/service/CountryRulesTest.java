package org.landrelease.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Account;
import org.landrelease.domain.Grant;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Role;
import org.landrelease.geometry.GeodesicArea;
import org.landrelease.geometry.Geometries;
import org.landrelease.geometry.RegionIndex;
import org.landrelease.geometry.RegionShape;
import org.landrelease.store.EventStore.Visibility;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** The country rules of grants and accounts, on two countries side by side: AA = [30,31]x[48,49], BB east of it. */
class CountryRulesTest {
  private static final RegionIndex TWO_COUNTRIES = new RegionIndex(List.of(
      region("AA-01", "POLYGON ((30 48, 31 48, 31 49, 30 49, 30 48))"),
      region("BB-01", "POLYGON ((31 48, 32 48, 32 49, 31 49, 31 48))")), 0.25);
  private static final String IN_AA = "POLYGON ((30.4 48.4, 30.6 48.4, 30.6 48.6, 30.4 48.6, 30.4 48.4))";
  private static final String ACROSS_THE_BORDER = "POLYGON ((30.9 48.4, 31.2 48.4, 31.2 48.6, 30.9 48.6, 30.9 48.4))";

  private static Geometry wkt(String s) {
    try {
      return new WKTReader(Geometries.FACTORY).read(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static RegionShape region(String code, String wkt) {
    Geometry g = wkt(wkt);
    return new RegionShape(code, code, code, g, GeodesicArea.m2(g));
  }

  private static Grant grant(String... countries) {
    return new Grant("G", "Netherlands", "HALO", "t", BigDecimal.ONE, "EUR", LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 12, 31), List.of(countries));
  }

  private static LedgerException grantCovers(Grant grant, String footprint) {
    Geometry g = wkt(footprint);
    try {
      CountryRules.grantCovers(grant, TWO_COUNTRIES.touching(g), g, TWO_COUNTRIES);
      return null;
    } catch (LedgerException e) {
      return e;
    }
  }

  @Test
  void aReleaseInsideTheGrantsCountryPasses() {
    assertEquals(null, grantCovers(grant("AA"), IN_AA));
  }

  @Test
  void aReleaseAcrossTheBorderIsRefusedWithAPointInTheUncoveredCountry() {
    LedgerException e = grantCovers(grant("AA"), ACROSS_THE_BORDER);
    assertEquals(422, e.kind().status());
    assertEquals("grant-country", e.slug());
    assertTrue(e.getMessage().contains("[BB]") && e.getMessage().contains("'G'"), e.getMessage());
    // the point is on the footprint's part east of the border, in BB
    assertTrue(e.coordinate()[0] > 31 && e.coordinate()[0] < 31.2, String.valueOf(e.coordinate()[0]));
    assertTrue(e.coordinate()[1] > 48.4 && e.coordinate()[1] < 48.6, String.valueOf(e.coordinate()[1]));
  }

  @Test
  void aGrantCoveringBothCountriesTakesAReleaseAcrossTheBorder() {
    assertEquals(null, grantCovers(grant("AA", "BB"), ACROSS_THE_BORDER));
  }

  @Test
  void aGrantOfALedgerWithoutCountriesCoversEverywhere() {
    assertEquals(null, grantCovers(grant(), ACROSS_THE_BORDER));
  }

  @Test
  void aGrantNamingNoCountryInAOneCountryLedgerCoversThatOne() {
    assertEquals(List.of("UA"), CountryRules.grantCountries("G", List.of(), List.of("UA")));
  }

  @Test
  void aGrantNamingNoCountryInATwoCountryLedgerIsRefusedWithTheKnownCodes() {
    LedgerException e = assertThrows(LedgerException.class,
        () -> CountryRules.grantCountries("G", List.of(), List.of("LB", "UA")));
    assertEquals(422, e.kind().status());
    assertEquals("countries-required", e.slug());
    assertTrue(e.getMessage().contains("[LB, UA]"), e.getMessage());
  }

  @Test
  void aCountryTheLedgerDoesNotHoldIsRefusedByName() {
    LedgerException e = assertThrows(LedgerException.class,
        () -> CountryRules.grantCountries("G", List.of("UA", "XK"), List.of("LB", "UA")));
    assertEquals("unknown-country", e.slug());
    assertTrue(e.getMessage().contains("'XK'") && e.getMessage().contains("[LB, UA]"), e.getMessage());
  }

  @Test
  void aReviewerBoundToOneCountryMayNotActAcrossTheBorder() {
    Account reviewer = new Account("r", Role.REVIEWER, null, null, List.of("AA"));
    Geometry g = wkt(ACROSS_THE_BORDER);
    LedgerException e = assertThrows(LedgerException.class, () -> CountryRules.accountWorksIn(reviewer,
        TWO_COUNTRIES.touching(g), g, TWO_COUNTRIES, "approve events"));
    assertEquals(403, e.kind().status());
    assertEquals("other-country", e.slug());
    assertTrue(e.coordinate()[0] > 31, String.valueOf(e.coordinate()[0]));
  }

  @Test
  void anUnboundAccountWorksInEveryCountry() {
    Account reviewer = new Account("r", Role.REVIEWER, null, null);
    Geometry g = wkt(ACROSS_THE_BORDER);
    CountryRules.accountWorksIn(reviewer, TWO_COUNTRIES.touching(g), g, TWO_COUNTRIES, "approve events");
    assertTrue(reviewer.worksIn("BB"));
  }

  @Test
  void aBoundReviewerSeesSubmittedEventsWhollyInItsCountriesOnly() {
    Visibility v = Permissions.events(new Account("r", Role.REVIEWER, null, null, List.of("AA")));
    assertTrue(Permissions.maySee(v, "HALO", ",AA-01,", false));
    assertFalse(Permissions.maySee(v, "HALO", ",AA-01,BB-01,", false));
    assertFalse(Permissions.maySee(v, "HALO", ",BB-01,", false));
    // approved events are public
    assertTrue(Permissions.maySee(v, "HALO", ",BB-01,", true));
  }
}
