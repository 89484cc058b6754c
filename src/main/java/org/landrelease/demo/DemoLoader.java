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
import java.util.zip.GZIPInputStream;
import org.landrelease.domain.Account;
import org.landrelease.domain.Grant;
import org.landrelease.domain.Partner;
import org.landrelease.service.EventParsing;
import org.landrelease.service.FundingService;
import org.landrelease.service.Json;
import org.landrelease.service.LedgerService;

/** Loads the synthetic demonstration scenario (data/demo) into an empty ledger, through the same rules as the API. */
public final class DemoLoader {
  public static final String FUNDING_FILE = "funding.json";
  public static final String EVENTS_FILE = "events.ndjson.gz";

  /** The demo is the history of a programme: its events are recorded as approved, counted on their own dates. */
  private static final Account LOADER = Account.system("demo");
  private final FundingService funding;
  private final LedgerService ledger;

  public DemoLoader(FundingService funding, LedgerService ledger) {
    this.funding = funding;
    this.ledger = ledger;
  }

  /** Loads the scenario and returns its dataset label. */
  public String load(Path dir) throws Exception {
    ObjectMapper mapper = Json.mapper();
    JsonNode fundingDoc = mapper.readTree(dir.resolve(FUNDING_FILE).toFile());
    for (JsonNode p : fundingDoc.path("partners")) {
      funding.addPartner(new Partner(p.get("id").asText(), p.get("name").asText()));
    }
    for (JsonNode g : fundingDoc.path("grants")) {
      funding.addGrant(new Grant(g.get("id").asText(), g.get("donor").asText(), g.get("partner").asText(),
          g.get("title").asText(), g.get("amount").decimalValue(), g.get("currency").asText(),
          LocalDate.parse(g.get("start").asText()), LocalDate.parse(g.get("end").asText()),
          // a scenario of several countries names each grant's; without, the ledger's only country
          org.landrelease.service.EventParsing.countries(g.get("countries"))));
    }
    if (DemoScenario.DATASET.equals(fundingDoc.path("dataset").asText())) {
      DemoIati.apply(funding);
    }
    int total = fundingDoc.path("events").asInt(0);
    long t0 = System.nanoTime();
    int n = 0;
    System.out.println("Loading the synthetic demo scenario from " + dir + " (" + total + " events)...");
    try (BufferedReader in = reader(dir.resolve(EVENTS_FILE))) {
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
    return fundingDoc.path("dataset").asText("synthetic demonstration scenario");
  }

  private static BufferedReader reader(Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
        StandardCharsets.UTF_8));
  }
}
