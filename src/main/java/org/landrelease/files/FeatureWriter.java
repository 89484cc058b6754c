package org.landrelease.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes the features of one layer (WGS84 lon/lat polygons) to a file: values in schema order (String, Number,
 * LocalDate or null). finish() completes the file; close() without finish() leaves an incomplete one.
 */
public interface FeatureWriter extends AutoCloseable {
  void write(Geometry geometry, List<Object> values) throws IOException;

  void finish() throws IOException;

  @Override
  void close() throws IOException;

  static FeatureWriter open(FileFormat format, Path file, FeatureSchema schema) throws IOException {
    return switch (format) {
      case GEOJSON -> new GeoJsonWriter(file, schema);
      case CSV -> new CsvWriter(file, schema);
      case GPKG -> new GeoPackageWriter(file, schema);
      case SHP -> new ShapefileWriter(file, schema);
    };
  }
}
