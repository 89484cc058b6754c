package org.landrelease.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.junit.jupiter.api.Assumptions;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** Files for import tests, made in the test: GeoPackages with mil.nga, GeoJSON as text; GDAL where it is realistic. */
final class TransferFixtures {
  static final String OGRINFO = "/usr/bin/ogrinfo";
  static final String OGR2OGR = "/usr/bin/ogr2ogr";

  private TransferFixtures() {}

  /** A GeoPackage with one feature table "fields" in the SRS srsId (an EPSG code, or 0 for "undefined"). */
  static Path geoPackage(Path file, long srsId, List<String> wkts, List<Map<String, Object>> attributes)
      throws Exception {
    Files.deleteIfExists(file);
    GeoPackageManager.create(file.toFile());
    try (GeoPackage gp = GeoPackageManager.open(file.toFile())) {
      SpatialReferenceSystem srs = srsId == 0 ? gp.getSpatialReferenceSystemDao().queryForId(0L)
          : srsId == 4326 ? gp.getSpatialReferenceSystemDao().getOrCreateFromEpsg(srsId) : utm36(gp);
      GeometryColumns gc = new GeometryColumns();
      gc.setId(new TableColumnKey("fields", "geom"));
      gc.setGeometryType(GeometryType.GEOMETRY);
      gc.setZ((byte) 0);
      gc.setM((byte) 0);
      gc.setSrs(srs);
      List<FeatureColumn> columns = new ArrayList<>();
      for (String name : attributes.get(0).keySet()) {
        columns.add(FeatureColumn.createColumn(name, GeoPackageDataType.TEXT));
      }
      gp.createFeatureTable(FeatureTableMetadata.create(gc, columns));
      FeatureDao dao = gp.getFeatureDao("fields");
      WKTReader wkt = new WKTReader();
      for (int i = 0; i < wkts.size(); i++) {
        FeatureRow row = dao.newRow();
        Geometry g = wkt.read(wkts.get(i));
        row.setGeometry(GeoPackageGeometryData.create(srs.getSrsId(),
            mil.nga.sf.wkb.GeometryReader.readGeometry(new WKBWriter().write(g))));
        attributes.get(i).forEach((k, v) -> row.setValue(k, v == null ? null : v.toString()));
        dao.create(row);
      }
    }
    return file;
  }

  /** EPSG:32636 as GDAL defines it (mil.nga cannot create it from the code alone). */
  private static SpatialReferenceSystem utm36(GeoPackage gp) throws java.sql.SQLException {
    SpatialReferenceSystem srs = new SpatialReferenceSystem();
    srs.setSrsName("WGS 84 / UTM zone 36N");
    srs.setSrsId(32636);
    srs.setOrganization("EPSG");
    srs.setOrganizationCoordsysId(32636);
    srs.setDefinition(UTM36_WKT);
    gp.getSpatialReferenceSystemDao().create(srs);
    return srs;
  }

  static final String UTM36_WKT = "PROJCS[\"WGS 84 / UTM zone 36N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\","
      + "SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
      + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",33],"
      + "PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],"
      + "UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"32636\"]]";

  /** POST /api/imports with the file as the body and the mapping and options as query parameters. */
  static TestServer.Response importFile(TestServer server, Path file, String mapping, String params)
      throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/imports?mapping="
        + URLEncoder.encode(mapping, StandardCharsets.UTF_8) + (params.isEmpty() ? "" : "&" + params)))
        .header("Content-Type", "application/octet-stream").header("Authorization", "Bearer " + server.adminToken)
        .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
  }

  /** Downloads an export to a file and returns its HTTP response headers' content type. */
  static String download(TestServer server, String query, Path to) throws Exception {
    var r = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base()
        + "/api/exports?" + query)).build(), java.net.http.HttpResponse.BodyHandlers.ofFile(to));
    if (r.statusCode() != 200) {
      throw new AssertionError("export " + query + " gave " + r.statusCode() + ": " + Files.readString(to));
    }
    return r.headers().firstValue("content-type").orElse("") + "|"
        + r.headers().firstValue("content-disposition").orElse("");
  }

  /** Skips the test without GDAL, unless CI_REQUIRE_GDAL=1 says GDAL must be there. */
  static void requireGdal() {
    boolean present = Files.isExecutable(Path.of(OGRINFO)) && Files.isExecutable(Path.of(OGR2OGR));
    if (!present && "1".equals(System.getenv("CI_REQUIRE_GDAL"))) {
      throw new AssertionError("CI_REQUIRE_GDAL=1 but " + OGRINFO + " or " + OGR2OGR + " is missing");
    }
    Assumptions.assumeTrue(present, "GDAL (" + OGRINFO + ") is not installed: skipping the GDAL check");
  }

  /** Runs a GDAL command and returns its output; fails on a non-zero exit. */
  static String gdal(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  static String square(double lon, double lat, double d) {
    return String.format(java.util.Locale.ROOT, "POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))", lon, lat, lon + d,
        lat, lon + d, lat + d, lon, lat + d, lon, lat);
  }
}
