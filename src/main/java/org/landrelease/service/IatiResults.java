package org.landrelease.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.landrelease.domain.Grant;
import org.landrelease.domain.ReleaseTarget;
import org.landrelease.files.IatiActivity;
import org.landrelease.geometry.RegionShape;
import org.landrelease.service.ReportService.ReleasedRow;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The ledger's figures of one grant as IATI results and locations: one indicator per outcome and one for the total,
 * each with a period per calendar quarter, whose actual value is the grant report's figure for that quarter.
 */
public final class IatiResults {
  /** An indicator of the ledger's own vocabulary (99): its code, the outcome it counts, title and definition. */
  public record Definition(String code, String outcome, String title, String definition) {}

  static final Map<String, Definition> DEFINITIONS = definitions();

  private final ReportService reports;
  private final LedgerService ledger;

  IatiResults(ReportService reports, LedgerService ledger) {
    this.reports = reports;
    this.ledger = ledger;
  }

  private static Map<String, Definition> definitions() {
    String common = " Geodesic area on the WGS84 ellipsoid, in km², of approved events dated in the period, net of "
        + "reversals approved in the period; land released once is counted once (IMAS 07.11).";
    Map<String, Definition> out = new LinkedHashMap<>();
    for (Definition d : List.of(
        new Definition("LR-RELEASED-KM2", "released", "Land released (km²)",
            "Land released by cancellation, reduction and clearance together." + common),
        new Definition("LR-CANCELLED-KM2", "cancelled", "Land cancelled by non-technical survey (km²)",
            "Land of suspected or confirmed hazard areas cancelled by non-technical survey." + common),
        new Definition("LR-REDUCED-KM2", "reduced", "Land reduced by technical survey (km²)",
            "Land of hazard areas reduced by technical survey." + common),
        new Definition("LR-CLEARED-KM2", "cleared", "Land cleared (km²)",
            "Land of hazard areas cleared of explosive ordnance." + common))) {
      out.put(d.code(), d);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static double value(ReleasedRow row, String outcome) {
    ToDoubleFunction<ReleasedRow> f = switch (outcome) {
      case "cancelled" -> ReleasedRow::cancelledKm2;
      case "reduced" -> ReleasedRow::reducedKm2;
      case "cleared" -> ReleasedRow::clearedKm2;
      default -> ReleasedRow::km2;
    };
    return row == null ? 0 : f.applyAsDouble(row);
  }

  /** The indicators, in the order released, cancelled, reduced, cleared, for the quarters of [lo, hi]. */
  List<IatiActivity.Indicator> indicators(Grant g, LocalDate lo, LocalDate hi, List<ReleaseTarget> targets,
      String uriBase) {
    record Quarter(LocalDate start, LocalDate end, boolean whole, ReleasedRow total, List<ReleasedRow> regions) {}
    List<Quarter> quarters = new ArrayList<>();
    for (LocalDate q = IatiRules.quarterStart(IatiRules.quarterOf(lo)); !q.isAfter(hi); q = q.plusMonths(3)) {
      LocalDate start = q.isBefore(lo) ? lo : q;
      LocalDate end = q.plusMonths(3).minusDays(1).isAfter(hi) ? hi : q.plusMonths(3).minusDays(1);
      // a target is for the whole quarter (within the grant): only a period covering all of it carries one
      boolean whole = start.equals(q.isBefore(g.start()) ? g.start() : q)
          && end.equals(q.plusMonths(3).minusDays(1).isAfter(g.end()) ? g.end() : q.plusMonths(3).minusDays(1));
      List<ReleasedRow> total = reports.grantReleased(g.id(), start, end, f -> "all");
      quarters.add(new Quarter(start, end, whole, total.isEmpty() ? null : total.get(0),
          reports.grantReleased(g.id(), start, end, f -> f.region())));
    }
    List<IatiActivity.Indicator> out = new ArrayList<>();
    for (String code : List.of("LR-RELEASED-KM2", "LR-CANCELLED-KM2", "LR-REDUCED-KM2", "LR-CLEARED-KM2")) {
      Definition d = DEFINITIONS.get(code);
      List<IatiActivity.Period> periods = new ArrayList<>();
      for (Quarter q : quarters) {
        Double target = !q.whole() ? null : targets.stream()
            .filter(t -> t.outcome().equals(d.outcome()) && t.quarter().equals(IatiRules.quarterOf(q.start())))
            .map(ReleaseTarget::km2).findFirst().orElse(null);
        StringBuilder byRegion = new StringBuilder();
        for (ReleasedRow r : q.regions()) {
          if (value(r, d.outcome()) != 0) {
            byRegion.append(byRegion.isEmpty() ? "" : ", ").append(r.key()).append(' ')
                .append(String.format(Locale.ROOT, "%.6f", value(r, d.outcome())));
          }
        }
        periods.add(new IatiActivity.Period(q.start(), q.end(), target, value(q.total(), d.outcome()),
            "Measured by the land-release ledger. By region (location ref, km²): "
                + (byRegion.isEmpty() ? "none" : byRegion) + "."));
      }
      out.add(new IatiActivity.Indicator(code, d.title(), d.definition(), uriBase + "#" + code, periods));
    }
    return out;
  }

  /**
   * One location per region where the grant released land in [lo, hi]: the region's name and a point on the
   * largest piece released there (on the region itself if every piece of the period was reversed later).
   */
  List<IatiActivity.Place> places(String grantId, LocalDate lo, LocalDate hi) throws SQLException {
    List<IatiActivity.Place> out = new ArrayList<>();
    if (lo.isAfter(hi)) {
      return out;
    }
    Map<String, Geometry> pieces = reports.releasedPlaces(grantId, lo, hi);
    for (ReleasedRow r : reports.grantReleased(grantId, lo, hi, f -> f.region())) {
      if (r.km2() <= 0) {
        continue;
      }
      RegionShape shape = ledger.regions().regions().stream().filter(s -> s.code().equals(r.key())).findFirst()
          .orElse(null);
      Geometry land = pieces.containsKey(r.key()) ? pieces.get(r.key()) : shape == null ? null : shape.geometry();
      if (land == null) {
        continue;
      }
      Point p = land.getInteriorPoint();
      String name = shape == null ? "Outside the ledger's regions" : shape.name();
      out.add(new IatiActivity.Place(r.key(), name, String.format(Locale.ROOT, "Land released in %s, %s to %s: "
          + "%.6f km² (ledger region %s; ISO 3166-2 where the ledger uses it). The point lies on the largest piece "
          + "released there.", name, lo, hi, r.km2(), r.key()), p.getY(), p.getX()));
    }
    return out;
  }
}
