package org.landrelease.service.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.landrelease.domain.Account;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventResult;
import org.landrelease.domain.LedgerException;
import org.landrelease.files.FeatureSource;
import org.landrelease.files.FeatureSources;
import org.landrelease.files.FileFormat;
import org.landrelease.files.SourceFeature;
import org.landrelease.geometry.GeoJsonGeometry;
import org.landrelease.geometry.GeodesicArea;
import org.landrelease.geometry.Reprojection;
import org.landrelease.service.Applied;
import org.landrelease.service.EventParsing;
import org.landrelease.service.Km2;
import org.landrelease.service.LedgerService;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Imports the features of a file as events. The whole file is checked first (readable, CRS known, mapped columns
 * present, polygons only), so a bad file stores nothing; then each feature becomes an event body, is validated by the
 * same parser as a posted event and applied in file order. A feature's event id is a name-based UUID of the file's
 * SHA-256 and the feature's position, so importing the same file again changes nothing.
 */
public final class ImportService {
  /** Hears how far an import has got: done of total features. */
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void update(int done, int total);
  }

  /**
   * @param format  the file's format
   * @param mapping the field mapping (JSON, see FieldMapping)
   * @param layer   the GeoPackage table or zipped .shp to read, when the file holds several
   * @param crs     the CRS of a CSV's coordinates (null: EPSG:4326)
   */
  public record ImportRequest(FileFormat format, JsonNode mapping, boolean dryRun, String layer, String crs) {}

  private final LedgerService ledger;
  private final ObjectMapper mapper;

  public ImportService(LedgerService ledger, ObjectMapper mapper) {
    this.ledger = ledger;
    this.mapper = mapper;
  }

  /** Imports a file as the given account: its events are submitted by it, and await a reviewer's approval. */
  public ImportReport run(Path file, String sha256, ImportRequest request, Account actor, Progress progress)
      throws Exception {
    FieldMapping unresolved = FieldMapping.parse(request.mapping());
    try (FeatureSource source = FeatureSources.open(file, request.format(),
        unresolved.sourceOptions(request.layer(), request.crs()))) {
      FieldMapping mapping = unresolved.resolve(source.columns());
      int total = checkGeometryTypes(source);
      Tally tally = new Tally(request.dryRun());
      source.forEach(feature -> {
        tally.add(importFeature(feature, sha256, mapping, source.crs(), request.dryRun(), actor));
        progress.update(tally.outcomes.size(), total);
      });
      return tally.report(sha256, request.format(), source.crs().name(), total);
    }
  }

  /**
   * The one door through which an import's events enter the ledger: as submissions of the importing account, which
   * count once a reviewer approves them, like any posted event.
   */
  Applied submit(EventCommand cmd, Account actor) throws SQLException {
    return ledger.submit(cmd, actor);
  }

  /** The event id of the feature at a position of a file: the same file always gives the same ids. */
  public static UUID eventId(String sha256, int feature) {
    return UUID.nameUUIDFromBytes(("landrelease-import:" + sha256 + ":" + feature).getBytes(StandardCharsets.UTF_8));
  }

  /** Reads the whole file once: an event footprint is a polygon, so points or lines, alone or mixed in, refuse it. */
  private static int checkGeometryTypes(FeatureSource source) throws Exception {
    int[] count = {0, 0};
    TreeSet<String> others = new TreeSet<>();
    source.forEach(f -> {
      count[0]++;
      Geometry g = f.geometry();
      if (g != null && !g.isEmpty()) {
        if (g instanceof Polygon || g instanceof MultiPolygon) {
          count[1]++;
        } else {
          others.add(g.getGeometryType());
        }
      }
    });
    if (count[0] == 0) {
      throw LedgerException.unprocessable("no-features", "the file has no features").with("file.noFeatures");
    }
    if (!others.isEmpty()) {
      throw count[1] > 0
          ? LedgerException.unprocessable("mixed-geometry-types", "the file mixes polygons with " + others
              + "; every feature must be a Polygon or MultiPolygon (an event footprint)")
                  .with("transfer.mixedGeometry", "others", others)
          : LedgerException.unprocessable("not-polygons", "the file holds " + others + " geometry; an event "
              + "footprint must be a Polygon or MultiPolygon (a CSV of lon/lat points cannot make one: give a WKT "
              + "polygon column)").with("transfer.notPolygons", "others", others);
    }
    return count[0];
  }

  private ImportReport.FeatureOutcome importFeature(SourceFeature f, String sha256, FieldMapping mapping,
      Reprojection crs, boolean dryRun, Account actor) throws SQLException {
    String id = eventId(sha256, f.index()).toString();
    try {
      // the same parser as POST /api/events, so an imported feature is refused exactly as a posted event
      EventCommand cmd = EventParsing.parse(mapping.body(UUID.fromString(id), f, footprint(f, crs)), mapper);
      if (dryRun) {
        boolean known = ledger.check(cmd, actor);
        return new ImportReport.FeatureOutcome(f.index(), f.fid(), id, known ? "known" : "valid",
            Km2.of(GeodesicArea.m2(cmd.footprint())), null, null, null);
      }
      Applied applied = submit(cmd, actor);
      EventResult r = applied.result();
      return new ImportReport.FeatureOutcome(f.index(), f.fid(), id, applied.created() ? "created" : "replayed",
          r.footprintKm2(), r.releasedKm2(), r.addedKm2(), null);
    } catch (LedgerException e) {
      return new ImportReport.FeatureOutcome(f.index(), f.fid(), id, "refused", null, null, null,
          new ImportReport.FeatureProblem(e.slug(), e.kind().status(), e.getMessage(), e.coordinate(),
              e.message()));
    }
  }

  /** The footprint in lon/lat as GeoJSON, so EventParsing validates it like a posted one (validity, coordinate). */
  private JsonNode footprint(SourceFeature f, Reprojection crs) {
    if (f.geometryProblem() != null) {
      throw LedgerException.unprocessable("invalid-geometry", f.geometryProblem())
          .with("transfer.invalidGeometry", "reason", f.geometryProblem());
    }
    if (f.geometry() == null || f.geometry().isEmpty()) {
      throw LedgerException.unprocessable("missing-geometry", "feature " + f.index() + " has no geometry")
          .with("transfer.missingGeometry", "index", f.index());
    }
    Geometry lonLat;
    try {
      lonLat = crs.toWgs84(f.geometry());
    } catch (RuntimeException e) {
      var c = f.geometry().getCoordinate();
      throw new LedgerException(LedgerException.Kind.UNPROCESSABLE, "reprojection-failed", "feature " + f.index()
          + " cannot be moved from " + crs.name() + " to WGS84: " + e.getMessage(), new double[] {c.x, c.y})
              .with("transfer.reprojectionFailed", "index", f.index(), "crs", crs.name(), "reason", e.getMessage());
    }
    try (TokenBuffer buffer = new TokenBuffer(mapper, false)) {
      GeoJsonGeometry.write(lonLat, buffer);
      return mapper.readTree(buffer.asParser());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts and sums the outcomes as they come. */
  private static final class Tally {
    final boolean dryRun;
    final List<ImportReport.FeatureOutcome> outcomes = new ArrayList<>();
    int created, replayed, valid, known, refused;
    double releasedKm2, addedKm2;

    Tally(boolean dryRun) {
      this.dryRun = dryRun;
    }

    void add(ImportReport.FeatureOutcome o) {
      outcomes.add(o);
      switch (o.status()) {
        case "created" -> created++;
        case "replayed" -> replayed++;
        case "valid" -> valid++;
        case "known" -> known++;
        default -> refused++;
      }
      if (o.status().equals("created")) {
        releasedKm2 += o.releasedKm2() == null ? 0 : o.releasedKm2();
        addedKm2 += o.addedKm2() == null ? 0 : o.addedKm2();
      }
    }

    ImportReport report(String sha256, FileFormat format, String crs, int total) {
      return new ImportReport(sha256, format.name().toLowerCase(java.util.Locale.ROOT), crs, dryRun, total, created,
          replayed, valid, known, refused, Math.round(releasedKm2 * 1e6) / 1e6, Math.round(addedKm2 * 1e6) / 1e6,
          outcomes);
    }
  }
}
