package org.landrelease.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.landrelease.LedgerApp;
import org.landrelease.config.ArgumentException;
import org.landrelease.config.Arguments;
import org.landrelease.config.Command;
import org.landrelease.config.Config;
import org.landrelease.config.Option;
import org.landrelease.domain.LedgerException;
import org.landrelease.files.FileFormat;
import org.landrelease.files.Upload;
import org.landrelease.service.Json;
import org.landrelease.service.transfer.ImportReport;
import org.landrelease.service.transfer.ImportService;

/**
 * import FILE --mapping mapping.json [--dry-run] ...: the import of POST /api/imports, in process against the database
 * directory (stop the service first: H2 locks the file). Options: {@link #COMMAND} (landrelease import --help).
 */
public final class ImportCommand {
  static final Option<Path> FILE = Option.positional(Option.path("file",
      "the file: GeoPackage, zipped Shapefile, GeoJSON or CSV", null)).required();
  static final Option<Path> MAPPING = Option.path("mapping",
      "the mapping of the file's fields to the event's, JSON (as the mapping parameter of POST /api/imports)", null)
      .required().shownAs("FILE");
  static final Option<Boolean> DRY_RUN = Option.flag("dry-run", "read, map and validate only; store nothing");
  static final Option<String> FORMAT = Option.string("format",
      "the file's format; by default from its first bytes", null)
      .shownAs("gpkg|shp|geojson|csv");
  static final Option<String> LAYER = Option.string("layer", "the GeoPackage table; by default the only one", null)
      .shownAs("TABLE");
  static final Option<String> CRS = Option.string("crs",
      "the coordinates' CRS where the file does not say (CSV), e.g. EPSG:32636", null).shownAs("EPSG:n");
  public static final Command COMMAND = new Command("import", """
      Imports a file of field polygons as events awaiting review, as POST /api/imports does, in process against the
      database of a stopped service (H2 locks its file while the service runs). A progress bar goes to stderr, the
      report (JSON) to stdout.""", Config.concat(List.of(FILE, MAPPING, DRY_RUN, FORMAT, LAYER, CRS), Config.STORE));

  private ImportCommand() {}

  public static void main(String[] args) throws Exception {
    Arguments a = COMMAND.parse(args);
    Path file = a.get(FILE);
    Path mapping = a.get(MAPPING);
    for (Path p : List.of(file, mapping)) {
      if (!Files.isRegularFile(p)) {
        throw new ArgumentException("no file " + p);
      }
    }
    String format = a.get(FORMAT);
    ObjectMapper mapper = Json.mapper();
    try (LedgerApp app = LedgerApp.start(Config.defaults().withStore(a).inProcess("127.0.0.1", 0))) {
      ImportService imports = new ImportService(app.ledger(), mapper);
      Upload upload = Upload.of(file);
      FileFormat f = format == null ? FileFormat.sniff(file) : FileFormat.named(format);
      long t0 = System.nanoTime();
      ImportReport report = imports.run(file, upload.sha256(), new ImportService.ImportRequest(f,
          mapper.readTree(Files.readString(mapping)), a.get(DRY_RUN), a.get(LAYER), a.get(CRS)),
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
