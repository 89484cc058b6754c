package org.landrelease.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/** Reads the region boundaries file: a GeoJSON FeatureCollection with code, name and name_uk properties. */
public final class RegionBoundaries {
  private RegionBoundaries() {}

  /** Reads with the caller's mapper: geometry/ builds none of its own (the service shares one, service/Json). */
  public static List<RegionShape> read(Path file, ObjectMapper mapper) throws IOException, GeometryException {
    try (InputStream in = Files.newInputStream(file)) {
      JsonNode root = mapper.readTree(in);
      List<RegionShape> out = new ArrayList<>();
      for (JsonNode feature : root.path("features")) {
        JsonNode props = feature.path("properties");
        String code = props.path("code").asText(feature.path("id").asText());
        Geometry g = GeoJsonGeometry.readPolygonal(feature.get("geometry"), Integer.MAX_VALUE);
        out.add(new RegionShape(code, props.path("name").asText(code), props.path("name_uk").asText(""), g,
            GeodesicArea.m2(g)));
      }
      if (out.isEmpty()) {
        throw new IOException("no features in region file " + file);
      }
      return out;
    }
  }
}
