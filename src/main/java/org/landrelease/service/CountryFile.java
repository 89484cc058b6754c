package org.landrelease.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.landrelease.domain.Country;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.RegionBoundaries;
import org.landrelease.geometry.RegionShape;
import org.landrelease.geometry.ZoneShape;
import org.landrelease.geometry.ZoningCheck;

/**
 * Reads a country's first-level regions: from any GeoJSON, GeoPackage or zipped Shapefile with the zonings' reader
 * (a code and name field, optionally a Ukrainian name field, and a field that picks one country's features from a
 * file of many, as Natural Earth's admin-1 of the world), or from the service's own boundary file at start-up.
 * Region codes are given the country's prefix when the file's lack it ("05" in UA becomes "UA-05").
 */
final class CountryFile {
  /** Region codes are at most this long (the region table's column). */
  static final int CODE_LENGTH = 16;

  /** The regions read, in code order, what refuses them, what only warns, and the file's CRS. */
  record Read(List<RegionShape> regions, List<ZoningCheck.Problem> problems, List<ZoningCheck.Problem> warnings,
      String crs) {}

  /** The country of a boundary file and its regions. */
  record Seed(String code, String name, String nameUk, String source, List<RegionShape> regions) {}

  private CountryFile() {}

  static Read read(Path file, String code, CountryService.LoadRequest r) throws Exception {
    if (r.codeField() == null || r.codeField().isBlank()) {
      throw LedgerException.badRequest("missing-parameter",
          "'codeField' is required: the field with each region's code (Natural Earth: iso_3166_2)");
    }
    ZoningFile.Read read = ZoningFile.read(file, r.format(), r.layer(), new ZoningFile.Fields(r.codeField(),
        r.nameField(), r.nameUkField(), blank(r.countryField()) ? null : r.countryField(), code));
    return check(code, read.zones(), read.problems(), read.crs());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Prefixes the codes and sorts out what refuses a country from what does not: an overlap between two of its own
   * regions is a warning (the region first in code order keeps the land, as the index always did); an invalid
   * geometry, a missing or duplicate code, or none at all refuses it.
   */
  static Read check(String code, List<ZoneShape> zones, List<ZoningCheck.Problem> found, String crs) {
    List<ZoningCheck.Problem> problems = new ArrayList<>();
    List<ZoningCheck.Problem> warnings = new ArrayList<>();
    for (ZoningCheck.Problem p : found) {
      (p.kind().startsWith("overlapping") ? warnings : problems).add(p);
    }
    if (found.isEmpty()) {
      warnings.addAll(ZoningCheck.overlaps(zones));
    }
    List<RegionShape> regions = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ZoneShape z : zones) {
      String regionCode = Country.regionCode(code, z.code());
      if (regionCode.length() > CODE_LENGTH || !seen.add(regionCode)) {
        problems.add(new ZoningCheck.Problem("invalid-code", "the region code '" + regionCode
            + "' is over " + CODE_LENGTH + " characters or given twice", List.of(z.code()), null));
        continue;
      }
      regions.add(new RegionShape(regionCode, z.name(), z.zoneClass(), z.geometry(), z.areaM2()));
    }
    if (regions.isEmpty() && problems.isEmpty()) {
      throw LedgerException.unprocessable("no-features", "the file has no regions of country " + code);
    }
    regions.sort(Comparator.comparing(RegionShape::code));
    return new Read(regions, problems, warnings, crs);
  }

  /**
   * The request with the country's names taken from a GeoJSON file's top-level "country" block (as the files in
   * data/countries carry), where the request gives none.
   */
  static CountryService.LoadRequest namesFromFile(Path file, CountryService.LoadRequest r) {
    if (!blank(r.name()) || r.format() != org.landrelease.files.FileFormat.GEOJSON) {
      return r;
    }
    try {
      JsonNode block = Json.mapper().readTree(file.toFile()).path("country");
      if (!block.isObject()) {
        return r;
      }
      return new CountryService.LoadRequest(r.code(), block.path("name").asText(null),
          blank(r.nameUk()) ? block.path("name_uk").asText(null) : r.nameUk(), r.synthetic(), r.source(),
          r.format(), r.layer(), r.codeField(), r.nameField(), r.nameUkField(), r.countryField(), r.dryRun());
    } catch (IOException e) {
      return r; // the reader proper says what is wrong with the file
    }
  }

  /**
   * The service's boundary file (GeoJSON with code, name and name_uk properties): the country from its top-level
   * "country" block, or from the ISO 3166-2 prefix its region codes share.
   */
  static Seed readBoundaries(Path file) throws Exception {
    List<RegionShape> shapes = RegionBoundaries.read(file, Json.mapper());
    JsonNode root = Json.mapper().readTree(file.toFile()).path("country");
    String code = root.path("code").asText(null);
    if (code == null) {
      code = Country.ofRegion(shapes.get(0).code());
    }
    if (code == null || !Country.validCode(code)) {
      throw new IOException("the boundary file " + file + " names no country: give it a top-level \"country\": "
          + "{\"code\": \"UA\", \"name\": \"Ukraine\"} or ISO 3166-2 region codes (UA-05)");
    }
    String c = code;
    List<RegionShape> regions = shapes.stream().map(s -> new RegionShape(Country.regionCode(c, s.code()), s.name(),
        s.nameUk(), s.geometry(), s.areaM2())).sorted(Comparator.comparing(RegionShape::code)).toList();
    String attribution = Json.mapper().readTree(file.toFile()).path("attribution").asText(null);
    return new Seed(code, root.path("name").asText(code), root.path("name_uk").asText(null),
        file.getFileName() + (attribution == null ? "" : "; " + attribution), regions);
  }
}
