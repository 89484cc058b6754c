package org.landrelease.demo;

import static org.landrelease.demo.DemoTrajectory.KM2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landrelease.domain.EventType;

/** The scenario's figures on standard output, to check it against the national trajectory. */
final class DemoSummary {
  private DemoSummary() {}

  static void print(DemoPlan plan, List<DemoEvent> reports, Map<Integer, List<DemoEvent>> releases, List<DemoEvent> all,
      DemoLedger ledger, Path events) throws Exception {
    double reportedM2 = ledger.reportedM2();
    System.out.println("Synthetic demo scenario " + plan.country()
        + " (simulated with the ledger's overlay and area arithmetic):");
    System.out.printf("  hazard reports: %,d, dated %s to %s, reported %,.1f km² (%,d hazards in %d regions)%n",
        reports.size(), reports.get(0).date, reports.get(reports.size() - 1).date, reportedM2 / KM2,
        ledger.hazardCount(), plan.regions().size());
    Map<String, double[]> perOblast = new LinkedHashMap<>();
    for (DemoEvent d : reports) {
      perOblast.computeIfAbsent(d.region, k -> new double[2])[0] += d.addedM2;
    }
    for (List<DemoEvent> ds : releases.values()) {
      for (DemoEvent d : ds) {
        perOblast.computeIfAbsent(d.region, k -> new double[2])[1] += d.releasedM2;
      }
    }
    perOblast.forEach((code, v) -> System.out.printf("    %-6s %-16s reported %,9.1f km²  released (planned there) %,8.1f km²%n",
        code, ledger.region(code).name(), v[0] / KM2, v[1] / KM2));
    double released = 0;
    for (var e : releases.entrySet()) {
      double[] m2 = new double[3];
      int[] n = new int[3];
      for (DemoEvent d : e.getValue()) {
        m2[d.type.ordinal() - 1] += d.releasedM2;
        n[d.type.ordinal() - 1]++;
      }
      double year = m2[0] + m2[1] + m2[2];
      released += year;
      List<DemoEvent> ds = e.getValue();
      System.out.printf("  %d: %,d releases (%s to %s): NTS %,d / %,.1f km², TS %,d / %,.1f km², CLEARANCE %,d / %,.1f km²;"
          + " released %,.1f km² (NTS %.1f%%); contaminated at year end %,.1f km²%n", e.getKey(), ds.size(),
          ds.get(0).date, ds.get(ds.size() - 1).date, n[0], m2[0] / KM2, n[1], m2[1] / KM2, n[2], m2[2] / KM2,
          year / KM2, 100 * m2[0] / year, (reportedM2 - released) / KM2);
    }
    Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
    Map<String, Integer> byPartner = new LinkedHashMap<>();
    Map<String, Integer> byGrant = new LinkedHashMap<>();
    for (DemoEvent d : all) {
      counts.merge(d.type, 1, Integer::sum);
      byPartner.merge(d.partner, 1, Integer::sum);
      byGrant.merge(d.grant == null ? "(none)" : d.grant, 1, Integer::sum);
    }
    int[] placements = ledger.placements();
    System.out.println("  events by type: " + counts + ", total " + all.size());
    System.out.printf("  releases inside one hazard: %,d; across a hazard's edge: %,d; over two or more hazards: %,d%n",
        placements[0], placements[1], placements[2]);
    System.out.println("  events by partner: " + byPartner);
    System.out.println("  events by grant: " + byGrant);
    System.out.println("  largest polygon: " + ledger.maxVertices() + " vertices");
    System.out.printf("  pieces the region index would put outside every region: %d%n", ledger.outsidePieces());
    System.out.printf("  wrote %s (%,d bytes) and %s%n", events, Files.size(events),
        events.resolveSibling(DemoLoader.FUNDING_FILE));
  }
}
