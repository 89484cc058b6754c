package org.landrelease.files;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.landrelease.geometry.GeoJsonGeometry;
import org.locationtech.jts.geom.Geometry;

/** An RFC 7946 FeatureCollection, streamed feature by feature. */
final class GeoJsonWriter implements FeatureWriter {
  private final JsonGenerator out;
  private final FeatureSchema schema;

  GeoJsonWriter(Path file, FeatureSchema schema) throws IOException {
    this.schema = schema;
    this.out = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8);
    out.writeStartObject();
    out.writeStringField("type", "FeatureCollection");
    out.writeStringField("name", schema.layer());
    out.writeArrayFieldStart("features");
  }

  @Override
  public void write(Geometry geometry, List<Object> values) throws IOException {
    out.writeStartObject();
    out.writeStringField("type", "Feature");
    out.writeObjectFieldStart("properties");
    for (int i = 0; i < values.size(); i++) {
      out.writeFieldName(schema.fields().get(i).name());
      Object v = values.get(i);
      if (v == null) {
        out.writeNull();
      } else if (v instanceof Long || v instanceof Integer) {
        out.writeNumber(((Number) v).longValue());
      } else if (v instanceof Number n) {
        out.writeNumber(n.doubleValue());
      } else {
        out.writeString(v.toString());
      }
    }
    out.writeEndObject();
    out.writeFieldName("geometry");
    GeoJsonGeometry.write(geometry, out);
    out.writeEndObject();
  }

  @Override
  public void finish() throws IOException {
    out.writeEndArray();
    out.writeEndObject();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
