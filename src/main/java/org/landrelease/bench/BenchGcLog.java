package org.landrelease.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's heap over a run, from its GC log (-Xlog:gc:file=...): the most heap in use at any moment is what a
 * collection found before it ran (the heap only grows between collections), and what it left is the live set.
 *
 * @param peakUsedMb  the most heap in use, at the start of any collection
 * @param maxAfterMb  the most heap left in use after a collection
 * @param capacityMb  the largest committed heap
 * @param pauses      collections that paused the service, and their total and longest pause
 * @param outOfMemory whether the log says a collection could not make room (to-space exhausted, or a full GC other
 *                    than one asked for: System.gc(), or jcmd GC.run as the bench's own, a "Diagnostic Command")
 */
record BenchGcLog(double peakUsedMb, double maxAfterMb, double capacityMb, int pauses, double pauseTotalMs,
    double pauseMaxMs, boolean outOfMemory) {
  /** "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(512M) 12.345ms", as -Xlog:gc writes it. */
  private static final Pattern PAUSE = Pattern.compile(
      "Pause[^\\n]*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)\\s+([0-9.]+)ms");

  static BenchGcLog read(Path log) throws IOException {
    String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    double peak = 0, after = 0, capacity = 0, total = 0, max = 0;
    int pauses = 0;
    Matcher m = PAUSE.matcher(text);
    while (m.find()) {
      peak = Math.max(peak, mb(m.group(1), m.group(2)));
      after = Math.max(after, mb(m.group(3), m.group(4)));
      capacity = Math.max(capacity, mb(m.group(5), m.group(6)));
      double ms = Double.parseDouble(m.group(7));
      total += ms;
      max = Math.max(max, ms);
      pauses++;
    }
    // a full collection nobody asked for: the bench's own jcmd GC.run is "Pause Full (Diagnostic Command)"
    boolean oom = text.contains("To-space exhausted") || text.lines().anyMatch(l -> l.contains("Pause Full")
        && !l.contains("(Diagnostic Command)") && !l.contains("(System.gc())"));
    return new BenchGcLog(peak, after, capacity, pauses, total, max, oom);
  }

  private static double mb(String value, String unit) {
    double v = Double.parseDouble(value);
    return switch (unit) {
      case "K" -> v / 1024;
      case "G" -> v * 1024;
      default -> v;
    };
  }

  @Override public String toString() {
    return String.format(java.util.Locale.ROOT, "peak %.0f MB in use, at most %.0f MB live after a collection,"
        + " heap %.0f MB; %d pauses, %.0f ms in all, longest %.1f ms%s", peakUsedMb, maxAfterMb, capacityMb, pauses,
        pauseTotalMs, pauseMaxMs, outOfMemory ? "; the heap ran full (to-space exhausted or a full GC)" : "");
  }
}
