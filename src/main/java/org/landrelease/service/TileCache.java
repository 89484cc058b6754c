package org.landrelease.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.landrelease.store.TileStore;
import org.landrelease.store.TileStore.Touch;
import org.locationtech.jts.geom.Envelope;

/**
 * Tiles already made, bounded by bytes, and where the ledger changed since: the envelope of every approval applied
 * (by this instance or another), in order of application. A tile made when the ledger stood at approval S is still
 * right at approval T if no approval in (S, T] touched the land it depends on; only those tiles are made again. A
 * tile is labelled with the order its read began at, and its read sees at least that, so a change that lands while
 * a tile is made only makes the tile be made once more, never kept stale.
 */
final class TileCache {
  /** Approvals remembered; a tile older than the oldest of them is made again. */
  private static final int LOG_LIMIT = 100_000;

  /** What a tile key holds; validUpTo moves forward as approvals that do not touch it go by. */
  static final class Entry {
    final TileService.Made tile;
    final long madeAt;
    final Envelope dependsOn;
    volatile long validUpTo;

    Entry(TileService.Made tile, long madeAt, Envelope dependsOn) {
      this.tile = tile;
      this.madeAt = madeAt;
      this.dependsOn = dependsOn;
      this.validUpTo = madeAt;
    }
  }

  record Key(TileLayer layer, int z, int x, int y, String filters) {}

  private final Cache<Key, Entry> tiles;
  private final TileStore store;
  private final List<Touch> log = new ArrayList<>();
  /** The log holds every approval in (logFrom, logTo]. */
  private long logFrom;
  private long logTo;

  TileCache(TileStore store, long appliedNow, long maxBytes) {
    this.store = store;
    this.logFrom = appliedNow;
    this.logTo = appliedNow;
    this.tiles = Caffeine.newBuilder().maximumWeight(maxBytes)
        .weigher((Key k, Entry e) -> e.tile.gzip().length + 256).build();
  }

  /** Reads the envelopes of approvals applied since the log's end, up to applied. */
  synchronized void catchUp(long applied) throws SQLException {
    if (applied <= logTo) {
      return;
    }
    log.addAll(store.touchedBetween(logTo, applied));
    logTo = applied;
    if (log.size() > LOG_LIMIT) {
      List<Touch> keep = new ArrayList<>(log.subList(log.size() - LOG_LIMIT / 2, log.size()));
      logFrom = log.get(log.size() - LOG_LIMIT / 2 - 1).appliedSeq();
      log.clear();
      log.addAll(keep);
    }
  }

  /** True if no approval in (from, to] touched the envelope; false if the log does not reach back to from. */
  synchronized boolean untouched(long from, long to, Envelope dependsOn) {
    if (from < logFrom || to > logTo) {
      return false;
    }
    int i = firstAfter(from);
    for (; i < log.size() && log.get(i).appliedSeq() <= to; i++) {
      if (log.get(i).envelope().intersects(dependsOn)) {
        return false;
      }
    }
    return true;
  }

  private int firstAfter(long seq) {
    int lo = 0;
    int hi = log.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (log.get(mid).appliedSeq() <= seq) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The cached tile if it is still right at approval applied (immutable ones always are), else null. */
  Entry fresh(Key key, long applied, boolean immutable) {
    Entry e = tiles.getIfPresent(key);
    if (e == null) {
      return null;
    }
    if (immutable || e.validUpTo >= applied) {
      return e;
    }
    if (untouched(e.validUpTo, applied, e.dependsOn)) {
      e.validUpTo = applied;
      return e;
    }
    tiles.invalidate(key);
    return null;
  }

  void put(Key key, Entry e) {
    tiles.put(key, e);
  }

  long size() {
    return tiles.estimatedSize();
  }

  void clear() {
    tiles.invalidateAll();
  }
}
