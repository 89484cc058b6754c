package org.landrelease.http;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service in a child JVM (java org.landrelease.Main serve), as an operator starts it: for tests that kill it with
 * kill -9. The environment chooses the store (LEDGER_DB_URL and LEDGER_DB_USER for PostgreSQL).
 *
 * @param adminToken the administrator token printed at the first start of an empty ledger, else null
 */
public record ChildService(Process process, int port, String adminToken) {
  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)/");
  private static final Pattern ADMIN_TOKEN = Pattern.compile("ADMIN\\s+\\S+\\s+(lr_\\S+)");

  public static ChildService start(Path db, Map<String, String> environment) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "org.landrelease.Main", "serve", "--empty", "--db", db.toString(), "--port", "0", "--host", "127.0.0.1")
        .redirectErrorStream(true);
    pb.environment().putAll(environment);
    Process p = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    String token = null;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      Matcher t = ADMIN_TOKEN.matcher(line);
      if (t.find()) {
        token = t.group(1);
      }
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> {
          try {
            while (out.readLine() != null) {
              // keep the pipe empty so the child never blocks on its log
            }
          } catch (Exception ignored) {
            // the child was killed
          }
        });
        drain.setDaemon(true);
        drain.start();
        return new ChildService(p, Integer.parseInt(m.group(1)), token);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("the child service did not start");
  }

  /** kill -9: no shutdown hook, no clean close of the database. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }
}
