package org.landrelease.cli;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The results as markdown: one table against the PostGIS reference and the targets, then the details. */
final class BenchReport {
  private static final String NONE = "–";
  private static final double TARGET_EVENTS_PER_S = 300, TARGET_P50_MS = 5, TARGET_P99_MS = 50,
      TARGET_BBOX_P50_MS = 50, TARGET_HEAP_MB = 512, TARGET_START_S = 5;

  private final StringBuilder md = new StringBuilder();

  private BenchReport() {}

  static String markdown(String command, String serverJvm, Workload w, List<BenchRun.Result> runs,
      double seconds) {
    BenchReport r = new BenchReport();
    r.header(command, serverJvm, w, seconds);
    r.table(runs);
    r.details(runs);
    return r.md.toString();
  }

  private void header(String command, String serverJvm, Workload w, double seconds) {
    line("# Benchmark results");
    line("");
    line("- command: `" + command + "`");
    line(f("- %s; %d cores; %s; whole benchmark %.1f min", Instant.now().toString().substring(0, 16) + "Z",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
            + System.getProperty("java.version"), seconds / 60));
    line(f("- workload: %s; %,d hazards, %,d release events", w.funding().path("dataset").asText(),
        w.hazards().size(), w.events().size()));
    line("- each event is one `POST /api/events` over HTTP/1.1 keep-alive, answered 201 only once committed;"
        + " the service runs in a JVM of its own (`java " + serverJvm + " -jar target/landrelease.jar serve"
        + " --empty`) on a fresh database for each run");
    line("");
  }

  private void table(List<BenchRun.Result> runs) {
    BenchRun.Result one = runs.get(0);
    line("| measure | this service | PostGIS reference | target |");
    line("|---|---|---|---|");
    row(f("load hazards, `POST /api/events/batch` (%,d reports)", one.hazards().items()),
        f("%,.0f hazards/s (%.1f s)", one.hazards().perSecond(), one.hazards().seconds()), NONE, NONE);
    for (BenchRun.Result run : runs) {
      applyRows(run);
    }
    int sent = runs.stream().mapToInt(r -> r.replay().overall().to()).sum();
    int non201 = runs.stream().mapToInt(r -> r.replay().non201()).sum();
    row("events not answered 201", f("%,d of %,d", non201, sent), NONE, met("0", non201 == 0));
    BenchRun.Reads reads = one.reads();
    List<String> referenceReads = List.of("p50 56–59 ms, p99 91–94 ms", "p50 20–22 ms", "p50 26–27 ms",
        "p50 25–27 ms", "p50 36–40 ms", "p50 16–19 ms (~290 features, 0.8 MB)");
    for (int i = 0; i < reads.queries().size(); i++) {
      BenchQueries.Stats q = reads.queries().get(i);
      String value = f("p50 %.2f ms, p99 %.2f ms", q.latency().p50Ms(), q.latency().p99Ms());
      String target;
      if (q.name().startsWith("hazards")) {
        value += f(" (%.0f features, %.2f MB)", q.meanFeatures(), q.meanBytes() / 1e6);
        target = met("p50 < 50 ms", q.latency().p50Ms() < TARGET_BBOX_P50_MS);
      } else if (q.name().endsWith("month")) {
        target = NONE;
      } else {
        target = met("p50 < 5 ms, p99 < 50 ms",
            q.latency().p50Ms() < TARGET_P50_MS && q.latency().p99Ms() < TARGET_P99_MS);
      }
      row(q.name() + f(" (%d runs)", q.latency().count()), value, referenceReads.get(i), target);
    }
    BenchAccounting.Check a = one.accounting();
    row("accounting: reported − released − remaining", f("%.0f m² (%.1e relative)", a.residualM2(), a.relative()),
        "31 m² (1.3·10⁻⁹ relative)", NONE);
    row("heap used after full GC (jcmd GC.run; GC.heap_info)",
        f("%.0f MB (process RSS %.0f MB)", reads.heapUsedMb(), reads.residentMb()), NONE,
        met("≤ 512 MB", reads.heapUsedMb() <= TARGET_HEAP_MB));
    row(f("start-up on the existing database (%,d events)", a.events()), f("%.2f s", reads.restartMs() / 1e3), NONE,
        met("< 5 s", reads.restartMs() / 1e3 < TARGET_START_S));
    line("");
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
    BenchStats.Window all = r.overall();
    double slowest = w.stream().mapToDouble(BenchStats.Window::eventsPerSecond).min().orElse(0);
    row(f("apply, %s, all %,d events (slowest window %.0f/s)", clients, all.to(), slowest), rate(all), NONE,
        met("≥ 300 events/s sustained", slowest >= TARGET_EVENTS_PER_S));
  }

  private void details(List<BenchRun.Result> runs) {
    for (BenchRun.Result run : runs) {
      BenchReplay.Result r = run.replay();
      line(f("## Run with %d client(s): %.1f min in all", run.clients(), run.seconds() / 60));
      line("");
      line(f("- service answered %.2f s after its JVM started on a fresh database; during the replay it wrote %.0f KB"
          + " to storage per event; the database file is %.0f MB after the run", run.freshStartMs() / 1e3,
          run.writtenKbPerEvent(), run.databaseMb()));
      line(f("- funding: %d of %d created; hazards: %,d created, %,d refused%s", run.funding().created(),
          run.funding().items(), run.hazards().created(), run.hazards().refused(),
          run.hazards().firstProblem() == null ? "" : " (first: " + run.hazards().firstProblem() + ")"));
      line(f("- other processes used %.2f of the %d cores on average during the replay%s", run.otherCores(),
          Runtime.getRuntime().availableProcessors(), disturbed(run.otherCores())));
      if (run.reads() != null) {
        line(f("- other processes used %.2f cores on average during the queries%s", run.reads().otherCores(),
            disturbed(run.reads().otherCores())));
      }
      line(f("- statuses %s%s", r.statuses(), r.firstProblem() == null ? "" : "; first problem: " + r.firstProblem()));
      BenchStats.Window first = r.windows().get(0), last = r.windows().get(r.windows().size() - 1);
      line(f("- events that released nothing: %,d in all; %.1f%% of the first window, %.1f%% of the last",
          r.releasedNothing(), 100.0 * r.firstWindowNothing() / (first.to() - first.from()),
          100.0 * r.lastWindowNothing() / (last.to() - last.from())));
      BenchAccounting.Check a = run.accounting();
      line(f("- summary: reported %.3f km², released %.3f km², remaining %.3f km², %,d events; released by region"
          + " sums to the released total within %.0f m²", a.reportedKm2(), a.releasedKm2(), a.hazardAreaKm2(),
          a.events(), a.regionGapM2()));
      if (run.reads() != null && run.reads().afterRestart() != null) {
        BenchAccounting.Check b = run.reads().afterRestart();
        boolean same = b.events() == a.events() && b.releasedKm2() == a.releasedKm2()
            && b.hazardAreaKm2() == a.hazardAreaKm2();
        line(f("- after the restart: %,d events, released %.3f km², remaining %.3f km²: %s", b.events(),
            b.releasedKm2(), b.hazardAreaKm2(), same ? "identical" : "**different**"));
      }
      line("");
      line("| events | events/s | p50 ms | p99 ms |");
      line("|---|---|---|---|");
      for (BenchStats.Window w : r.windows()) {
        line(f("| %,d–%,d | %.0f | %.2f | %.2f |", w.from() + 1, w.to(), w.eventsPerSecond(), w.p50Ms(),
            w.p99Ms()));
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
