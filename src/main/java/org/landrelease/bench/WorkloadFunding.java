package org.landrelease.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.landrelease.domain.Grant;

/**
 * The benchmark's 8 partners and 20 grants. Partners 1-4 hold a three-year grant and two that split the period;
 * partners 5-8 two consecutive grants. So every partner is funded on every day of 2023-2025, and an event can always
 * be given a grant of its own partner that covers its date.
 */
final class WorkloadFunding {
  record Partner(String id, String name, double weight) {}

  static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
  private static final String[] DONORS = {"Donor A", "Donor B", "Donor C", "Donor D", "Donor E"};
  /** Some operators are much larger than others. */
  private static final double[] WEIGHTS = {0.22, 0.18, 0.15, 0.12, 0.10, 0.09, 0.08, 0.06};

  private final List<Partner> partners = new ArrayList<>();
  private final List<Grant> grants = new ArrayList<>();

  WorkloadFunding() {
    for (int p = 1; p <= WEIGHTS.length; p++) {
      String partner = "bench-op-" + p;
      partners.add(new Partner(partner, "Benchmark operator " + p + " (synthetic)", WEIGHTS[p - 1]));
      if (p <= 4) {
        grant(partner, FIRST_DAY, LAST_DAY);
        grant(partner, FIRST_DAY, LocalDate.of(2024, 3, 31));
        grant(partner, LocalDate.of(2024, 4, 1), LAST_DAY);
      } else {
        grant(partner, FIRST_DAY, LocalDate.of(2024, 6, 30));
        grant(partner, LocalDate.of(2024, 7, 1), LAST_DAY);
      }
    }
  }

  private void grant(String partner, LocalDate start, LocalDate end) {
    int n = grants.size() + 1;
    grants.add(new Grant(String.format("bench-grant-%02d", n), DONORS[n % DONORS.length], partner,
        "Synthetic land release grant " + n, BigDecimal.valueOf(250_000L * (4 + n % 7)), "EUR", start, end));
  }

  List<Partner> partners() {
    return partners;
  }

  List<Grant> grants() {
    return grants;
  }

  Partner pickPartner(SplittableRandom rnd) {
    double u = rnd.nextDouble(), sum = 0;
    for (Partner p : partners) {
      sum += p.weight();
      if (u < sum) {
        return p;
      }
    }
    return partners.get(partners.size() - 1);
  }

  /** One of the partner's grants that covers the date, at random. */
  Grant pickGrant(SplittableRandom rnd, String partner, LocalDate date) {
    List<Grant> covering = grants.stream().filter(g -> g.partner().equals(partner) && g.covers(date)).toList();
    if (covering.isEmpty()) {
      throw new IllegalStateException("no grant of " + partner + " covers " + date);
    }
    return covering.get(rnd.nextInt(covering.size()));
  }

  /** funding.json: partners and grants as the API takes them, plus the size of the workload. */
  ObjectNode toJson(ObjectMapper mapper, int hazards, int events, long seed) {
    ObjectNode doc = mapper.createObjectNode();
    doc.put("dataset", "synthetic benchmark workload (seed " + seed + ")");
    doc.put("seed", seed);
    doc.put("hazards", hazards);
    doc.put("events", events);
    ArrayNode ps = doc.putArray("partners");
    partners.forEach(p -> ps.addObject().put("id", p.id()).put("name", p.name()));
    ArrayNode gs = doc.putArray("grants");
    for (Grant g : grants) {
      gs.addObject().put("id", g.id()).put("donor", g.donor()).put("partner", g.partner()).put("title", g.title())
          .put("amount", g.amount()).put("currency", g.currency()).put("start", g.start().toString())
          .put("end", g.end().toString());
    }
    return doc;
  }
}
