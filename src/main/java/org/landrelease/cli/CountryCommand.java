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
import org.landrelease.service.CountryService;
import org.landrelease.service.FundingService;
import org.landrelease.service.Json;
import org.landrelease.service.LedgerService;
import org.landrelease.service.LedgerTotals;
import org.landrelease.service.ZoningService;
import org.landrelease.store.CountryStore;
import org.landrelease.store.Database;
import org.landrelease.store.Dialect;
import org.landrelease.store.EventStore;
import org.landrelease.store.FundingStore;
import org.landrelease.store.LedgerStore;
import org.landrelease.store.ZoningStore;

/**
 * country load CODE FILE, country list: on the database of a stopped service (H2 locks its file while the service
 * runs: then use POST /api/countries/CODE), or on PostgreSQL beside running instances, through the same
 * CountryService as the API: the re-split holds the ledger lock, and other instances pick the regions up before their
 * next write. Options: {@link #COMMAND} (landrelease country --help).
 */
public final class CountryCommand {
  enum Action { LOAD, LIST }

  static final Option<Action> ACTION = Option.positional(Option.choice("action", "load or list", Action.class, null)
      .required());
  static final Option<String> CODE = Option.positional(Option.string("code",
      "the country's ISO 3166-1 alpha-2 code, e.g. LB (load)", null));
  static final Option<Path> FILE = Option.positional(Option.path("file",
      "GeoJSON, GeoPackage or zipped Shapefile of the first-level regions (load)", null));
  static final Option<String> NAME = Option.string("name",
      "the country's name in English; by default the file's top-level \"country\" block", null).shownAs("TEXT");
  static final Option<String> NAME_UK = Option.string("name-uk", "the country's name in Ukrainian", null)
      .shownAs("TEXT");
  static final Option<String> CODE_FIELD = Option.string("code-field",
      "the field holding each region's code (Natural Earth: iso_3166_2)", "code").shownAs("FIELD");
  static final Option<String> NAME_FIELD = Option.string("name-field", "the field holding each region's name",
      "name").shownAs("FIELD");
  static final Option<String> NAME_UK_FIELD = Option.string("name-uk-field",
      "the field holding each region's Ukrainian name", null).shownAs("FIELD");
  static final Option<String> COUNTRY_FIELD = Option.string("country-field",
      "load only the features whose field equals CODE (Natural Earth's whole-world file: iso_a2)", null)
      .shownAs("FIELD");
  static final Option<String> SOURCE = Option.string("source", "where the boundaries come from, and their licence",
      null).shownAs("TEXT");
  static final Option<Boolean> SYNTHETIC = Option.flag("synthetic", "a made-up country scenario (shown as such)");
  static final Option<String> LAYER = Option.string("layer", "the GeoPackage table; by default the only one", null)
      .shownAs("TABLE");
  static final Option<String> FORMAT = Option.string("format", "geojson, gpkg or shp; by default from the file",
      null).shownAs("FORMAT");
  static final Option<Boolean> DRY_RUN = Option.flag("dry-run",
      "read and check the regions, show them with their areas; store nothing");

  public static final Command COMMAND = new Command("country", """
      Loads (or replaces) a country's first-level regions, or lists the countries. Replacing a country re-splits its
      pieces by the new regions and leaves every other country as it is.""",
      Config.concat(List.of(ACTION, CODE, FILE, NAME, NAME_UK, CODE_FIELD, NAME_FIELD, NAME_UK_FIELD, COUNTRY_FIELD,
          SOURCE, SYNTHETIC, LAYER, FORMAT, DRY_RUN), Config.STORE));

  private CountryCommand() {}

  public static void main(String[] args) throws Exception {
    Arguments a = COMMAND.parse(args);
    Action action = a.get(ACTION);
    Path file = a.get(FILE);
    if (action == Action.LOAD && (a.get(CODE) == null || file == null || !Files.isRegularFile(file))) {
      throw new ArgumentException(a.get(CODE) == null || file == null ? "country load needs CODE and FILE"
          : "country load: no file " + file);
    }
    try (Database db = AdminCommands.open(a)) {
      boolean shared = db.dialect() == Dialect.POSTGIS;
      CountryStore countryStore = new CountryStore(db);
      LedgerStore store = new LedgerStore(db);
      var out = Json.mapper().writerWithDefaultPrettyPrinter();
      if (action == Action.LIST) {
        System.out.println(out.writeValueAsString(countryStore.countries()));
        return;
      }
      ZoningService zonings = new ZoningService(new ZoningStore(db), store, db.lock(), shared, Clock.systemUTC());
      zonings.reload();
      long version = countryStore.version();
      LedgerService ledger = new LedgerService(store, new EventStore(db), new FundingService(new FundingStore(db),
          db.lock()), CountryService.index(countryStore), new LedgerTotals(), db.lock(), Clock.systemUTC(), zonings);
      CountryService countries = new CountryService(countryStore, store, ledger, new LedgerTotals(), zonings,
          db.lock(), shared, Clock.systemUTC());
      countries.started(version);
      FileFormat format = a.get(FORMAT) != null ? FileFormat.named(a.get(FORMAT)) : FileFormat.sniff(file);
      var report = countries.load(file, new CountryService.LoadRequest(a.get(CODE), a.get(NAME), a.get(NAME_UK),
          a.get(SYNTHETIC), a.get(SOURCE), format, a.get(LAYER), a.get(CODE_FIELD), a.get(NAME_FIELD),
          a.get(NAME_UK_FIELD), a.get(COUNTRY_FIELD), a.get(DRY_RUN)),
          Account.system("cli:" + System.getProperty("user.name")));
      System.out.println(out.writeValueAsString(report));
    }
  }
}
