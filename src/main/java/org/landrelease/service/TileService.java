package org.landrelease.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.zip.GZIPOutputStream;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.RegionShape;
import org.landrelease.geometry.TileGrid;
import org.landrelease.geometry.TileShapes;
import org.landrelease.geometry.VectorTileEncoder;
import org.landrelease.geometry.VectorTileEncoder.TileFeature;
import org.landrelease.store.TileStore;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vector tiles of the ledger's map layers, from either store: PostGIS encodes them (ST_AsMVT), the embedded store's
 * rows are encoded here. A tile over {@link #MAX_TILE_BYTES} keeps its largest features and leaves out the smallest,
 * never silently: the answer says how many,
     and how large the smallest one kept is. Tiles are cached and made again only where an approval touched them.
 */
public final class TileService {
  private static final Logger LOG = LoggerFactory.getLogger(TileService.class);
  /** The most a tile holds, before gzip. */
  public static final int MAX_TILE_BYTES = 500_000;
  /**
   * The most features a tile reads: the largest ones when its window holds more. At zoom 8 of a national ledger a
   * window holds tens of thousands of hazards, which would not fit 500 kB anyway; reading them all cost seconds and
   * filled a 512 MB heap.
   */
  public static final int MAX_FEATURES = 10_000;
  private static final long CACHE_BYTES = 64L * 1024 * 1024;

  private final TileStore store;
  private final LedgerService ledger;
  private final ReportService reports;
  private final LongSupplier applied;
  private final Clock clock;
  private final TileCache cache;
  private final java.util.concurrent.Semaphore making =
      new java.util.concurrent.Semaphore(Runtime.getRuntime().availableProcessors(), true);
  /** Names this process's tiles in ETags: a tag from another process or database is never taken for one of ours. */
  private volatile String epoch;
  /** The version of the countries' regions the cached tiles were made with (CountryService). */
  private volatile LongSupplier regionVersion = () -> 0;
  private volatile long regionsMadeWith = Long.MIN_VALUE;

  public TileService(TileStore store, LedgerService ledger, ReportService reports, LongSupplier applied, Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.reports = reports;
    this.applied = applied;
    this.clock = clock;
    this.cache = new TileCache(store, applied.getAsLong(), CACHE_BYTES);
    this.epoch = newEpoch();
  }

  private static String newEpoch() {
    byte[] b = new byte[6];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * Follows the regions' version: when a country is loaded or replaced, every tile made before is dropped and the
   * ETags of this process change, since the region layer's boundaries and figures moved without an approval.
   */
  public TileService followRegions(LongSupplier version) {
    this.regionVersion = version;
    this.regionsMadeWith = version.getAsLong();
    return this;
  }

  private void regionsCurrent() {
    long v = regionVersion.getAsLong();
    if (v != regionsMadeWith) {
      synchronized (this) {
        if (v != regionsMadeWith) {
          cache.clear();
          epoch = newEpoch();
          regionsMadeWith = v;
        }
      }
    }
  }

  /** A tile request: the layer, the tile and what narrows it (null when not given), a country among them. */
  public record Request(TileLayer layer, TileGrid tile, LocalDate asOf, String partner, String grant,
      String classification, String country) {
    /** Every filter is part of the cache key: a country's tile is not the whole ledger's. */
    String filters() {
      return asOf + "|" + partner + "|" + grant + "|" + classification + "|" + country;
    }
  }

  /**
   * A tile as made: gzip of the MVT (empty for a tile without features), its size before gzip, how many features met
   * it and how many it holds (the others were under minAreaPx screen pixels² and left out to keep the size).
   */
  public record Made(byte[] gzip, int bytes, long features, long kept, double minAreaPx) {
    public long dropped() {
      return features - kept;
    }
  }

  /** The answer: the tile (null when the client's copy is current), its ETag, and whether it never changes. */
  public record Answer(Made tile, String etag, boolean immutable) {
    public boolean notModified() {
      return tile == null;
    }
  }

  /**
   * The tile, or a not-modified answer when ifNoneMatch names a copy that is still right. Tiles of a day before today
   * never change (approvals count from their approval day, so the past is fixed); others are right until an approval
   * touches their land.
   */
  public Answer tile(Request r, String ifNoneMatch) throws SQLException {
    regionsCurrent();
    long now = applied.getAsLong();
    boolean immutable = r.asOf() != null && r.asOf().isBefore(LocalDate.now(clock));
    cache.catchUp(now);
    TileCache.Key key = new TileCache.Key(r.layer(), r.tile().z(), r.tile().x(), r.tile().y(), r.filters());
    TileCache.Entry e = cache.fresh(key, now, immutable);
    Long clientMadeAt = madeAt(ifNoneMatch);
    if (clientMadeAt != null && (e != null ? clientMadeAt == e.madeAt
        : immutable || cache.untouched(clientMadeAt, now, dependsOn(r)))) {
      return new Answer(null, etag(clientMadeAt), immutable);
    }
    if (e == null) {
      // as many tiles are made at once as there are cores: a browser asks for 30 at a time, and each holds up to
      // 10,000 shapes while it is made; the others wait their turn instead of filling the heap
      making.acquireUninterruptibly();
      try {
        e = new TileCache.Entry(make(r), now, dependsOn(r));
      } finally {
        making.release();
      }
      cache.put(key, e);
    }
    return new Answer(e.tile, etag(e.madeAt), immutable);
  }

  private String etag(long madeAt) {
    return "\"" + epoch + "." + madeAt + "\"";
  }

  /** The approval order a tag of ours was made at, or null for none or another's tag. */
  private Long madeAt(String ifNoneMatch) {
    if (ifNoneMatch == null) {
      return null;
    }
    String prefix = "\"" + epoch + ".";
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.trim();
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.startsWith(prefix) && t.endsWith("\"")) {
        try {
          return Long.parseLong(t.substring(prefix.length(), t.length() - 1));
        } catch (NumberFormatException ignored) {
          return null;
        }
      }
    }
    return null;
  }

  /**
   * The land a tile depends on: its own window for hazards and released pieces; for regions, every region that
   * shows in it, since an approval anywhere in a region changes that region's figures.
   */
  private Envelope dependsOn(Request r) {
    Envelope window = r.tile().lonLatWithBuffer();
    if (r.layer() != TileLayer.REGIONS) {
      return window;
    }
    Envelope out = new Envelope(window);
    for (RegionShape s : ledger.regions().regions()) {
      Envelope re = s.geometry().getEnvelopeInternal();
      if (re.intersects(window)) {
        out.expandToInclude(re);
      }
    }
    return out;
  }

  private Made make(Request r) throws SQLException {
    if (r.tile().z() < r.layer().minZoom()) {
      return new Made(new byte[0], 0, 0, 0, 0);
    }
    return store.encodesInDatabase() ? inDatabase(r) : inJava(r);
  }

  /**
   * PostGIS encodes; above the size limit it is asked again for the largest features only, as many as the bytes per
   * feature say fit, fewer until the tile fits (the rule of {@link VectorTileEncoder#encodeWithin}).
   */
  private Made inDatabase(Request r) throws SQLException {
    long limit = Long.MAX_VALUE;
    TileStore.Encoded all = null;
    while (true) {
      TileStore.Encoded enc = switch (r.layer()) {
        case HAZARDS -> store.hazardTile(r.tile(), r.classification(), r.country(), MAX_FEATURES, limit);
        case RELEASES -> store.releaseTile(r.tile(), r.asOf(), r.partner(), r.grant(), r.country(), MAX_FEATURES,
            limit);
        case REGIONS -> store.regionTile(r.tile(), regionFigures(r.asOf()), r.country(), limit);
      };
      if (all == null) {
        all = enc;
      }
      if (enc.mvt().length <= MAX_TILE_BYTES || enc.kept() == 0) {
        double minPx = enc.kept() < all.features()
            ? enc.minAreaUnits() / VectorTileEncoder.pixelUnits(r.tile().extent()) : 0;
        return made(r, enc.mvt(), all.features(), enc.kept(), minPx);
      }
      limit = Math.max(0, Math.min(enc.kept() - 1,
          (long) Math.floor(enc.kept() * (double) MAX_TILE_BYTES / enc.mvt().length * 0.95)));
    }
  }

  /** Rows are clipped and snapped as they are read, so a tile holds its shapes in tile units only. */
  private Made inJava(Request r) throws SQLException {
    Envelope window = r.tile().lonLatWithBuffer();
    Map<String, Map<String, Double>> figures = r.layer() == TileLayer.REGIONS ? regionFigures(r.asOf()) : Map.of();
    List<TileFeature> features = new ArrayList<>();
    java.util.function.Consumer<TileStore.Row> sink = row -> {
      Geometry shape = TileShapes.clipAndSnap(r.tile().toTileUnits(row.geometry()), r.tile().extent());
      if (shape == null) {
        return;
      }
      Map<String, Object> props = row.properties();
      Map<String, Double> extra = figures.isEmpty() ? null : figures.get(props.get("code"));
      if (extra != null) {
        props = new LinkedHashMap<>(props);
        props.putAll(extra);
      }
      features.add(new TileFeature(props, shape));
    };
    long met = switch (r.layer()) {
      case HAZARDS -> store.hazardRows(window, r.classification(), r.country(), MAX_FEATURES, sink);
      case RELEASES -> store.releaseRows(window, r.asOf(), r.partner(), r.grant(), r.country(), MAX_FEATURES,
          sink);
      case REGIONS -> store.regionRows(window, r.country(), sink);
    };
    VectorTileEncoder.Fitted fitted = VectorTileEncoder.encodeWithin(r.layer().id(), features, MAX_TILE_BYTES,
        r.tile().extent());
    long total = met > MAX_FEATURES ? met : features.size();
    double minPx = fitted.kept() < total ? (fitted.kept() < features.size() ? fitted.minAreaPx()
        : features.stream().mapToDouble(f -> f.shape().getArea()).min().orElse(0)
            / VectorTileEncoder.pixelUnits(r.tile().extent())) : 0;
    return made(r, fitted.mvt(), total, fitted.kept(), minPx);
  }

  private Made made(Request r, byte[] mvt, long features, long kept, double minPx) {
    if (kept < features) {
      LOG.info("tile {} {}: {} of {} features smaller than {} px² left out to keep it under {} bytes", r.layer().id(),
          r.tile(), features - kept, features, minPx, MAX_TILE_BYTES);
    }
    return new Made(mvt.length == 0 ? new byte[0] : gzip(mvt), mvt.length, features, kept, minPx);
  }

  /** Each region's figures as of a day (null: now), in km², with the share of its area still contaminated. */
  private Map<String, Map<String, Double>> regionFigures(LocalDate asOf) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (ReportService.RegionRow row : reports.regions(asOf)) {
      Map<String, Double> f = new LinkedHashMap<>();
      f.put("areaKm2", row.areaKm2());
      f.put("reportedKm2", row.reportedKm2());
      f.put("contaminatedKm2", row.contaminatedKm2());
      f.put("releasedKm2", row.releasedKm2());
      f.put("cancelledKm2", row.cancelledKm2());
      f.put("reducedKm2", row.reducedKm2());
      f.put("clearedKm2", row.clearedKm2());
      f.put("share", row.areaKm2() > 0 ? row.contaminatedKm2() / row.areaKm2() : 0.0);
      out.put(row.code(), f);
    }
    return out;
  }

  private static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Longitude/latitude bounds of the regions, for TileJSON. */
  public Envelope bounds() {
    return bounds(null);
  }

  /** Longitude/latitude bounds of one country's regions (null: every country's). */
  public Envelope bounds(String country) {
    Envelope e = new Envelope();
    ledger.regions().regions().stream()
        .filter(s -> country == null || country.equals(org.landrelease.domain.Country.ofRegion(s.code())))
        .forEach(s -> e.expandToInclude(s.geometry().getEnvelopeInternal()));
    return e;
  }

  /** Checks a tile's address, as a 400 naming what is wrong. */
  public static TileGrid tileOf(int z, int x, int y) {
    try {
      return TileGrid.of(z, x, y);
    } catch (IllegalArgumentException e) {
      throw LedgerException.badRequest("invalid-tile", e.getMessage()).with("tile.invalid", "reason", e.getMessage());
    }
  }
}
