package org.landrelease.service;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.landrelease.domain.Account;
import org.landrelease.domain.Country;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.PieceRow;
import org.landrelease.files.FileFormat;
import org.landrelease.geometry.RegionIndex;
import org.landrelease.geometry.RegionPart;
import org.landrelease.geometry.RegionShape;
import org.landrelease.geometry.ZoneShape;
import org.landrelease.geometry.ZoningCheck;
import org.landrelease.store.CountryStore;
import org.landrelease.store.CountryStore.StoredPiece;
import org.landrelease.store.LedgerLock;
import org.landrelease.store.LedgerStore;
import org.landrelease.store.ZoningStore;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The countries of the ledger and their first-level regions. One region index holds every country's regions, so an
 * event's footprint is split by country as it is by region; loading or replacing a country re-splits the pieces of
 * that country (and the land outside every region) by the new index, in one transaction under the write lock, and
 * leaves every other country's pieces as they are. Instances on one database follow by the region version.
 */
public final class CountryService {
  private static final Logger LOG = LoggerFactory.getLogger(CountryService.class);
  /** Grid of the region index, in degrees: cells of about 20 km. */
  public static final double CELL_DEGREES = 0.2;
  private static final int BATCH = 2_000;

  /** What to load: the country, and for a file which of its fields hold each region's code and names. */
  public record LoadRequest(String code, String name, String nameUk, boolean synthetic, String source,
      FileFormat format, String layer, String codeField, String nameField, String nameUkField, String countryField,
      boolean dryRun) {}

  public record RegionRow(String code, String name, String nameUk, double areaKm2) {}

  /** What a re-split did: pieces read, pieces cut anew (each written again as its parts), lists of regions changed. */
  public record Resplit(long piecesRead, long piecesCut, long partsWritten, long eventsUpdated, long hazardsUpdated) {}

  /**
   * The answer to a load or a dry run. problems refuse a load; warnings do not (overlaps between a country's own
   * regions are given to the region first in code order, as the region index always has).
   */
  public record LoadReport(String country, String name, boolean dryRun, boolean stored, String crs, int regionCount,
      double areaKm2, List<ZoningCheck.Problem> problems, List<ZoningCheck.Problem> warnings, List<RegionRow> regions,
      Resplit resplit, long ms) {}

  public record CountryDetail(Country country, List<RegionRow> regions) {}

  private final CountryStore store;
  private final LedgerStore ledger;
  private final LedgerService service;
  private final LedgerTotals totals;
  private final ZoningService zonings;
  private final LedgerLock lock;
  private final boolean shared;
  private final Clock clock;
  private volatile long version = -1;

  public CountryService(CountryStore store, LedgerStore ledger, LedgerService service, LedgerTotals totals,
      ZoningService zonings, LedgerLock lock, boolean shared, Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.service = service;
    this.totals = totals;
    this.zonings = zonings;
    this.lock = lock;
    this.shared = shared;
    this.clock = clock;
    service.regionCheck(this::catchUp);
  }

  /** The region index of the database's regions (start-up, before the service exists), with their version. */
  public static RegionIndex index(CountryStore store) throws SQLException {
    return new RegionIndex(store.regions(), CELL_DEGREES);
  }

  /** What start-up has of the regions: the index, the version it was built from, and whether the file seeded it. */
  public record Indexed(RegionIndex index, long version, boolean seeded) {}

  /** Start-up: seeds the boundary file's country into a ledger without any, then indexes the database's regions. */
  public static Indexed start(CountryStore store, LedgerStore ledger, LedgerLock lock, Path regionsFile, Clock clock)
      throws Exception {
    boolean seeded = seed(store, ledger, lock, regionsFile, clock);
    long version = store.version();
    return new Indexed(index(store), version, seeded);
  }

