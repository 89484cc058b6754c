package org.landrelease.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as markdown: one table against the PostGIS reference and the targets, then the details. */
final class BenchReport {
  private static final String NONE = "–";
  private static final double TARGET_EVENTS_PER_S = 300, TARGET_P50_MS = 5, TARGET_P99_MS = 50,
      TARGET_BBOX_P50_MS = 50, TARGET_HEAP_MB = 512, TARGET_START_S = 5,
      TARGET_COUNTRY_P50_MS = 1;

  private final StringBuilder md = new StringBuilder();

  private BenchReport() {}

  static String markdown(String command, String serverJvm, Workload w, List<BenchRun.Result> runs,
      double seconds) {
    BenchReport r = new BenchReport();
    r.header(command, serverJvm, w, runs.get(0), seconds);
    r.table(runs);
    r.details(runs);
    return r.md.toString();
  }

  private void header(String command, String serverJvm, Workload w, BenchRun.Result one, double seconds) {
    line("# Benchmark results");
    line("");
    line("- command: `" + command + "`");
    line(f("- %s; %d cores; %s; whole benchmark %.1f min", Instant.now().toString().substring(0, 16) + "Z",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
            + System.getProperty("java.version"), seconds / 60));
    line(f("- workload: %s; %,d hazards, %,d release events", w.funding().path("dataset").asText(),
        w.hazards().size(), w.events().size()));
    line("- store: " + (one.database().startsWith("PostgreSQL") ? "PostgreSQL/PostGIS (a new or emptied database"
        + " for each run" + (one.instances() > 1 ? f("; %d service instances on it, requests alternating between"
        + " them", one.instances()) : "") + ")" : "H2GIS (a new directory for each run)"));
    line(one.batch() != null
        ? "- batch mode: every event submitted first (`POST /api/events`, one per event, by the run's clients), then"
            + " approved in workload order by one reviewer in `POST /api/reviews` batches of 1,000 decisions"
        : "- single mode: each event is one `POST /api/events` and then its `POST /api/events/{id}/approve`, over"
            + " HTTP/1.1 keep-alive, each answered only once committed");
    line("- the service runs in a JVM of its own (`java " + serverJvm + " -jar target/landrelease.jar serve"
        + " --empty`)");
    line("");
  }

  private void table(List<BenchRun.Result> runs) {
    BenchRun.Result one = runs.get(0);
    line("| measure | this service | PostGIS reference | target |");
    line("|---|---|---|---|");
    if (!one.zonings().isEmpty()) {
      row(f("zonings loaded before the hazards and events (%d, `POST /api/zonings/{name}`)", one.zonings().size()),
          f("%,d zones in %.1f s", one.zonings().stream().mapToInt(BenchZonings.Loaded::zones).sum(),
              one.zonings().stream().mapToLong(BenchZonings.Loaded::millis).sum() / 1e3), NONE, NONE);
    }
    if (one.countries() != null) {
      row(f("countries loaded after the funding, before the hazards (%d, `POST /api/countries/{code}`)",
          one.countries().codes().size()), f("%,d regions of %s in %.1f s", one.countries().regions(),
          String.join(", ", one.countries().codes()), one.countries().millis() / 1e3), NONE, NONE);
    }
    row(f("load hazards, `POST /api/events/batch` (%,d reports)", one.hazards().items()),
        f("%,.0f hazards/s (%.1f s)", one.hazards().perSecond(), one.hazards().seconds()), NONE, NONE);
    for (BenchRun.Result run : runs) {
      if (run.batch() != null) {
        batchRows(run);
      } else {
        applyRows(run);
      }
    }
    int sent = 0, failed = 0;
    for (BenchRun.Result r : runs) {
      sent += r.batch() != null ? r.batch().overall().to() : r.replay().overall().to();
      failed += r.batch() != null ? r.batch().notApproved() : r.replay().non201();
    }
    row("events not submitted and approved", f("%,d of %,d", failed, sent), NONE, met("0", failed == 0));
    for (BenchRun.Result r : runs) {
      BenchZonings.Loaded b = r.backfill();
      if (b != null) {
        row(f("back-fill: a %,d-zone zoning loaded after the replay (%d client%s)", b.zones(), r.clients(),
            r.clients() == 1 ? "" : "s"), b.problem() != null ? "**refused**: " + b.problem()
            : f("%.1f s, %,d pieces split", b.millis() / 1e3, b.piecesSplit()), NONE,
            met("< 2 min", b.problem() == null && b.millis() < 120_000));
      }
    }
    BenchRun.Reads reads = one.reads();
    for (int k = 0; k < reads.queries().size(); k++) {
      queryRows(reads.queries().get(k), reads.queries().size() > 1 ? f(", instance %d", k + 1) : "");
    }
    BenchAccounting.Check a = one.accounting().get(0);
    row("accounting: reported − released − remaining", f("%.0f m² (%.1e relative)", a.residualM2(), a.relative()),
        "31 m² (1.3·10⁻⁹ relative)", NONE);
    if (one.accounting().size() > 1) {
      boolean agree = one.accounting().stream().allMatch(a::sameLedger);
      row("instances show the same ledger (events, reported, released, remaining)", agree ? "yes" : "**no**",
          NONE, met("same", agree));
    }
    row("heap used after full GC (jcmd GC.run; GC.heap_info)",
        f("%.0f MB (process RSS %.0f MB)", reads.heapUsedMb(), reads.residentMb()), NONE,
        met("≤ 512 MB", reads.heapUsedMb() <= TARGET_HEAP_MB));
    row(f("start-up on the existing database (%,d events)", a.events()), f("%.2f s", reads.restartMs() / 1e3), NONE,
        met("< 5 s", reads.restartMs() / 1e3 < TARGET_START_S));
    line("");
  }

