package org.landrelease.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much of the machine other processes took during a measurement. The benchmark shares its cores with whatever
 * else runs (a test suite, a demo loader): a figure taken while others used a core is not the service's own.
 */
final class BenchCpu {
  /** Linux clock ticks per second (USER_HZ), 100 on every mainstream kernel. */
  private static final double TICKS_PER_S = 100;

  /** Busy ticks of the whole machine and of the benchmark's own processes, at a moment. */
  record Sample(long nanos, long machineBusyTicks, long ownTicks) {}

  private BenchCpu() {}

  /**
   * The database server whose CPU counts as the benchmark's own (the postmaster of the bench's own PostgreSQL
   * cluster, 0 for none): its backends do the service's SQL. A database given by --db-url is not known, and counts
   * among the others.
   */
  private static volatile long databaseServer;

  static void databaseServer(long postmasterPid) {
    databaseServer = postmasterPid;
  }

  /** A sample counting this JVM and the given processes as the benchmark's own; null where /proc is absent. */
  static Sample sample(long... ownPids) {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // user nice system idle iowait irq softirq steal: all but idle and iowait are busy
      long busy = 0;
      for (int i = 1; i <= 8 && i < cpu.length; i++) {
        busy += i == 4 || i == 5 ? 0 : Long.parseLong(cpu[i]);
      }
      long own = ticks(ProcessHandle.current().pid());
      for (long pid : ownPids) {
        own += ticks(pid);
      }
      own += databaseServer == 0 ? 0 : treeTicks(databaseServer);
      return new Sample(System.nanoTime(), busy, own);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Cores used on average by other processes between the samples; NaN when unknown. */
  static double otherCores(Sample a, Sample b) {
    if (a == null || b == null) {
      return Double.NaN;
    }
    double seconds = (b.nanos() - a.nanos()) / 1e9;
    long others = (b.machineBusyTicks() - a.machineBusyTicks()) - (b.ownTicks() - a.ownTicks());
    return Math.max(0, others / TICKS_PER_S / seconds);
  }

  /**
   * A server and its children: its own ticks, those of its children that have ended (cutime + cstime), and those of
   * the children still running (PostgreSQL's backends are children of the postmaster).
   */
  private static long treeTicks(long root) throws IOException {
    long total = 0;
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path dir : procs.toList()) {
        String name = dir.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String stat = Files.readString(dir.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long pid = Long.parseLong(name);
          if (pid == root) {
            total += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
          } else if (Long.parseLong(f[1]) == root) {
            total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        } catch (IOException | RuntimeException gone) {
          // the process ended while the list was read
        }
      }
    }
    return total;
  }

  /** utime + stime of a process, from /proc/PID/stat (fields 14 and 15, after the parenthesised name). */
  private static long ticks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