  /**
   * Start-up: a ledger with no country yet gets the one of the boundary file (Ukraine's, by default), and every grant
   * that names no country comes to cover it. Returns whether it loaded.
   */
  public static boolean seed(CountryStore store, LedgerStore ledger, LedgerLock lock, Path regionsFile, Clock clock)
      throws Exception {
    lock.lock();
    try {
      if (!store.countriesForWrite().isEmpty()) {
        return false;
      }
      CountryFile.Seed seed = CountryFile.readBoundaries(regionsFile);
      Country country = new Country(seed.code(), seed.name(), seed.nameUk(), false, seed.source(), clock.instant(),
          "system", seed.regions().size(), 0);
      ledger.inTransaction(() -> {
        store.replace(country, seed.regions());
        store.grantsWithoutCountry(seed.code());
      });
      LOG.info("country {} ({}) loaded from {}: {} regions", seed.code(), seed.name(), regionsFile,
          seed.regions().size());
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The version of the regions the ledger service's index was built from (read before them). */
  public void started(long indexVersion) {
    version = indexVersion;
  }

  public List<Country> list() throws SQLException {
    return store.countries();
  }

  /** The codes of the countries loaded, in code order. */
  public List<String> codes() {
    return Country.codesOf(service.regions().regions().stream().map(RegionShape::code).toList());
  }

  /** A 404 unless the country is loaded; its code as the ledger writes it. */
  public String known(String code) {
    String c = Country.parseCode(code);
    if (!codes().contains(c)) {
      throw LedgerException.notFound("no country '" + c + "' in the ledger; it has " + codes())
          .with("country.unknown", "code", c, "known", String.join(", ", codes()));
    }
    return c;
  }

  public CountryDetail detail(String code) throws SQLException {
    String c = Country.parseCode(code);
    Country country = list().stream().filter(k -> k.code().equals(c)).findFirst()
        .orElseThrow(() -> LedgerException.notFound("no country '" + c + "' in the ledger; it has " + codes())
            .with("country.unknown", "code", c, "known", String.join(", ", codes())));
    List<RegionRow> rows = service.regions().regions().stream().filter(r -> c.equals(Country.ofRegion(r.code())))
        .map(CountryService::row).toList();
    return new CountryDetail(country, rows);
  }

  private static RegionRow row(RegionShape r) {
    return new RegionRow(r.code(), r.name(), r.nameUk(), Km2.of(r.areaM2()));
  }

  /** Loads (or, with dryRun, checks) a country's regions from a GeoJSON, GeoPackage or zipped Shapefile. */
  public LoadReport load(Path file, LoadRequest r, Account actor) throws Exception {
    long t0 = System.nanoTime();
    String code = Country.parseCode(r.code());
    r = CountryFile.namesFromFile(file, r);
    CountryFile.Read read = CountryFile.read(file, code, r);
    return store(read, r, code, actor, t0);
  }

  /** Loads regions made in the service itself (tests, the demo) as a file's would be. */
  public LoadReport load(List<RegionShape> regions, LoadRequest r, Account actor) throws Exception {
    long t0 = System.nanoTime();
    String code = Country.parseCode(r.code());
    return store(CountryFile.check(code, regions.stream().map(s -> new ZoneShape(s.code(), s.name(), s.nameUk(),
        s.geometry(), s.areaM2())).toList(), List.of(), "EPSG:4326"), r, code, actor, t0);
  }

  private LoadReport store(CountryFile.Read read, LoadRequest r, String code, Account actor, long t0)
      throws Exception {
    List<RegionRow> rows = read.regions().stream().map(CountryService::row).toList();
    double km2 = Km2.of(read.regions().stream().mapToDouble(RegionShape::areaM2).sum());
    if (r.name() == null || r.name().isBlank()) {
      throw LedgerException.badRequest("missing-parameter", "'name' is required: the country's name in English")
          .with("country.nameRequired");
    }
    if (r.dryRun()) {
      return new LoadReport(code, r.name(), true, false, read.crs(), rows.size(), km2, read.problems(),
          read.warnings(), rows, null, ms(t0));
    }
    if (!read.problems().isEmpty()) {
      ZoningCheck.Problem first = read.problems().get(0);
      StringBuilder detail = new StringBuilder("the regions are refused, nothing was stored: ");
      read.problems().stream().limit(5).forEach(p -> detail.append(p.detail()).append("; "));
      if (read.problems().size() > 5) {
        detail.append("and ").append(read.problems().size() - 5).append(" more (see a dry run)");
      }
      throw new LedgerException(LedgerException.Kind.UNPROCESSABLE, first.kind(), detail.toString().strip(),
          first.coordinate()).with("country.refused", "problems", detail.substring(detail.indexOf(": ") + 2).strip());
    }
    Country country = new Country(code, r.name().strip(), r.nameUk() == null ? null : r.nameUk().strip(),
        r.synthetic(), r.source(), clock.instant(), actor.name(), rows.size(), km2);
    Resplit resplit;
    lock.lock();
    try {
      catchUp();
      List<RegionShape> all = new ArrayList<>(service.regions().regions().stream()
          .filter(s -> !code.equals(Country.ofRegion(s.code()))).toList());
      all.addAll(read.regions());
      all.sort(Comparator.comparing(RegionShape::code));
      RegionIndex index = new RegionIndex(all, CELL_DEGREES);
      Envelope extent = new Envelope();
      read.regions().forEach(s -> extent.expandToInclude(s.geometry().getEnvelopeInternal()));
      service.regions().regions().stream().filter(s -> code.equals(Country.ofRegion(s.code())))
          .forEach(s -> extent.expandToInclude(s.geometry().getEnvelopeInternal()));
      Resplit[] done = new Resplit[1];
      long[] newVersion = new long[1];
      ledger.inTransaction(() -> {
        newVersion[0] = store.replace(country, read.regions());
        if (store.countriesForWrite().size() == 1) {
          store.grantsWithoutCountry(code);
        }
        done[0] = resplit(code, index, extent);
      });
      resplit = done[0];
      service.useRegions(index);
      version = newVersion[0];
      reloadTotals();
      zonings.reload();
    } finally {
      lock.unlock();
    }
    LOG.info("country {} loaded: {} regions, {} pieces cut anew into {}, {} events and {} hazards relisted, {} ms",
        code, rows.size(), resplit.piecesCut(), resplit.partsWritten(), resplit.eventsUpdated(),
        resplit.hazardsUpdated(), ms(t0));
    return new LoadReport(code, country.name(), false, true, read.crs(), rows.size(), km2, List.of(),
        read.warnings(), rows, resplit, ms(t0));
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /**
   * Cuts the pieces of the country and those outside every region anew by the new index, in the open transaction:
   * a piece whose land now lies in other regions is written again as its parts (the same event, hazard, kind,
   * date, partner, grant, land use and reversal; the signed area split as the index splits), and the region lists of
   * the events and hazards whose land meets the country are made again.
   */
  private Resplit resplit(String code, RegionIndex index, Envelope extent) throws SQLException {
    long upTo = store.maxPieceId();
    long after = 0;
    long read = 0;
    long cut = 0;
    long written = 0;
    while (true) {
      List<StoredPiece> batch = store.piecesOf(code, after, upTo, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      after = batch.get(batch.size() - 1).id();
      read += batch.size();
      List<Long> gone = new ArrayList<>();
      List<StoredPiece> parts = new ArrayList<>();
      for (StoredPiece p : batch) {
        double sign = Math.signum(p.m2()) < 0 ? -1 : 1;
        List<RegionPart> split = index.split(p.geometry(), Math.abs(p.m2()));
        if (split.size() == 1 && split.get(0).code().equals(p.region())) {
          continue;
        }
        gone.add(p.id());
        for (RegionPart part : split) {
          parts.add(new StoredPiece(0, p.eventSeq(), p.hazardId(), part.code(), p.kind(), sign * part.m2(), p.date(),
              p.partner(), p.grant(), p.classification(), p.hazardTypes(), p.reversedOn(), p.landUse(),
              part.geometry()));
        }
      }
      if (gone.isEmpty()) {
        continue;
      }
      store.deletePieces(gone);
      long[] ids = store.insertPieces(parts);
      List<PieceRow> rows = parts.stream().map(p -> new PieceRow(p.hazardId(), p.region(), p.kind(), p.m2(),
          p.geometry(), p.classification(), java.util.EnumSet.noneOf(org.landrelease.domain.HazardType.class),
          p.landUse())).toList();
      List<ZoningStore.SplitRow> attributes = parts.stream().map(p -> new ZoningStore.SplitRow(null, 0, null, 0,
          p.kind(), p.date(), p.partner(), p.grant())).toList();
      zonings.splitRewritten(rows, ids, attributes);
      cut += gone.size();
      written += parts.size();
    }
    long events = relist("event", code, extent, index, false);
    long hazards = relist("hazard", code, extent, index, true);
    return new Resplit(read, cut, written, events, hazards);
  }

  /**
   * Makes the region lists of events (the regions a footprint touches) or hazards (the regions of their land, with
   * 'unassigned' for land outside every region) again, where they name the country or lie in its extent.
   */
  private long relist(String table, String code, Envelope extent, RegionIndex index, boolean withOutside)
      throws SQLException {
    long after = 0;
    long changed = 0;
    while (true) {
      List<CountryStore.Shape> batch = table.equals("event") ? store.eventsAfter(after, BATCH)
          : store.hazardsAfter(after, BATCH);
      if (batch.isEmpty()) {
        return changed;
      }
      after = batch.get(batch.size() - 1).id();
      List<CountryStore.Shape> updates = new ArrayList<>();
      for (CountryStore.Shape s : batch) {
        String stored = s.regions() == null ? "" : s.regions();
        if (!stored.contains("," + code + "-") && !stored.contains(RegionIndex.UNASSIGNED)
            && !extent.intersects(s.geometry().getEnvelopeInternal())) {
          continue;
        }
        Set<String> codes = new LinkedHashSet<>(withOutside
            ? index.areas(s.geometry(), org.landrelease.geometry.GeodesicArea.m2(s.geometry())).keySet()
            : index.touching(s.geometry()));
        // an event whose country no longer has a region under it lies outside every region
        String now = "," + String.join(",", codes.isEmpty() ? Set.of(RegionIndex.UNASSIGNED) : codes) + ",";
        if (!now.equals(stored)) {
          updates.add(new CountryStore.Shape(s.id(), now, null));
        }
      }
      store.updateRegions(table, updates);
      changed += updates.size();
    }
  }

  /** The running totals again from the pieces (caller holds the write lock): their regions changed. */
  private void reloadTotals() throws SQLException {
    LedgerStore.HazardArea area = ledger.hazardAreaM2();
    totals.load(ledger.pieceTotals(area.applied()), ledger.eventCountsByDay(area.applied()), area.m2(),
        area.applied());
  }

  /**
   * With several instances on one database: rebuilds the region index and the totals if another instance loaded or
   * replaced a country (one read of ledger_state). Nothing on the embedded store, where this instance makes every
   * change itself.
   */
  public void catchUp() throws SQLException {
    if (!shared || store.version() == version) {
      return;
    }
    lock.lock();
    try {
      long now = store.version();
      if (now != version) {
        service.useRegions(index(store));
        reloadTotals();
        version = now;
      }
    } finally {
      lock.unlock();
    }
  }

  /** The version this instance's region index is of. */
  public long version() {
    return version;
  }
}
