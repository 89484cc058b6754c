package org.landrelease.service;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.landrelease.domain.Account;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.PieceRow;
import org.landrelease.domain.PieceZoneArea;
import org.landrelease.domain.Zoning;
import org.landrelease.files.FileFormat;
import org.landrelease.geometry.ZoneShape;
import org.landrelease.geometry.ZoningCheck;
import org.landrelease.geometry.ZoningIndex;
import org.landrelease.store.LedgerLock;
import org.landrelease.store.LedgerStore;
import org.landrelease.store.ZoningStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zonings: loading (with a dry run), replacing and deleting them, and the split of every new piece by each of
 * them on the write path. A load or deletion holds the ledger's write lock from the first row it writes to its
 * commit, back-fill included, so no approval can write a piece that misses a zoning's split; and it touches no piece,
 * region, partner or grant row, so no figure but the zoning's own changes.
 */
public final class ZoningService {
  private static final Logger LOG = LoggerFactory.getLogger(ZoningService.class);
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
  /** Pieces read, split and written per round of the back-fill; progress is told after each. */
  static final int BACKFILL_BATCH = 2000;

  /** Hears how far a back-fill has got. */
  public interface Progress {
    Progress NONE = (zoning, pieces) -> {};

    void update(String zoning, long pieces);
  }

  /** What to load: the zoning's name and description, and which fields of the file say what. */
  public record LoadRequest(String name, String title, boolean synthetic, String source, FileFormat format,
      String layer, String codeField, String nameField, String classField, boolean dryRun) {}

  public record ZoneRow(String code, String name, String zoneClass, double areaKm2) {}

  /** What a load did, or (dry run) would do: the zones and their areas, and the problems that refuse the file. */
  public record LoadReport(String zoning, String title, boolean synthetic, String crs, boolean dryRun,
      boolean stored, int zones, double areaKm2, long piecesSplit, long durationMs,
      List<ZoningCheck.Problem> problems, List<ZoneRow> zoneList) {}

  /** A zoning with its zones (no geometry). */
  public record ZoningDetail(Zoning zoning, List<ZoneRow> zones) {}

  private record State(long version, List<ZoningIndex> indexes) {}

  private final ZoningStore store;
  private final LedgerStore ledger;
  private final LedgerLock lock;
  private final boolean shared;
  private final Clock clock;
  private volatile State state = new State(-1, List.of());

  public ZoningService(ZoningStore store, LedgerStore ledger, LedgerLock lock, boolean shared, Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.lock = lock;
    this.shared = shared;
    this.clock = clock;
  }

  /** Reads the zonings from the database and builds their indexes (start-up, or another instance changed them). */
  public void reload() throws SQLException {
    long version = store.version();
    List<ZoningIndex> indexes = new ArrayList<>();
    for (Zoning z : store.zonings()) {
      indexes.add(new ZoningIndex(z.name(), store.zones(z.name())));
    }
    state = new State(version, List.copyOf(indexes));
  }

  /** The version of the zonings this instance splits by: figures cached by zone are valid for one version. */
  public long version() {
    return state.version;
  }

  /**
   * With several instances on one database: reloads the zonings if another instance loaded, replaced or deleted one
   * (one read of ledger_state), so that a reader sees the same zonings on every instance. Nothing on the embedded
   * store, where this instance makes every change itself.
   */
  void catchUp() throws SQLException {
    if (shared && store.version() != state.version) {
      synchronized (this) {
        if (store.version() != state.version) {
          reload();
        }
      }
    }
  }

  /** The indexes of the loaded zonings (code order of zones), for the figures. */
  public ZoningIndex index(String name) {
    for (ZoningIndex i : state.indexes) {
      if (i.name().equals(name)) {
        return i;
      }
    }
    throw LedgerException.notFound("no zoning '" + name + "'");
  }

  /**
   * The split of pieces about to be written by every loaded zoning (caller holds the write lock). Nothing to do, and
   * no cost, when no zoning is loaded; with several instances, one that loaded or deleted a zoning is caught up
   * with first.
   */
  List<PieceZoneArea> split(List<PieceRow> pieces) throws SQLException {
    if (shared && store.versionForWrite() != state.version) {
      reload();
    }
    List<ZoningIndex> indexes = state.indexes;
    if (indexes.isEmpty() || pieces.isEmpty()) {
      return List.of();
    }
    List<PieceZoneArea> out = new ArrayList<>();
    for (ZoningIndex index : indexes) {
      for (int i = 0; i < pieces.size(); i++) {
        PieceRow p = pieces.get(i);
        for (Map.Entry<String, Double> e : index.split(p.geometry(), p.m2()).entrySet()) {
          out.add(new PieceZoneArea(i, index.name(), e.getKey(), e.getValue()));
        }
      }
    }
    return out;
  }

