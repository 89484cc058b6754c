package org.landrelease.service;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.landrelease.config.Config;
import org.landrelease.domain.Account;
import org.landrelease.domain.Classification;
import org.landrelease.domain.ClearanceMethod;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventType;
import org.landrelease.domain.Grant;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.LandUse;
import org.landrelease.domain.Partner;
import org.landrelease.geometry.GeodesicArea;
import org.landrelease.geometry.Geometries;
import org.landrelease.geometry.RegionIndex;
import org.landrelease.geometry.RegionShape;
import org.landrelease.store.Database;
import org.landrelease.store.EventStore;
import org.landrelease.store.FundingStore;
import org.landrelease.store.LedgerStore;
import org.landrelease.store.TestStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The ledger's services without HTTP, on a real database of the test store (H2GIS, or PostgreSQL with
 * LEDGER_TEST_STORE=postgresql), with two regions side by side: A is lon 30..31, B is lon 31..32, both lat 48..49.
 * Partner HALO has grant NL-HALO (2023..2025); partner DRC has none. Today is 2025-06-01.
 */
final class LedgerFixture implements AutoCloseable {
  static final Account SYSTEM = Account.system("test");
  static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
  final Database db;
  final LedgerStore store;
  final EventStore events;
  final FundingService funding;
  final RegionIndex regions;
  final LedgerTotals totals = new LedgerTotals();
  final LedgerService ledger;

  LedgerFixture() throws Exception {
    Path dir = Files.createTempDirectory("service-test");
    Config config = TestStore.configure(new Config("127.0.0.1", 0, dir.resolve("db"),
        Path.of("data/ukraine-oblasts.geojson"), Path.of("web"), Path.of("data/demo"), false, true));
    db = config.postgres() ? Database.openPostgres(config.databaseUrl(), config.dbUser(), config.dbPassword())
        : Database.openH2(config.databaseDir());
    store = new LedgerStore(db);
    events = new EventStore(db);
    funding = new FundingService(new FundingStore(db), db.lock());
    funding.addPartner(new Partner("HALO", "The HALO Trust"));
    funding.addPartner(new Partner("DRC", "Danish Refugee Council"));
    funding.addGrant(new Grant("NL-HALO", "Netherlands", "HALO", "Land release", new BigDecimal("1000000"), "EUR",
        LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31)));
    regions = new RegionIndex(List.of(region("A", "POLYGON ((30 48, 31 48, 31 49, 30 49, 30 48))"),
        region("B", "POLYGON ((31 48, 32 48, 32 49, 31 49, 31 48))")), 0.5);
    ledger = new LedgerService(store, events, funding, regions, totals, db.lock(),
        Clock.fixed(Instant.parse(TODAY + "T12:00:00Z"), ZoneOffset.UTC));
  }

  private static RegionShape region(String code, String wkt) {
    Geometry g = wkt(wkt);
    return new RegionShape(code, "Region " + code, "", g, GeodesicArea.m2(g));
  }

  static Geometry wkt(String wkt) {
    try {
      return new WKTReader(Geometries.FACTORY).read(wkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException(wkt, e);
    }
  }

  /** A command as the parser would give it: a report is an SHA of AP mines, a clearance manual. */
  static EventCommand command(EventType type, String date, String partner, String grant, String footprintWkt,
      LandUse landUse) {
    UUID id = UUID.randomUUID();
    return new EventCommand(id, type, LocalDate.parse(date), partner, grant,
        type == EventType.HAZARD_REPORT ? Classification.SHA : null,
        type == EventType.HAZARD_REPORT ? EnumSet.of(HazardType.AP_MINE) : null,
        type == EventType.CLEARANCE ? ClearanceMethod.MANUAL : null, null, null, wkt(footprintWkt), id.toString(),
        null, null, landUse);
  }

  static EventCommand reversal(UUID target, String date, String partner) {
    UUID id = UUID.randomUUID();
    return new EventCommand(id, EventType.REVERSAL, LocalDate.parse(date), partner, null, null, null, null, null,
        null, null, id.toString(), target, "quality control", null);
  }

  static EventCommand withDevices(EventCommand c, Map<HazardType, Integer> devices) {
    return new EventCommand(c.id(), c.type(), c.date(), c.partner(), c.grant(), c.classification(), c.hazardTypes(),
        c.method(), devices, c.notes(), c.footprint(), c.requestHash(), c.reverses(), c.reason(), c.landUse());
  }

  /** Records an event of the past, approved at once and counted on its own date. */
  Applied record(EventCommand cmd) throws Exception {
    return ledger.record(cmd, SYSTEM);
  }

  /** Records a hazard report over a WKT polygon, as HALO on 2023-03-01. */
  Applied hazard(String wkt) throws Exception {
    return record(command(EventType.HAZARD_REPORT, "2023-03-01", "HALO", null, wkt, null));
  }

  @Override
  public void close() throws Exception {
    db.close();
  }
}
