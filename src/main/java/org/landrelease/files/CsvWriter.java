package org.landrelease.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/** CSV with the geometry as WKT in its first column, named WKT (GDAL and QGIS pick it up by that name). */
final class CsvWriter implements FeatureWriter {
  private final BufferedWriter out;
  private final WKTWriter wkt = new WKTWriter();

  CsvWriter(Path file, FeatureSchema schema) throws IOException {
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    out.write("WKT");
    for (FeatureSchema.Field f : schema.fields()) {
      out.write(',');
      out.write(f.name());
    }
    out.write("\r\n");
  }

  @Override
  public void write(Geometry geometry, List<Object> values) throws IOException {
    out.write(quote(wkt.write(geometry)));
    for (Object v : values) {
      out.write(',');
      if (v != null) {
        out.write(quote(v.toString()));
      }
    }
    out.write("\r\n");
  }

  /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