  /**
   * Splits pieces written again (a country's re-split) by every loaded zoning and writes their splits, in the open
   * transaction (caller holds the lock); marks the zonings changed, so that figures cached by zone are made again.
   * pieces.get(i) was written with id ids[i].
   */
  void splitRewritten(List<PieceRow> pieces, long[] ids, List<ZoningStore.SplitRow> attributes) throws SQLException {
    List<ZoningStore.SplitRow> rows = new ArrayList<>();
    for (PieceZoneArea a : split(pieces)) {
      ZoningStore.SplitRow p = attributes.get(a.piece());
      rows.add(new ZoningStore.SplitRow(a.zoning(), ids[a.piece()], a.zone(), a.m2(), p.kind(), p.date(), p.partner(),
          p.grant()));
    }
    store.insertSplits(rows);
    store.markChanged();
  }

  /**
   * The boundary of one zone, for the zone filter of events and hazards: both names or neither (null), a 404 for an
   * unknown zoning or zone.
   */
  public org.locationtech.jts.geom.Geometry zoneShape(String zoning, String zone) throws SQLException {
    if (zoning == null && zone == null) {
      return null;
    }
    catchUp();
    if (zoning == null || zone == null) {
      throw LedgerException.badRequest("missing-parameter", "'zoning' and 'zone' go together: the name of a loaded"
          + " zoning and the code of one of its zones");
    }
    ZoneShape z = index(zoning).zone(zone);
    if (z == null) {
      throw LedgerException.notFound("no zone '" + zone + "' in zoning '" + zoning + "'");
    }
    return z.geometry();
  }

  public List<Zoning> list() throws SQLException {
    catchUp();
    return store.zonings();
  }

  public ZoningDetail detail(String name) throws SQLException {
    catchUp();
    Zoning z = store.zonings().stream().filter(x -> x.name().equals(name)).findFirst()
        .orElseThrow(() -> LedgerException.notFound("no zoning '" + name + "'"));
    List<ZoneRow> zones = index(name).zones().stream().map(ZoningService::row).toList();
    return new ZoningDetail(z, zones);
  }

  private static ZoneRow row(ZoneShape z) {
    return new ZoneRow(z.code(), z.name(), z.zoneClass(), Km2.of(z.areaM2()));
  }

