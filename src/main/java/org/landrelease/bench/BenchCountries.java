package org.landrelease.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * More countries in the bench's ledger (--countries DIR), loaded the way an administrator adds one: the file as the
 * raw body of POST /api/countries/{code}, so the region index, the totals and the region version the workload then
 * meets are the product's own. The boundary file's country (Ukraine, seeded from --regions) is not loaded again.
 */
final class BenchCountries {
  /** The countries loaded, their regions in all, and the time of the requests together. */
  record Loaded(List<String> codes, int regions, long millis) {}

  /** Names in Ukrainian come from the Natural Earth files' name_uk field, as docs/COUNTRIES.md loads them. */
  private static final String QUERY = "?nameUkField=name_uk";

  private BenchCountries() {}

  /** The country of a boundary file: its top-level "country" block, as the service's seed reads it (null if none). */
  static String boundaryCountry(Path regionsFile, ObjectMapper mapper) throws IOException {
    JsonNode code = mapper.readTree(regionsFile.toFile()).path("country").path("code");
    return code.isTextual() ? code.asText().toUpperCase(Locale.ROOT) : null;
  }

  /** The files of dir, one country each and named after its code (LB.geojson is LB), in code order. */
  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".geojson")).sorted()
          .toList();
    }
  }

  static String code(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.')).toUpperCase(Locale.ROOT);
  }

  /** Loads every country of dir but 'skip'; a refusal stops the bench, since its figures would mean nothing. */
  static Loaded load(BenchHttp admin, Path dir, String skip, ObjectMapper mapper) throws Exception {
    List<String> codes = new ArrayList<>();
    int regions = 0;
    long nanos = 0;
    for (Path file : files(dir)) {
      String code = code(file);
      if (code.equals(skip)) {
        continue;
      }
      BenchHttp.Response r = admin.upload("api/countries/" + code + QUERY, file);
      if (r.status() != 201) {
        throw new IllegalStateException("country " + code + " (" + file + ") was refused: " + r.status() + " "
            + new String(r.body(), StandardCharsets.UTF_8));
      }
      regions += mapper.readTree(r.body()).path("regionCount").asInt();
      nanos += r.nanos();
      codes.add(code);
    }
    return new Loaded(List.copyOf(codes), regions, nanos / 1_000_000);
  }
}
