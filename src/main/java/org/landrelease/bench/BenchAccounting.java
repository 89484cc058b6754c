package org.landrelease.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Does the ledger balance? Reported land must equal released plus what remains in hazards. */
final class BenchAccounting {
  /**
   * The summary's figures (km²) and what they leave over (m²): reported − released − remaining, and the gap between
   * the released total and the sum of released by region.
   */
  record Check(double reportedKm2, double releasedKm2, double hazardAreaKm2, int events, double residualM2,
      double regionGapM2) {
    double relative() {
      return residualM2 / (reportedKm2 * 1e6);
    }

    /** The same ledger seen: events and the three totals equal (two instances of one database must agree). */
    boolean sameLedger(Check o) {
      return events == o.events && reportedKm2 == o.reportedKm2 && releasedKm2 == o.releasedKm2
          && hazardAreaKm2 == o.hazardAreaKm2;
    }

    @Override public String toString() {
      return String.format(java.util.Locale.ROOT, "%,d events; reported %.3f km², released %.3f km², remaining %.3f"
          + " km²; residual %.0f m²; region gap %.0f m²", events, reportedKm2, releasedKm2, hazardAreaKm2,
          residualM2, regionGapM2);
    }
  }

  private BenchAccounting() {}

  static Check check(BenchHttp http, ObjectMapper mapper) throws Exception {
    JsonNode s = mapper.readTree(http.get("api/stats/summary").body());
    double reported = s.path("reportedKm2").asDouble(), released = s.path("releasedKm2").asDouble();
    double remaining = s.path("hazardAreaKm2").asDouble();
    double byRegion = 0;
    for (JsonNode row : mapper.readTree(http.get("api/stats/released?by=region").body())) {
      byRegion += row.path("km2").asDouble();
    }
    return new Check(reported, released, remaining, s.path("events").asInt(),
        (reported - released - remaining) * 1e6, (released - byRegion) * 1e6);
  }
}
