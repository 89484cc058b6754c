package org.landrelease.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.landrelease.config.ArgumentException;
import org.landrelease.config.Arguments;
import org.landrelease.config.Command;
import org.landrelease.config.Config;
import org.landrelease.config.Option;
import org.landrelease.domain.Account;
import org.landrelease.files.FileFormat;
import org.landrelease.service.Json;
import org.landrelease.service.ZoningService;
import org.landrelease.store.Database;
import org.landrelease.store.Dialect;
import org.landrelease.store.LedgerStore;
import org.landrelease.store.ZoningStore;

/**
 * zoning load NAME FILE, zoning list, zoning delete NAME: on the database of a stopped service (H2 locks its file
 * while the service runs: then use POST /api/zonings), or on PostgreSQL beside running instances, through the same
 * ZoningService as the API: the back-fill holds the ledger lock, and other instances pick the zoning up before their
 * next write. Options: {@link #COMMAND} (landrelease zoning --help).
 */
public final class ZoningCommand {
  enum Action { LOAD, LIST, DELETE }

  static final Option<Action> ACTION = Option.positional(Option.choice("action", "load, list or delete",
      Action.class, null).required());
  static final Option<String> NAME = Option.positional(Option.string("name",
      "the zoning's name, e.g. raion, hromada, landcover (load, delete)", null));
  static final Option<Path> FILE = Option.positional(Option.path("file",
      "GeoJSON, GeoPackage or zipped Shapefile of the zones (load)", null));
  static final Option<String> CODE_FIELD = Option.string("code-field", "the field holding each zone's code", "code")
      .shownAs("FIELD");
  static final Option<String> NAME_FIELD = Option.string("name-field", "the field holding each zone's name", null)
      .shownAs("FIELD");
  static final Option<String> CLASS_FIELD = Option.string("class-field",
      "the field holding each zone's class (land cover)", null).shownAs("FIELD");
  static final Option<String> TITLE = Option.string("title", "the zoning's title", null).shownAs("TEXT");
  static final Option<String> SOURCE = Option.string("source", "where the boundaries come from, and their licence",
      null).shownAs("TEXT");
  static final Option<Boolean> SYNTHETIC = Option.flag("synthetic", "the zones are made up (shown as such)");
  static final Option<String> LAYER = Option.string("layer", "the GeoPackage table; by default the only one", null)
      .shownAs("TABLE");
  static final Option<String> FORMAT = Option.string("format", "geojson, gpkg or shp; by default from the file",
      null).shownAs("FORMAT");
  static final Option<Boolean> DRY_RUN = Option.flag("dry-run", "read and check the zones; store nothing");

  public static final Command COMMAND = new Command("zoning", """
      Loads (or replaces), lists or deletes a zoning: a polygon layer every piece of the ledger is split by, beside
      the regions. Loading splits the pieces that exist (back-fill, with progress on stderr).""",
      Config.concat(List.of(ACTION, NAME, FILE, CODE_FIELD, NAME_FIELD, CLASS_FIELD, TITLE, SOURCE, SYNTHETIC,
          LAYER, FORMAT, DRY_RUN), Config.STORE));

  private ZoningCommand() {}

  public static void main(String[] args) throws Exception {
    Arguments a = COMMAND.parse(args);
    Action action = a.get(ACTION);
    String name = a.get(NAME);
    if (action != Action.LIST && name == null) {
      throw new ArgumentException("zoning " + action.name().toLowerCase(java.util.Locale.ROOT) + " needs NAME");
    }
    Path file = a.get(FILE);
    if (action == Action.LOAD && (file == null || !Files.isRegularFile(file))) {
      throw new ArgumentException(file == null ? "zoning load needs FILE" : "zoning load: no file " + file);
    }
    try (Database db = AdminCommands.open(a)) {
      ZoningService zonings = new ZoningService(new ZoningStore(db), new LedgerStore(db), db.lock(),
          db.dialect() == Dialect.POSTGIS, Clock.systemUTC());
      zonings.reload();
      var out = Json.mapper().writerWithDefaultPrettyPrinter();
      switch (action) {
        case LIST -> System.out.println(out.writeValueAsString(zonings.list()));
        case DELETE -> {
          zonings.delete(name);
          System.out.println("Deleted zoning '" + name + "' and its splits");
        }
        case LOAD -> {
          FileFormat format = a.get(FORMAT) != null ? FileFormat.named(a.get(FORMAT)) : FileFormat.sniff(file);
          long t0 = System.nanoTime();
          ZoningService.LoadReport report = zonings.load(file, new ZoningService.LoadRequest(name, a.get(TITLE),
              a.get(SYNTHETIC), a.get(SOURCE), format, a.get(LAYER), a.get(CODE_FIELD), a.get(NAME_FIELD),
              a.get(CLASS_FIELD), a.get(DRY_RUN)), Account.system("cli:" + System.getProperty("user.name")),
              (zoning, pieces) -> System.err.printf("%s: %,d pieces split (%.1f s)%n", zoning, pieces,
                  (System.nanoTime() - t0) / 1e9));
          System.out.println(out.writeValueAsString(report));
        }
      }
    }
  }
}
