package org.landrelease.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.landrelease.LedgerApp;
import org.landrelease.config.Config;
import org.landrelease.domain.LedgerException;
import org.landrelease.files.FileFormat;
import org.landrelease.files.Upload;
import org.landrelease.service.Json;
import org.landrelease.service.transfer.ImportReport;
import org.landrelease.service.transfer.ImportService;

/**
 * import FILE --mapping mapping.json [--dry-run] [--format F] [--layer L] [--crs EPSG:n] [--db DIR]: the import of
 * POST /api/imports, in process against the database directory (stop the service first: H2 locks the file). A
 * progress bar goes to stderr, the report (JSON) to stdout.
 */
public final class ImportCommand {
  private ImportCommand() {}

  public static void main(String[] args) throws Exception {
    Path file = null, mapping = null;
    String format = null, layer = null, crs = null;
    boolean dryRun = false;
    java.util.List<String> serverArgs = new java.util.ArrayList<>(java.util.List.of("--port", "0", "--empty",
        "--host", "127.0.0.1"));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--mapping" -> mapping = Path.of(args[++i]);
        case "--dry-run" -> dryRun = true;
        case "--format" -> format = args[++i];
        case "--layer" -> layer = args[++i];
        case "--crs" -> crs = args[++i];
        case "--db" -> {
          serverArgs.add("--db");
          serverArgs.add(args[++i]);
        }
        default -> file = Path.of(args[i]);
      }
    }
    if (file == null || mapping == null) {
      System.err.println("usage: landrelease import FILE --mapping mapping.json [--dry-run] [--format gpkg|shp|"
          + "geojson|csv] [--layer L] [--crs EPSG:n] [--db DIR]");
      System.exit(2);
    }
    ObjectMapper mapper = Json.mapper();
    try (LedgerApp app = LedgerApp.start(Config.defaults().withArguments(serverArgs.toArray(String[]::new)))) {
      ImportService imports = new ImportService(app.ledger(), mapper);
      Upload upload = Upload.of(file);
      FileFormat f = format == null ? FileFormat.sniff(file) : FileFormat.named(format);
      long t0 = System.nanoTime();
      ImportReport report = imports.run(file, upload.sha256(), new ImportService.ImportRequest(f,
          mapper.readTree(Files.readString(mapping)), dryRun, layer, crs),
          org.landrelease.domain.Account.system("import"), ImportCommand::progress);
      System.err.printf("%n%d features in %.1f s: %d created, %d replayed, %d valid, %d known, %d refused%n",
          report.featureCount(), (System.nanoTime() - t0) / 1e9, report.created(), report.replayed(), report.valid(),
          report.known(), report.refused());
      mapper.writerWithDefaultPrettyPrinter().writeValue(System.out, report);
    } catch (LedgerException e) {
      System.err.println("import refused (" + e.slug() + "): " + e.getMessage());
      System.exit(1);
    }
  }

  private static void progress(int done, int total) {
    if (done == total || done % Math.max(1, total / 100) == 0) {
      int width = 40, filled = (int) ((long) width * done / Math.max(1, total));
      System.err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
    }
  }
}
