package org.landrelease.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.Geometries;
import org.landrelease.geometry.Reprojection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A CSV file with a header row and either a geometry column (WKT, or the geoshape of an ODK or KoboToolbox form) or
 * longitude and latitude columns (points: a point cannot be an event footprint, so such a file is refused as a whole
 * by the import). A CSV says nothing of its CRS: the caller names it (crs), else it is EPSG:4326.
 */
final class CsvSource implements FeatureSource {
  private static final List<String> WKT_NAMES = List.of("wkt", "geometry", "geom", "the_geom");
  private static final List<String> LON_NAMES = List.of("lon", "lng", "long", "longitude", "x");
  private static final List<String> LAT_NAMES = List.of("lat", "latitude", "y");

  private final Path file;
  private final List<String> header;
  private final Reprojection crs;
  private final int wkt;
  private final int lon;
  private final int lat;

  private CsvSource(Path file, List<String> header, Reprojection crs, int wkt, int lon, int lat) {
    this.file = file;
    this.header = header;
    this.crs = crs;
    this.wkt = wkt;
    this.lon = lon;
    this.lat = lat;
  }

  static CsvSource open(Path file, SourceOptions options) throws IOException {
    List<String> header;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      header = new CsvRows(in).next();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw FeatureSources.unreadable("CSV file", "it is not UTF-8 text");
    }
    if (header == null || header.stream().allMatch(String::isBlank)) {
      throw FeatureSources.unreadable("CSV file", "it has no header row");
    }
    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
      header.set(0, header.get(0).substring(1));
    }
    Reprojection crs = options.crs() == null ? Reprojection.WGS84
        : FeatureSources.crsNamed(options.crs(), "the 'crs' parameter");
    int wkt = column(header, options.wktColumn(), WKT_NAMES, "geometry.wkt");
    int lon = wkt >= 0 ? -1 : column(header, options.lonColumn(), LON_NAMES, "geometry.lon");
    int lat = wkt >= 0 ? -1 : column(header, options.latColumn(), LAT_NAMES, "geometry.lat");
    if (wkt < 0 && (lon < 0 || lat < 0)) {
      throw LedgerException.unprocessable("no-geometry-column", "the CSV has no WKT column (wkt, geometry, geom, "
          + "the_geom) and no lon/lat columns; name it in the mapping's \"geometry\"; its columns are " + header)
              .with("file.noGeometryColumn", "columns", header);
    }
    return new CsvSource(file, List.copyOf(header), crs, wkt, lon, lat);
  }

  private static int column(List<String> header, String given, List<String> usual, String what) {
    if (given != null) {
      int i = header.indexOf(given);
      if (i < 0) {
        throw LedgerException.unprocessable("unknown-column", "mapping " + what + " names column '" + given
            + "', which the file does not have; its columns are " + header)
                .with("file.unknownMappedColumn", "what", what, "column", given, "columns", header);
      }
      return i;
    }
    for (int i = 0; i < header.size(); i++) {
      if (usual.contains(header.get(i).trim().toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public List<String> columns() {
    return header;
  }

  @Override
  public Reprojection crs() {
    return crs;
  }

  @Override
  public void forEach(Sink sink) throws Exception {
    WKTReader reader = new WKTReader(Geometries.FACTORY);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvRows rows = new CsvRows(in);
      rows.next();
      int index = 0;
      for (List<String> row = rows.next(); row != null; row = rows.next()) {
        if (row.size() == 1 && row.get(0).isBlank()) {
          continue;
        }
        index++;
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          String v = i < row.size() ? row.get(i) : "";
          attributes.put(header.get(i), v.isEmpty() ? null : v);
        }
        Geometry geometry = null;
        String problem = null;
        try {
          geometry = geometry(row, reader);
        } catch (ParseException | NumberFormatException e) {
          problem = "row " + index + ": " + e.getMessage();
        }
        sink.accept(new SourceFeature(index, null, geometry, problem, attributes));
      }
    }
  }

  private Geometry geometry(List<String> row, WKTReader reader) throws ParseException {
    if (wkt >= 0) {
      String text = wkt < row.size() ? row.get(wkt).trim() : "";
      if (text.isEmpty()) {
        return null;
      }
      if (!OdkGeoshape.looksLike(text)) {
        return reader.read(text);
      }
      if (!crs.isIdentity()) {
        throw new ParseException("an ODK/KoboToolbox geoshape is in WGS84 latitude/longitude, but the 'crs' "
            + "parameter says " + crs.name() + "; leave 'crs' out");
      }
      return OdkGeoshape.parse(text);
    }
    String x = lon < row.size() ? row.get(lon).trim() : "";
    String y = lat < row.size() ? row.get(lat).trim() : "";
    if (x.isEmpty() || y.isEmpty()) {
      return null;
    }
    return Geometries.FACTORY.createPoint(new Coordinate(Double.parseDouble(x), Double.parseDouble(y)));
  }

  @Override
  public void close() {}
}
