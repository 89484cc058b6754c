package org.landrelease.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.landrelease.domain.LedgerException;
import org.landrelease.files.FeatureSource;
import org.landrelease.files.FeatureSources;
import org.landrelease.files.FileFormat;
import org.landrelease.files.SourceOptions;
import org.landrelease.geometry.GeodesicArea;
import org.landrelease.geometry.ZoneShape;
import org.landrelease.geometry.ZoningCheck;
import org.landrelease.geometry.ZoningIndex;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads a zoning from a GeoJSON, GeoPackage or zipped Shapefile with the import machinery (FeatureSources, the
 * file's own CRS reprojected to WGS84), and checks it: a code per zone, unique, valid polygons, no overlaps. What is
 * wrong is collected as problems, so that a dry run shows them all.
 */
final class ZoningFile {
  /** Which attribute holds each zone's code, name and (optional) class. */
  record Fields(String code, String name, String zoneClass, String filterField, String filterValue) {
    Fields(String code, String name, String zoneClass) {
      this(code, name, zoneClass, null, null);
    }
  }

  /** The zones read (in code order) and what is wrong with the file. */
  record Read(List<ZoneShape> zones, List<ZoningCheck.Problem> problems, String crs) {}

  private ZoningFile() {}

  static Read read(Path file, FileFormat format, String layer, Fields fields) throws Exception {
    if (format == FileFormat.CSV) {
      throw LedgerException.unprocessable("unsupported-format",
          "a zoning is read from a GeoJSON, GeoPackage or zipped Shapefile, not a CSV");
    }
    List<ZoneShape> zones = new ArrayList<>();
    List<ZoningCheck.Problem> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String crs;
    try (FeatureSource source = FeatureSources.open(file, format, new SourceOptions(layer, null, null, null, null))) {
      for (String f : new String[] {fields.code(), fields.name(), fields.zoneClass(), fields.filterField()}) {
        if (f != null && !source.columns().contains(f)) {
          throw LedgerException.unprocessable("unknown-field", "the file has no field '" + f + "'; its fields are "
              + source.columns());
        }
      }
      crs = source.crs().name();
      source.forEach(feature -> {
        if (fields.filterField() != null) {
          // one country's features of a file of many (Natural Earth's admin-1 of the world: iso_a2 = 'LB')
          Object value = feature.attributes().get(fields.filterField());
          if (value == null || !value.toString().strip().equalsIgnoreCase(fields.filterValue())) {
            return;
          }
        }
        Object codeValue = feature.attributes().get(fields.code());
        String code = codeValue == null ? "" : codeValue.toString().strip();
        if (code.isEmpty()) {
          problems.add(new ZoningCheck.Problem("missing-code", "feature " + feature.index() + " has no '"
              + fields.code() + "'", List.of(), null));
          return;
        }
        if (code.equals(ZoningIndex.OUTSIDE) || code.length() > 64) {
          problems.add(new ZoningCheck.Problem("invalid-code", "feature " + feature.index() + ": the code '" + code
              + "' is reserved or over 64 characters", List.of(code), null));
          return;
        }
        Integer first = seen.putIfAbsent(code, feature.index());
        if (first != null) {
          problems.add(new ZoningCheck.Problem("duplicate-code", "features " + first + " and " + feature.index()
              + " have the same code '" + code + "'", List.of(code), null));
          return;
        }
        if (feature.geometryProblem() != null) {
          problems.add(new ZoningCheck.Problem("invalid-geometry", "zone '" + code + "': "
              + feature.geometryProblem(), List.of(code), null));
          return;
        }
        Geometry g = feature.geometry() == null ? null : source.crs().toWgs84(feature.geometry());
        Geometry polygon = ZoningCheck.polygon(code, g, problems);
        if (polygon == null) {
          return;
        }
        Object name = fields.name() == null ? null : feature.attributes().get(fields.name());
        Object zoneClass = fields.zoneClass() == null ? null : feature.attributes().get(fields.zoneClass());
        zones.add(new ZoneShape(code, name == null ? code : name.toString().strip(),
            zoneClass == null ? null : zoneClass.toString().strip(), polygon, GeodesicArea.m2(polygon)));
      });
    }
    if (zones.isEmpty() && problems.isEmpty()) {
      throw LedgerException.unprocessable("no-features", "the file has no features");
    }
    zones.sort(java.util.Comparator.comparing(ZoneShape::code));
    problems.addAll(ZoningCheck.overlaps(zones));
    return new Read(zones, problems, crs);
  }
}
