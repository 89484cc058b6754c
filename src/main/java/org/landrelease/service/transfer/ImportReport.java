package org.landrelease.service.transfer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.function.Function;
import org.landrelease.domain.Message;

/**
 * What an import did (or, in a dry run, would do) with each feature of a file, in file order.
 *
 * @param sha256   the file's SHA-256: with each feature's position it names the feature's event id
 * @param crs      the CRS the features were read in and moved from (EPSG:4326 when already lon/lat)
 * @param features every feature's outcome; counts are created/replayed (real run), valid/known (dry run), refused
 */
public record ImportReport(String sha256, String format, String crs, boolean dryRun, int featureCount, int created,
    int replayed, int valid, int known, int refused, double releasedKm2, double addedKm2,
    List<FeatureOutcome> features) {

  /**
   * One feature. status: created, replayed (real run); valid (would be created), known (already in the ledger with
   * the same body) in a dry run; refused with a problem in either.
   */
  public record FeatureOutcome(int feature, String fid, String id, String status, Double footprintKm2,
      Double releasedKm2, Double addedKm2, FeatureProblem problem) {}

  /**
   * Why a feature was refused: the problem's slug and HTTP status as if it had been posted, and where; the message
   * (not serialised) lets the HTTP layer give the detail in the reader's language.
   */
  public record FeatureProblem(String problem, int status, String detail, double[] coordinate,
      @JsonIgnore Message message) {}

  /** The same report with every refused feature's detail rewritten (translated) by the function. */
  public ImportReport withDetails(Function<FeatureProblem, String> detail) {
    List<FeatureOutcome> out = features.stream().map(f -> f.problem() == null ? f
        : new FeatureOutcome(f.feature(), f.fid(), f.id(), f.status(), f.footprintKm2(), f.releasedKm2(),
            f.addedKm2(), new FeatureProblem(f.problem().problem(), f.problem().status(), detail.apply(f.problem()),
                f.problem().coordinate(), f.problem().message()))).toList();
    return new ImportReport(sha256, format, crs, dryRun, featureCount, created, replayed, valid, known, refused,
        releasedKm2, addedKm2, out);
  }
}
