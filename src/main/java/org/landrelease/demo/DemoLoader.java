package org.landrelease.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.landrelease.domain.Account;
import org.landrelease.domain.Grant;
import org.landrelease.domain.Partner;
import org.landrelease.files.FileFormat;
import org.landrelease.service.CountryService;
import org.landrelease.service.EventParsing;
import org.landrelease.service.FundingService;
import org.landrelease.service.Json;
import org.landrelease.service.LedgerService;

/**
 * Loads the synthetic demonstration scenario (data/demo) into an empty ledger, through the same rules as the API: the
 * main country's scenario in the directory itself, and each further country's under countries/CODE, whose
 * funding.json names the country to load first (its regions file, and the note that says it is synthetic).
 *
 * <p>Order: the main scenario's partners and grants while the ledger still has one country (a grant made without
 * countries then covers the one there is); then each further country's regions, and its partners and grants, which
 * cover that country unless they name others; then the events, so that no piece is ever split again.
 */
public final class DemoLoader {
  public static final String FUNDING_FILE = "funding.json";
  public static final String EVENTS_FILE = "events.ndjson.gz";
  /** A further country's scenario lies in countries/CODE of the demo directory. */
  public static final String COUNTRIES_DIR = "countries";

  /** The demo is the history of a programme: its events are recorded as approved, counted on their own dates. */
  private static final Account LOADER = Account.system("demo");
  private final FundingService funding;
  private final LedgerService ledger;
  private final CountryService countries;

  public DemoLoader(FundingService funding, LedgerService ledger, CountryService countries) {
    this.funding = funding;
    this.ledger = ledger;
    this.countries = countries;
  }

  /** One scenario's directory and its funding.json. */
  private record Scenario(Path dir, JsonNode funding) {
    String dataset() {
      return funding.path("dataset").asText("synthetic demonstration scenario");
    }
  }

  /** Loads the scenarios and returns the dataset label: the main one's, then each further country's. */
  public String load(Path dir) throws Exception {
    List<Scenario> scenarios = scenarios(dir);
    addFunding(scenarios.get(0).funding(), List.of());
    for (Scenario s : scenarios.subList(1, scenarios.size())) {
      addFunding(s.funding(), List.of(loadCountry(s)));
    }
    if (DemoScenario.DATASET.equals(scenarios.get(0).dataset())) {
      DemoIati.apply(funding);
    }
    List<String> labels = new ArrayList<>();
    for (Scenario s : scenarios) {
      loadEvents(s);
      labels.add(s.dataset());
    }
    return String.join("; and ", labels);
  }

  /** The main scenario, then those of further countries in code order. */
  private static List<Scenario> scenarios(Path dir) throws IOException {
    ObjectMapper mapper = Json.mapper();
    List<Scenario> out = new ArrayList<>();
    out.add(new Scenario(dir, mapper.readTree(dir.resolve(FUNDING_FILE).toFile())));
    Path more = dir.resolve(COUNTRIES_DIR);
    if (Files.isDirectory(more)) {
      try (Stream<Path> dirs = Files.list(more)) {
        for (Path d : dirs.filter(d -> Files.isRegularFile(d.resolve(FUNDING_FILE))).sorted().toList()) {
          out.add(new Scenario(d, mapper.readTree(d.resolve(FUNDING_FILE).toFile())));
        }
      }
    }
    return out;
  }

  /** Partners and grants; a grant that names no countries covers the given ones (none: the ledger's only one). */
  private void addFunding(JsonNode fundingDoc, List<String> countriesOfScenario) throws Exception {
    for (JsonNode p : fundingDoc.path("partners")) {
      funding.addPartner(new Partner(p.get("id").asText(), p.get("name").asText()));
    }
    for (JsonNode g : fundingDoc.path("grants")) {
      funding.addGrant(new Grant(g.get("id").asText(), g.get("donor").asText(), g.get("partner").asText(),
          g.get("title").asText(), g.get("amount").decimalValue(), g.get("currency").asText(),
          LocalDate.parse(g.get("start").asText()), LocalDate.parse(g.get("end").asText()),
          // a scenario of several countries names each grant's; without, the ledger's only country
          g.has("countries") ? org.landrelease.service.EventParsing.countries(g.get("countries"))
              : countriesOfScenario));
    }
  }

  /** A further country, from the Natural Earth file its scenario names, flagged synthetic with the scenario's note. */
  private String loadCountry(Scenario s) throws Exception {
    JsonNode c = s.funding().path("country");
    Path file = s.dir().resolve(c.path("regions").asText()).normalize();
    var report = countries.load(file, new CountryService.LoadRequest(c.path("code").asText(), null, null,
        c.path("synthetic").asBoolean(true), c.path("source").asText(null), FileFormat.GEOJSON, null, "code", "name",
        "name_uk", null, false), LOADER);
    System.out.printf("Country %s (%s) loaded from %s: %d regions, %,.0f km², %d ms%n", report.country(),
        report.name(), file, report.regionCount(), report.areaKm2(), report.ms());
    return report.country();
  }

  private void loadEvents(Scenario s) throws Exception {
    ObjectMapper mapper = Json.mapper();
    int total = s.funding().path("events").asInt(0);
    long t0 = System.nanoTime();
    int n = 0;
    System.out.println("Loading the synthetic demo scenario from " + s.dir() + " (" + total + " events)...");
    try (BufferedReader in = reader(s.dir().resolve(EVENTS_FILE))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode body = FeatureEvents.toEventBody(mapper.readTree(line), mapper);
        ledger.record(EventParsing.parse(body, mapper), LOADER);
        n++;
        if (total > 0 && n % Math.max(1, total / 10) == 0) {
          System.out.printf("  %,d / %,d events (%d%%), %.1f s%n", n, total, 100L * n / total,
              (System.nanoTime() - t0) / 1e9);
        }
      }
    }
    System.out.printf("Demo loaded: %,d events in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
  }

  private static BufferedReader reader(Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
        StandardCharsets.UTF_8));
  }
}
