package org.landrelease.demo;

import static org.landrelease.domain.EventType.CLEARANCE;
import static org.landrelease.domain.EventType.HAZARD_REPORT;
import static org.landrelease.domain.EventType.NON_TECHNICAL_SURVEY;
import static org.landrelease.domain.EventType.TECHNICAL_SURVEY;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.landrelease.domain.EventType;
import org.landrelease.domain.Grant;

/**
 * The demo's partners and grants, after the Dutch funding of mine action in Ukraine (UNDP, UNOPS, DRC, iMMAP) next to
 * other donors' grants, and how an event is given a partner and a grant.
 */
final class DemoFunding {
  /** A partner, how much of the work it does, the oblasts it works in (empty: all) and the events it records. */
  record PartnerPlan(String id, String name, double weight, Set<String> regions, Set<EventType> types) {}

  static final List<PartnerPlan> PARTNERS = List.of(
      new PartnerPlan("SESU", "State Emergency Service of Ukraine (SESU)", 3.0, Set.of(),
          EnumSet.allOf(EventType.class)),
      new PartnerPlan("UNDP", "United Nations Development Programme (UNDP)", 1.4, Set.of(),
          EnumSet.of(HAZARD_REPORT, NON_TECHNICAL_SURVEY, TECHNICAL_SURVEY)),
      new PartnerPlan("UNOPS", "United Nations Office for Project Services (UNOPS)", 1.6,
          Set.of("UA-63", "UA-65", "UA-48", "UA-32", "UA-74", "UA-59", "UA-12", "UA-23"),
          EnumSet.of(NON_TECHNICAL_SURVEY, TECHNICAL_SURVEY, CLEARANCE)),
      new PartnerPlan("DRC", "Danish Refugee Council (DRC)", 1.3,
          Set.of("UA-63", "UA-48", "UA-65", "UA-59", "UA-12", "UA-74"), EnumSet.allOf(EventType.class)),
      new PartnerPlan("iMMAP", "iMMAP", 0.5, Set.of(), EnumSet.of(HAZARD_REPORT, NON_TECHNICAL_SURVEY)),
      new PartnerPlan("HALO", "The HALO Trust", 2.2,
          Set.of("UA-32", "UA-74", "UA-63", "UA-48", "UA-65", "UA-18", "UA-14", "UA-59"),
          EnumSet.allOf(EventType.class)),
      new PartnerPlan("FSD", "Swiss Foundation for Mine Action (FSD)", 1.3,
          Set.of("UA-63", "UA-74", "UA-32", "UA-59", "UA-53"), EnumSet.allOf(EventType.class)));