  /** The PostGIS reference's figures, by query; the country questions have none (it held one country). */
  private static final Map<String, String> REFERENCE_READS = Map.of(
      "summary", "p50 56–59 ms, p99 91–94 ms", "released by region", "p50 20–22 ms",
      "released by partner", "p50 26–27 ms", "released by grant", "p50 25–27 ms", "released by month", "p50 36–40 ms",
      "hazards 50 km bbox", "p50 16–19 ms (~290 features, 0.8 MB)");

  private void queryRows(List<BenchQueries.Stats> queries, String instance) {
    for (BenchQueries.Stats q : queries) {
      String value = f("p50 %.2f ms, p99 %.2f ms", q.latency().p50Ms(), q.latency().p99Ms());
      String target;
      if (q.name().startsWith("hazards")) {
        value += f(" (%.0f features, %.2f MB)", q.meanFeatures(), q.meanBytes() / 1e6);
        target = met("p50 < 50 ms", q.latency().p50Ms() < TARGET_BBOX_P50_MS);
      } else if (q.name().endsWith("month")) {
        target = NONE;
      } else if (q.name().contains("countr") || q.name().contains(" of ")) {
        // Issue 13: with several countries loaded, the figures stay at p50 < 1 ms.
        target = met("p50 < 1 ms", q.latency().p50Ms() < TARGET_COUNTRY_P50_MS);
      } else {
        target = met("p50 < 5 ms, p99 < 50 ms",
            q.latency().p50Ms() < TARGET_P50_MS && q.latency().p99Ms() < TARGET_P99_MS);
      }
      row(q.name() + f(" (%d runs%s)", q.latency().count(), instance), value,
          REFERENCE_READS.getOrDefault(q.name(), NONE), target);
    }
  }

  /** Batch mode: submissions/s and approvals/s in the first and last window; the reference applies one at a time. */
  private void batchRows(BenchRun.Result run) {
    BenchBatch.Result b = run.batch();
    String clients = run.clients() + (run.clients() == 1 ? " client" : " clients");
    BenchBatch.Window first = b.windows().get(0), last = b.windows().get(b.windows().size() - 1);
    boolean oneClient = run.clients() == 1;
    for (BenchBatch.Window w : b.windows().size() > 1 ? List.of(first, last) : List.of(first)) {
      boolean atStart = w == first;
      row("submit, " + clients + ", " + w.label(), f("%.0f submissions/s (%s)", w.submissionsPerSecond(),
          w.submit()), NONE, NONE);
      row("approve in batches of 1,000, " + w.label(), f("%.0f approvals/s (batch requests %s)",
          w.approvalsPerSecond(), w.batches()), (atStart ? (oneClient ? "414 events/s" : "667 events/s")
          : (oneClient ? "628–651 events/s" : "1,081 events/s")) + " (applied one at a time)",
          met("≥ 300 events/s", w.approvalsPerSecond() >= TARGET_EVENTS_PER_S));
    }
    BenchBatch.Window all = b.overall();
    row(f("all %,d events, %s: submitted, then approved in batches", all.to(), clients),
        f("%.0f submissions/s; %.0f approvals/s", all.submissionsPerSecond(), all.approvalsPerSecond()), NONE, NONE);
  }

