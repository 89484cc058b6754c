package org.landrelease.files;

import java.nio.file.Path;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.Reprojection;

/** Opens an imported file of a given format as a FeatureSource. */
public final class FeatureSources {
  private FeatureSources() {}

  public static FeatureSource open(Path file, FileFormat format, SourceOptions options) throws Exception {
    if (options.crs() != null && format != FileFormat.CSV) {
      throw LedgerException.badRequest("crs-not-applicable",
          "'crs' is for CSV files only; a " + format + " file states its own CRS")
              .with("file.crsNotApplicable", "format", format);
    }
    return switch (format) {
      case GPKG -> GeoPackageSource.open(file, options.layer());
      case SHP -> ShapefileSource.open(file, options.layer());
      case GEOJSON -> new GeoJsonSource(file);
      case CSV -> CsvSource.open(file, options);
    };
  }

  /** The CRS a file names, as a 422 when the service cannot use it. */
  static Reprojection crsNamed(String name, String where) {
    try {
      return Reprojection.fromName(name);
    } catch (IllegalArgumentException e) {
      throw LedgerException.unprocessable("unknown-crs", where + " names the CRS '" + name
          + "', which this service cannot reproject; give an EPSG code such as EPSG:32636")
              .with("file.unknownCrs", "where", where, "crs", name);
    }
  }

  static Reprojection crsOfWkt(String wkt, String where) {
    try {
      return Reprojection.fromWkt(wkt);
    } catch (IllegalArgumentException e) {
      throw LedgerException.unprocessable("unknown-crs", where + ": " + e.getMessage())
          .with("file.crsUnreadable", "where", where, "reason", e.getMessage());
    }
  }

  static LedgerException unreadable(String format, String why) {
    return LedgerException.unprocessable("unreadable-file", "the file is not a readable " + format + ": " + why)
        .with("file.unreadable", "format", format, "reason", why);
  }
}