  static final List<Grant> GRANTS = List.of(
      grant("NL-UNDP-2023", "Netherlands", "UNDP",
          "Mine action in Ukraine: national capacity and land release (2023)", 10_000_000, "EUR",
          LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)),
      grant("NL-UNDP-2025", "Netherlands", "UNDP",
          "Mine action in Ukraine: national capacity and land release (2025)", 10_000_000, "EUR",
          LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
      grant("NL-UNOPS-2024", "Netherlands", "UNOPS", "Humanitarian mine action in Ukraine (2024)",
          14_000_000, "EUR", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
      grant("NL-DRC-2023", "Netherlands", "DRC",
          "Humanitarian mine action in eastern and southern Ukraine", 6_500_000, "EUR",
          LocalDate.of(2023, 4, 1), LocalDate.of(2025, 3, 31)),
      grant("NL-IMMAP-2024", "Netherlands", "iMMAP", "Information management for mine action in Ukraine",
          2_000_000, "EUR", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)),
      grant("JP-UNDP-2023", "Japan", "UNDP", "Mine action equipment and national capacity", 15_000_000,
          "USD", LocalDate.of(2023, 4, 1), LocalDate.of(2025, 12, 31)),
      grant("US-HALO-2023", "United States", "HALO", "Humanitarian demining in northern and eastern Ukraine",
          30_000_000, "USD", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31)),
      grant("UK-HALO-2024", "United Kingdom", "HALO", "Survey and clearance in liberated areas", 12_000_000,
          "EUR", LocalDate.of(2024, 4, 1), LocalDate.of(2025, 12, 31)),
      grant("EU-FSD-2023", "European Union", "FSD", "Mine action in Kharkiv and Chernihiv oblasts",
          9_000_000, "EUR", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31)),
      grant("US-FSD-2024", "United States", "FSD", "Survey and clearance of agricultural land", 10_000_000,
          "USD", LocalDate.of(2024, 7, 1), LocalDate.of(2025, 12, 31)),
      grant("EU-SESU-2023", "European Union", "SESU", "Equipment and capacity for pyrotechnic units",
          15_000_000, "EUR", LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31)),
      grant("JP-SESU-2024", "Japan", "SESU", "Demining machines and survey capacity", 20_000_000, "USD",
          LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)),
      grant("EU-DRC-2025", "European Union", "DRC", "Humanitarian mine action in Ukraine (2025)", 4_000_000,
          "EUR", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));

  private DemoFunding() {}

  private static Grant grant(String id, String donor, String partner, String title, long amount, String currency,
      LocalDate start, LocalDate end) {
    return new Grant(id, donor, partner, title, BigDecimal.valueOf(amount), currency, start, end);
  }

  /**
   * Gives an event a partner that records its type, in proportion to the partner's weight (far less outside its
   * oblasts), and with probability grantShare one of that partner's grants covering the date. The national partner
   * (SESU in Ukraine) works without a grant as well, and is funded by one less often.
   */
  static void assignPartner(DemoPlan plan, DemoEvent d, double grantShare, SplittableRandom attr) {
    List<PartnerPlan> options = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (PartnerPlan p : plan.partners()) {
      boolean national = p.id().equals(plan.nationalPartner());
      if (!p.types().contains(d.type) || (activeGrants(plan, p.id(), d.date).isEmpty() && !national)) {
        continue;
      }
      options.add(p);
      weights.add(p.weight() * (p.regions().isEmpty() || p.regions().contains(d.region) ? 1 : 0.08));
    }
    PartnerPlan p = options.get(DemoRandom.weightedIndex(attr,
        weights.stream().mapToDouble(Double::doubleValue).toArray()));
    d.partner = p.id();
    List<Grant> active = activeGrants(plan, p.id(), d.date);
    double share = p.id().equals(plan.nationalPartner()) ? grantShare * 0.8 : grantShare;
    if (active.isEmpty() || attr.nextDouble() >= share) {
      d.grant = null;
      return;
    }
    // a grant in proportion to its funding per year
    double[] perYear = new double[active.size()];
    for (int g = 0; g < perYear.length; g++) {
      Grant grant = active.get(g);
      double years = (grant.end().toEpochDay() - grant.start().toEpochDay() + 1) / 365.25;
      perYear[g] = grant.amount().doubleValue() * (grant.currency().equals("USD") ? 0.92 : 1) / years;
    }
    d.grant = active.get(DemoRandom.weightedIndex(attr, perYear)).id();
  }

  private static List<Grant> activeGrants(DemoPlan plan, String partner, LocalDate date) {
    return plan.grants().stream().filter(g -> g.partner().equals(partner) && g.covers(date)).toList();
  }

  static Grant grantById(DemoPlan plan, String id) {
    return plan.grants().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * funding.json: the partners and grants as the API takes them, the dataset label and the number of events; for a
   * country other than the main one also the country to load first: its code, its regions file (relative to the
   * scenario's directory) and the note that says the scenario is synthetic.
   */
  static ObjectNode toJson(DemoPlan plan, ObjectMapper mapper, int events, String regionsFile) {
    ObjectNode funding = mapper.createObjectNode();
    funding.put("dataset", plan.dataset());
    funding.put("events", events);
    if (plan.source() != null) {
      funding.putObject("country").put("code", plan.country()).put("regions", regionsFile).put("synthetic", true)
          .put("source", plan.source());
    }
    ArrayNode partners = funding.putArray("partners");
    for (PartnerPlan p : plan.partners()) {
      partners.addObject().put("id", p.id()).put("name", p.name());
    }
    ArrayNode grants = funding.putArray("grants");
    for (Grant g : plan.grants()) {
      grants.addObject().put("id", g.id()).put("donor", g.donor()).put("partner", g.partner())
          .put("title", g.title()).put("amount", g.amount()).put("currency", g.currency())
          .put("start", g.start().toString()).put("end", g.end().toString());
    }
    return funding;
  }
}
