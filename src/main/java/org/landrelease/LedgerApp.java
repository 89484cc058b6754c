package org.landrelease;

import io.javalin.Javalin;
import java.time.Clock;
import org.landrelease.store.LedgerLock;
import org.landrelease.cli.AccountBootstrap;
import org.landrelease.demo.DemoLoader;
import org.landrelease.config.Config;
import org.landrelease.geometry.RegionIndex;
import org.landrelease.http.HttpApi;
import org.landrelease.service.AccountService;
import org.landrelease.service.BackupService;
import org.landrelease.service.FeatureService;
import org.landrelease.service.FundingService;
import org.landrelease.service.Json;
import org.landrelease.service.LedgerService;
import org.landrelease.service.LedgerSync;
import org.landrelease.service.LedgerTotals;
import org.landrelease.service.MapService;
import org.landrelease.service.ReportService;
import org.landrelease.service.TreatyReport;
import org.landrelease.service.TileService;
import org.landrelease.store.AccountStore;
import org.landrelease.store.Database;
import org.landrelease.store.EventStore;
import org.landrelease.store.FeatureStore;
import org.landrelease.store.FundingStore;
import org.landrelease.store.LedgerStore;
import org.landrelease.store.CountryStore;
import org.landrelease.service.CountryService;
import org.landrelease.store.MapStore;
import org.landrelease.store.TileStore;
import org.landrelease.store.TreatyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: its database, services and HTTP server, wired by hand. */
public final class LedgerApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerApp.class);

  private final Database db;
  private final Javalin http;
  private final LedgerService ledger;
  private final ReportService reports;
  private final FundingService funding;
  private final AccountService accounts;

  private LedgerApp(Database db, Javalin http, LedgerService ledger, ReportService reports, FundingService funding,
      AccountService accounts) {
    this.accounts = accounts;
    this.db = db;
    this.http = http;
    this.ledger = ledger;
    this.reports = reports;
    this.funding = funding;
  }

  public static LedgerApp start(Config config) throws Exception {
    long t0 = System.nanoTime();
    // start-up work in parallel: the region index (about a second of geometry) and the hazard-area scan each on a
    // thread of their own, while this thread opens the database and loads the totals (the common pool has only
    // one thread on two cores, which ran the two one after the other)
    java.util.concurrent.ExecutorService startup = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      return start(config, startup, t0);
    } finally {
      startup.shutdown();
    }
  }

  private static LedgerApp start(Config config, java.util.concurrent.ExecutorService startup, long t0)
      throws Exception {
    Database db = config.postgres()
        ? Database.openPostgres(config.databaseUrl(), config.dbUser(), config.dbPassword())
        : Database.openH2(config.databaseDir());
    LedgerLock writeLock = db.lock();
    LedgerStore store = new LedgerStore(db);
    CountryStore countryStore = new CountryStore(db);
    // the countries' regions are the database's; a ledger without any gets the boundary file's country (Ukraine)
    java.util.concurrent.CompletableFuture<CountryService.Indexed> regionIndex = java.util.concurrent
        .CompletableFuture.supplyAsync(() -> {
          try {
            return CountryService.start(countryStore, store, writeLock, config.regionsFile(), Clock.systemUTC());
          } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
          }
        }, startup);
    EventStore events = new EventStore(db);
    FundingService funding = new FundingService(new FundingStore(db), writeLock);
    // the totals hold every approval up to this order; on PostgreSQL others may apply more meanwhile (LedgerSync)
    long applied = store.sharedState().applied();
    // the hazard area is a scan of every hazard's row: read it on another core while the totals load
    java.util.concurrent.CompletableFuture<LedgerStore.HazardArea> hazardArea = java.util.concurrent.CompletableFuture
        .supplyAsync(() -> {
          try {
            return store.hazardAreaM2();
          } catch (java.sql.SQLException e) {
            throw new java.util.concurrent.CompletionException(e);
          }
        }, startup);
    LedgerTotals totals = new LedgerTotals();
    var pieces = store.pieceTotals(applied);
    var counts = store.eventCountsByDay(applied);
    LedgerStore.HazardArea area = join(hazardArea, db);
    // the scan may have seen approvals after 'applied': take their changes out again
    double hazardM2 = area.m2() - store.appliedBetween(applied, area.applied()).stream()
        .mapToDouble(LedgerStore.AppliedEvent::hazardDeltaM2).sum();
    totals.load(pieces, counts, hazardM2, applied);
    CountryService.Indexed indexed = join(regionIndex, db);
    if (indexed.seeded()) {
      // the seeding gave the grants that named no country the seeded one, after the funding was read
      funding.reload();
    }
    RegionIndex regions = indexed.index();
    var zonings = new org.landrelease.service.ZoningService(new org.landrelease.store.ZoningStore(db), store,
        writeLock, config.postgres(), Clock.systemUTC());
    zonings.reload();
    LedgerService ledger = new LedgerService(store, events, funding, regions, totals, writeLock, Clock.systemUTC(),
        zonings);
    CountryService countries = new CountryService(countryStore, store, ledger, totals, zonings, writeLock,
        config.postgres(), Clock.systemUTC());
    countries.started(indexed.version());
    AccountService accounts = new AccountService(new AccountStore(db), funding, writeLock, Clock.systemUTC());
    LedgerSync sync = new LedgerSync(store, totals, funding, accounts, config.postgres()).follow(countries);
    ReportService reports = new ReportService(totals, ledger, funding, new org.landrelease.store.GrantReportStore(db),
        events, Clock.systemUTC());
    MapService map = new MapService(events, new MapStore(db), ledger);
    String dataset = store.meta("dataset").orElse(null);
    if (dataset == null && config.loadDemo() && store.maxEventSequence() == 0) {
      dataset = new DemoLoader(funding, ledger, countries).load(config.demoDir());
      org.landrelease.demo.DemoLandCover.load(zonings, regions);
      store.putMeta("dataset", dataset);
      AccountBootstrap.demo(accounts);
    }
    AccountBootstrap.adminIfNone(accounts);
    reports.dataset(dataset == null ? "user" : dataset);
    BackupService backups = new BackupService(db, config.databaseDir().resolve("backups"), writeLock,
        Clock.systemUTC());
    var mapper = org.landrelease.service.Json.mapper();
    var imports = new org.landrelease.service.transfer.ImportService(ledger, mapper);
    var exports = new org.landrelease.service.transfer.ExportService(new org.landrelease.store.ExportStore(db), ledger,
        funding);
    var zoneFigures = new org.landrelease.service.ZoneFigures(new org.landrelease.store.ZoningStore(db), zonings,
        totals::applied);
    FeatureService features = new FeatureService(new FeatureStore(db), reports, map, zonings, zoneFigures);
    var services = new HttpApi.Services(ledger, reports, funding, map, accounts, backups, imports, exports, features,
        sync, new TileService(new TileStore(db), ledger, reports, totals::applied, Clock.systemUTC())
            .followRegions(countries::version), zonings,
        zoneFigures, new TreatyReport(new TreatyStore(db), ledger::regions, reports, zonings, Clock.systemUTC()),
        new org.landrelease.service.IatiService(funding, reports, ledger, Clock.systemUTC()),
        new org.landrelease.service.GrantDocuments(reports, funding), countries);
    Javalin http = HttpApi.create(services, config.publicReads(), config.webDir())
        .start(config.host(), config.port());
    LOG.info("started in {} ms: {} regions in {} index cells, database {}", (System.nanoTime() - t0) / 1_000_000,
        ledger.regions().regions().size(), ledger.regions().cellCount(),
        config.postgres() ? config.databaseUrl() : config.databaseDir().toAbsolutePath());
    return new LedgerApp(db, http, ledger, reports, funding, accounts);
  }

  /** The result of a start-up task; its failure closes the database and fails the start. */
  private static <T> T join(java.util.concurrent.CompletableFuture<T> task, Database db) throws Exception {
    try {
      return task.join();
    } catch (java.util.concurrent.CompletionException e) {
      db.close();
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  public int port() {
    return http.port();
  }

  public LedgerService ledger() {
    return ledger;
  }

  public ReportService reports() {
    return reports;
  }

  public FundingService funding() {
    return funding;
  }

  /** Every HTTP route of the service, as "GET /api/events/{id}", in the order they were declared. */
  public java.util.List<String> routes() {
    return http.unsafe.internalRouter.allHttpHandlers().stream()
        .filter(e -> !e.endpoint.method.name().equals("BEFORE") && !e.endpoint.method.name().equals("AFTER")
            && !e.endpoint.method.name().startsWith("BEFORE"))
        .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
  }

  public AccountService accounts() {
    return accounts;
  }

  public Database database() {
    return db;
  }

  @Override
  public void close() {
    http.stop();
    try {
      db.close();
    } catch (java.sql.SQLException e) {
      LOG.warn("closing the database failed", e);
    }
  }
}