  static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw LedgerException.badRequest("invalid-zoning-name", "a zoning name is 1 to 64 lower-case letters, digits,"
          + " '-' or '_', starting with a letter (such as raion, hromada, landcover); got '" + name + "'");
    }
  }

  /**
   * Reads, checks and (unless a dry run) stores a zoning, replacing one of the same name, and splits every piece of
   * the ledger by it. A file with a problem is refused (422, the first problem's coordinate) and nothing is stored.
   */
  public LoadReport load(Path file, LoadRequest r, Account actor, Progress progress) throws Exception {
    long t0 = System.nanoTime();
    checkName(r.name());
    if (r.codeField() == null || r.codeField().isBlank()) {
      throw LedgerException.badRequest("missing-parameter", "'codeField' is required: the field with each zone's code");
    }
    ZoningFile.Read read = ZoningFile.read(file, r.format(), r.layer(),
        new ZoningFile.Fields(r.codeField(), r.nameField(), r.classField()));
    return store(read, r, actor, progress, t0);
  }

  /**
   * Checks and stores zones made in the service itself (the demo's synthetic land cover) as a file's would be; the
   * request's format and fields are not used.
   */
  public LoadReport load(List<ZoneShape> zones, LoadRequest r, Account actor, Progress progress) throws Exception {
    long t0 = System.nanoTime();
    checkName(r.name());
    List<ZoneShape> sorted = zones.stream().sorted(java.util.Comparator.comparing(ZoneShape::code)).toList();
    List<ZoningCheck.Problem> problems = new ArrayList<>(ZoningCheck.overlaps(sorted));
    return store(new ZoningFile.Read(sorted, problems, "EPSG:4326"), r, actor, progress, t0);
  }

  private LoadReport store(ZoningFile.Read read, LoadRequest r, Account actor, Progress progress, long t0)
      throws Exception {
    List<ZoningCheck.Problem> problems = read.problems();
    double areaM2 = read.zones().stream().mapToDouble(ZoneShape::areaM2).sum();
    List<ZoneRow> rows = read.zones().stream().map(ZoningService::row).toList();
    String title = r.title() == null || r.title().isBlank() ? r.name() : r.title();
    if (r.dryRun()) {
      return new LoadReport(r.name(), title, r.synthetic(), read.crs(), true, false, rows.size(), Km2.of(areaM2), 0,
          (System.nanoTime() - t0) / 1_000_000, problems, rows);
    }
    if (!problems.isEmpty()) {
      ZoningCheck.Problem first = read.problems().get(0);
      StringBuilder detail = new StringBuilder("the zoning is refused, nothing was stored: ");
      read.problems().stream().limit(5).forEach(p -> detail.append(p.detail()).append("; "));
      if (problems.size() > 5) {
        detail.append("and ").append(problems.size() - 5).append(" more (see a dry run)");
      }
      throw new LedgerException(LedgerException.Kind.UNPROCESSABLE, first.kind(), detail.toString().strip(),
          first.coordinate());
    }
    ZoningIndex index = new ZoningIndex(r.name(), read.zones());
    Zoning zoning = new Zoning(r.name(), title, r.synthetic(), r.source(), clock.instant(), actor.name(),
        read.zones().size());
    long[] split = {0};
    lock.lock();
    try {
      long[] version = {0};
      written(() -> {
        store.delete(r.name());
        store.insert(zoning, read.zones());
        split[0] = backfill(index, progress);
        version[0] = store.versionForWrite();
      });
      replaceIndex(r.name(), index, version[0]);
    } finally {
      lock.unlock();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    LOG.info("zoning '{}' loaded: {} zones, {} pieces split, {} ms", r.name(), rows.size(), split[0], ms);
    return new LoadReport(r.name(), title, r.synthetic(), read.crs(), false, true, rows.size(), Km2.of(areaM2),
        split[0], ms, problems, rows);
  }

  /** Splits every piece of the ledger by a new zoning, in batches, in the open transaction (caller holds the lock). */
  private long backfill(ZoningIndex index, Progress progress) throws SQLException {
    long after = 0;
    long done = 0;
    while (true) {
      List<ZoningStore.PieceToSplit> batch = store.piecesAfter(after, BACKFILL_BATCH);
      if (batch.isEmpty()) {
        return done;
      }
      List<ZoningStore.SplitRow> rows = new ArrayList<>(batch.size() * 2);
      for (ZoningStore.PieceToSplit p : batch) {
        index.split(p.geometry(), p.m2()).forEach((zone, m2) -> rows.add(new ZoningStore.SplitRow(index.name(),
            p.id(), zone, m2, p.kind(), p.date(), p.partner(), p.grant())));
      }
      store.insertSplits(rows);
      done += batch.size();
      after = batch.get(batch.size() - 1).id();
      progress.update(index.name(), done);
    }
  }

  /** Deletes a zoning, its zones and splits; no other figure changes. */
  public void delete(String name) throws SQLException {
    checkName(name);
    lock.lock();
    try {
      boolean[] existed = {false};
      long[] version = {0};
      written(() -> {
        existed[0] = store.delete(name);
        version[0] = store.versionForWrite();
      });
      replaceIndex(name, null, version[0]);
      if (!existed[0]) {
        throw LedgerException.notFound("no zoning '" + name + "'");
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs work on the writer and commits it (caller holds the lock). A failure rolls back this work only: writers
   * that handed their work over for a shared commit (CommitGroup) still get it committed.
   */
  private void written(org.landrelease.store.Database.Work work) throws SQLException {
    LedgerStore.Mark mark = ledger.mark();
    try {
      work.run();
    } catch (SQLException | RuntimeException e) {
      mark.rollback();
      ledger.commit();
      throw e;
    }
    mark.release();
    ledger.commit();
  }

  /** After a commit (caller holds the lock): the writers that follow split by the new set of zonings. */
  private void replaceIndex(String name, ZoningIndex index, long version) {
    List<ZoningIndex> indexes = new ArrayList<>(state.indexes);
    indexes.removeIf(i -> i.name().equals(name));
    if (index != null) {
      indexes.add(index);
      indexes.sort(java.util.Comparator.comparing(ZoningIndex::name));
    }
    state = new State(version, List.copyOf(indexes));
  }
}