  private void applyRows(BenchRun.Result run) {
    BenchReplay.Result r = run.replay();
    List<BenchStats.Window> w = r.windows();
    String clients = run.clients() + (run.clients() == 1 ? " client" : " clients");
    BenchStats.Window first = w.get(0), last = w.get(w.size() - 1);
    boolean oneClient = run.clients() == 1;
    row("apply, " + clients + ", " + first.label(), rate(first),
        oneClient ? "414 events/s (p50 2.2 ms, p99 6.2 ms)" : "667 events/s",
        met("≥ 300 events/s", first.eventsPerSecond() >= TARGET_EVENTS_PER_S));
    if (w.size() > 1) {
      row("apply, " + clients + ", " + last.label(), rate(last),
          oneClient ? "628–651 events/s (p50 1.2 ms)" : "1,081 events/s",
          met("≥ 300 events/s", last.eventsPerSecond() >= TARGET_EVENTS_PER_S));
    }
    for (BenchReplay.Split s : r.splits().size() > 1 ? List.of(r.splits().get(0),
        r.splits().get(r.splits().size() - 1)) : r.splits()) {
      row(f("requests, %s, events %,d–%,d: submit / approve", clients, s.from() + 1, s.to()),
          "submit " + s.submit() + "; approve " + s.approve(), oneClient ? "p50 2.2 ms, p99 6.2 ms (one call)" : NONE,
          NONE);
    }
    BenchStats.Window all = r.overall();
    double slowest = w.stream().mapToDouble(BenchStats.Window::eventsPerSecond).min().orElse(0);
    row(f("apply, %s, all %,d events (slowest window %.0f/s)", clients, all.to(), slowest), rate(all), NONE,
        met("≥ 300 events/s sustained", slowest >= TARGET_EVENTS_PER_S));
  }

  private void details(List<BenchRun.Result> runs) {
    for (BenchRun.Result run : runs) {
      line(f("## Run with %d client(s), %d instance(s): %.1f min in all", run.clients(), run.instances(),
          run.seconds() / 60));
      line("");
      line("- database: " + run.database());
      line(f("- service answered %.2f s after its JVM started on a fresh database; %sthe database is %.0f MB after"
          + " the run", run.freshStartMs() / 1e3, Double.isNaN(run.writtenKbPerEvent()) ? ""
              : f("during the replay it wrote %.0f KB to storage per event; ", run.writtenKbPerEvent()),
          run.databaseMb()));
      line(f("- funding: %d of %d created; hazards: %,d created, %,d refused%s", run.funding().created(),
          run.funding().items(), run.hazards().created(), run.hazards().refused(),
          run.hazards().firstProblem() == null ? "" : " (first: " + run.hazards().firstProblem() + ")"));
      line(f("- other processes used %.2f of the %d cores on average during the replay%s", run.otherCores(),
          Runtime.getRuntime().availableProcessors(), disturbed(run.otherCores())));
      if (run.reads() != null) {
        line(f("- other processes used %.2f cores on average during the queries%s", run.reads().otherCores(),
            disturbed(run.reads().otherCores())));
      }
      for (int k = 0; k < run.accounting().size(); k++) {
        line((run.accounting().size() > 1 ? f("- instance %d: ", k + 1) : "- summary: ") + run.accounting().get(k));
      }
      if (run.reads() != null && run.reads().afterRestart() != null) {
        BenchAccounting.Check a = run.accounting().get(0), b = run.reads().afterRestart();
        line(f("- after the restart: %s: %s", b, a.sameLedger(b) ? "identical" : "**different**"));
      }
      if (run.batch() != null) {
        batchDetails(run.batch());
      } else {
        singleDetails(run.replay());
      }
    }
  }

