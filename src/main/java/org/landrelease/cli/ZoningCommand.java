package org.landrelease.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.landrelease.config.Config;
import org.landrelease.domain.Account;
import org.landrelease.files.FileFormat;
import org.landrelease.service.Json;
import org.landrelease.service.ZoningService;
import org.landrelease.store.Database;
import org.landrelease.store.LedgerStore;
import org.landrelease.store.ZoningStore;

/**
 * zoning load NAME FILE [--code-field F] [--name-field F] [--class-field F] [--title T] [--source S] [--synthetic]
 * [--layer L] [--format F] [--dry-run]; zoning list; zoning delete NAME. Each takes [--db DIR] or [--db-url URL].
 * On the database of a stopped service (H2 locks its file while the service runs: then use POST /api/zonings), or
 * on PostgreSQL beside running instances, through the same ZoningService as the API: the back-fill holds the
 * ledger lock, and other instances pick the zoning up before their next write.
 */
public final class ZoningCommand {
  private static final Set<String> VALUED = Set.of("code-field", "name-field", "class-field", "title", "source",
      "layer", "format", "db", "db-url");
  private static final Set<String> FLAGS = Set.of("synthetic", "dry-run");

  private ZoningCommand() {}

  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        positional.add(a);
      } else if (FLAGS.contains(a.substring(2))) {
        o.put(a.substring(2), "true");
      } else if (VALUED.contains(a.substring(2)) && i + 1 < args.length) {
        o.put(a.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option '" + a + "'; zoning takes " + VALUED + " with a value and "
            + FLAGS);
      }
    }
    String action = positional.isEmpty() ? "" : positional.get(0);
    Path dbDir = Path.of(o.getOrDefault("db", Config.defaults().databaseDir().toString()));
    try (Database db = AdminCommands.open(dbDir, o.get("db-url"))) {
      ZoningService zonings = new ZoningService(new ZoningStore(db), new LedgerStore(db), db.lock(),
          db.dialect() == org.landrelease.store.Dialect.POSTGIS, Clock.systemUTC());
      zonings.reload();
      var out = Json.mapper().writerWithDefaultPrettyPrinter();
      switch (action) {
        case "list" -> System.out.println(out.writeValueAsString(zonings.list()));
        case "delete" -> {
          zonings.delete(arg(positional, 1, "NAME"));
          System.out.println("Deleted zoning '" + positional.get(1) + "' and its splits");
        }
        case "load" -> {
          Path file = Path.of(arg(positional, 2, "FILE"));
          if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no file " + file);
          }
          FileFormat format = o.containsKey("format") ? FileFormat.named(o.get("format")) : FileFormat.sniff(file);
          long t0 = System.nanoTime();
          ZoningService.LoadReport report = zonings.load(file, new ZoningService.LoadRequest(positional.get(1),
              o.get("title"), o.containsKey("synthetic"), o.get("source"), format, o.get("layer"),
              o.getOrDefault("code-field", "code"), o.get("name-field"), o.get("class-field"),
              o.containsKey("dry-run")), Account.system("cli:" + System.getProperty("user.name")),
              (zoning, pieces) -> System.err.printf("%s: %,d pieces split (%.1f s)%n", zoning, pieces,
                  (System.nanoTime() - t0) / 1e9));
          System.out.println(out.writeValueAsString(report));
        }
        default -> throw new IllegalArgumentException(
            "usage: zoning load NAME FILE [--code-field F --name-field F --class-field F --title T --source S "
                + "--synthetic --layer L --format F --dry-run] | zoning list | zoning delete NAME; with --db DIR or "
                + "--db-url URL");
      }
    }
  }

  private static String arg(List<String> positional, int i, String what) {
    if (positional.size() <= i) {
      throw new IllegalArgumentException("zoning " + positional.get(0) + " needs " + what);
    }
    return positional.get(i);
  }
}
