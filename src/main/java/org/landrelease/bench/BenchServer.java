package org.landrelease.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service under test, in a child JVM of its own (java -Xmx.. -jar landrelease.jar serve --empty), so that its heap,
 * start-up and CPU are its own and the benchmark talks to it only over HTTP, as a client would.
 */
final class BenchServer implements AutoCloseable {
  private static final long READY_TIMEOUT_MS = 180_000;
  private static final Pattern USED = Pattern.compile("used (\\d+)K");
  /** Services started by this benchmark so far: "{start}" in a JVM option becomes this number (JFR files, GC logs). */
  private static final java.util.concurrent.atomic.AtomicInteger STARTS = new java.util.concurrent.atomic.AtomicInteger();

  private final Process process;
  private final int port;
  private final Path log;
  private final long startupMs;

  private final Thread stopChild;

  private BenchServer(Process process, int port, Path log, long startupMs, Thread stopChild) {
    this.stopChild = stopChild;
    this.process = process;
    this.port = port;
    this.log = log;
    this.startupMs = startupMs;
  }

  /** Starts the service on the H2 database directory and returns once GET /api/stats/summary answers 200. */
  static BenchServer start(Path jar, Path db, String heap, List<String> jvmOptions, Path log) throws Exception {
    return start(jar, new BenchDatabase.H2(db), heap, jvmOptions, log);
  }

  /** Starts the service on the database and returns once GET /api/stats/summary answers 200. */
  static BenchServer start(Path jar, BenchDatabase db, String heap, List<String> jvmOptions, Path log)
      throws Exception {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.createDirectories(log.getParent());
    long t0 = System.nanoTime();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap));
    String start = String.valueOf(STARTS.incrementAndGet());
    jvmOptions.forEach(o -> command.add(o.replace("{start}", start)));
    command.addAll(List.of("-jar", jar.toString(), "serve", "--empty"));
    command.addAll(db.serviceArgs());
    command.addAll(List.of("--port", String.valueOf(port)));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().clear();
    pb.environment().putAll(db.serviceEnv());
    Process p = pb.start();
    // a bench stopped by a signal must not leave its service children running (and holding the database)
    Thread stopChild = new Thread(p::destroy, "bench-stop-service-" + port);
    Runtime.getRuntime().addShutdownHook(stopChild);
    BenchHttp http = new BenchHttp(URI.create("http://localhost:" + port + "/"));
    while (true) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the service exited with " + p.exitValue() + " before answering; see "
            + log + ":\n" + tail(log));
      }
      try {
        if (http.get("api/stats/summary").status() == 200) {
          break;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if ((System.nanoTime() - t0) / 1_000_000 > READY_TIMEOUT_MS) {
        p.destroyForcibly();
        throw new IllegalStateException("the service did not answer within " + READY_TIMEOUT_MS + " ms; see " + log);
      }
      Thread.sleep(20);
    }
    return new BenchServer(p, port, log, (System.nanoTime() - t0) / 1_000_000, stopChild);
  }

  URI base() {
    return URI.create("http://localhost:" + port + "/");
  }

  long pid() {
    return process.pid();
  }

  /** From starting the JVM to the first answer of the API, in ms. */
  long startupMs() {
    return startupMs;
  }

  /** Heap in use after a full GC, MB (jcmd GC.run, then GC.heap_info). */
  double heapUsedAfterGcMb() throws Exception {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = USED.matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("no 'used' figure in jcmd GC.heap_info:\n" + info);
    }
    return Long.parseLong(m.group(1)) / 1024.0;
  }

  /** Resident set size of the service's process, MB, or NaN where /proc is absent. */
  double residentMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: leave it out
    }
    return Double.NaN;
  }

  /** Bytes the service's process has sent to storage so far (write_bytes of /proc/PID/io), or -1 where absent. */
  long storageWrittenBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "io"))) {
        if (line.startsWith("write_bytes:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: leave it out
    }
    return -1;
  }

  private String jcmd(String command) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process p = new ProcessBuilder(jcmd, String.valueOf(pid()), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed:\n" + out);
    }
    return out;
  }

  /** Stops the service as an operator would (SIGTERM: its shutdown hook closes the database). */
  @Override
  public void close() throws InterruptedException {
    try {
      Runtime.getRuntime().removeShutdownHook(stopChild);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