  private void batchDetails(BenchBatch.Result b) {
    line(f("- submissions %s; decisions: %,d approved, %,d refused; %,d approvals released nothing%s",
        b.submitStatuses(), b.approved(), b.refusedDecisions(), b.releasedNothing(),
        b.firstProblem() == null ? "" : "; first problem: " + b.firstProblem()));
    line("");
    line("| events | submissions/s | submit p50 ms | submit p99 ms | approvals/s | batch p50 ms | batch p99 ms |");
    line("|---|---|---|---|---|---|---|");
    for (BenchBatch.Window w : b.windows()) {
      line(f("| %,d–%,d | %.0f | %.2f | %.2f | %.0f | %.1f | %.1f |", w.from() + 1, w.to(),
          w.submissionsPerSecond(), w.submit().p50Ms(), w.submit().p99Ms(), w.approvalsPerSecond(),
          w.batches().p50Ms(), w.batches().p99Ms()));
    }
    line("");
    if (b.instances().size() > 1) {
      line("| instance | submissions | submit p50 / p99 ms | batches | batch p50 / p99 ms |");
      line("|---|---|---|---|---|");
      for (BenchBatch.Instance in : b.instances()) {
        line(f("| %d | %,d | %.2f / %.2f | %d | %.1f / %.1f |", in.instance(), in.events(), in.submit().p50Ms(),
            in.submit().p99Ms(), in.batches(), in.batch().p50Ms(), in.batch().p99Ms()));
      }
      line("");
    }
  }

  private void singleDetails(BenchReplay.Result r) {
    line(f("- statuses %s%s", r.statuses(), r.firstProblem() == null ? "" : "; first problem: " + r.firstProblem()));
    BenchStats.Window first = r.windows().get(0), last = r.windows().get(r.windows().size() - 1);
    line(f("- events that released nothing: %,d in all; %.1f%% of the first window, %.1f%% of the last",
        r.releasedNothing(), 100.0 * r.firstWindowNothing() / (first.to() - first.from()),
        100.0 * r.lastWindowNothing() / (last.to() - last.from())));
    line("");
    line("| events | events/s | event p50 ms | event p99 ms | submit p50 ms | submit p99 ms | approve p50 ms"
        + " | approve p99 ms |");
    line("|---|---|---|---|---|---|---|---|");
    for (int i = 0; i < r.windows().size(); i++) {
      BenchStats.Window w = r.windows().get(i);
      BenchReplay.Split s = r.splits().get(i);
      line(f("| %,d–%,d | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |", w.from() + 1, w.to(),
          w.eventsPerSecond(), w.p50Ms(), w.p99Ms(), s.submit().p50Ms(), s.submit().p99Ms(), s.approve().p50Ms(),
          s.approve().p99Ms()));
    }
    line("");
    if (r.instances().size() > 1) {
      line("| instance | events | submit p50 / p99 ms | approve p50 / p99 ms |");
      line("|---|---|---|---|");
      for (BenchReplay.Instance in : r.instances()) {
        line(f("| %d | %,d | %.2f / %.2f | %.2f / %.2f |", in.instance(), in.events(), in.submit().p50Ms(),
            in.submit().p99Ms(), in.approve().p50Ms(), in.approve().p99Ms()));
      }
      line("");
    }
}

  /** A fifth of a core taken by others is enough to move the figures of a 2-core machine by 10% or more. */
  private static String disturbed(double otherCores) {
    return otherCores > 0.2 ? ": **these figures are disturbed**" : "";
  }

  private static String rate(BenchStats.Window w) {
    return f("%.0f events/s (p50 %.2f ms, p99 %.2f ms)", w.eventsPerSecond(), w.p50Ms(), w.p99Ms());
  }

  private static String met(String target, boolean met) {
    return target + (met ? ": met" : ": **missed**");
  }

  private void row(String measure, String value, String reference, String target) {
    line("| " + measure + " | " + value + " | " + reference + " | " + target + " |");
  }

  private void line(String s) {
    md.append(s).append('\n');
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
