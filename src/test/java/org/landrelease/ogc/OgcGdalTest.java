package org.landrelease.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.geometry.GeodesicArea;
import org.landrelease.http.TestServer;
import org.locationtech.jts.io.WKBReader;

/** GDAL's own OGC API – Features client (ogrinfo, ogr2ogr, driver OAPIF) reads the service as QGIS would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcGdalTest {
  private TestServer server;
  private String source;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    OgcFixture.load(server);
    source = "OAPIF:" + server.base() + "/ogc";
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @BeforeEach
  void gdal() {
    Gdal.require();
  }

  private static long featureCount(String ogrinfo) {
    Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfo);
    assertTrue(m.find(), ogrinfo);
    return Long.parseLong(m.group(1));
  }

  /** The hazard ids ogrinfo prints for a layer read in full, with whatever filter is given. */
  private Set<Long> hazardIds(String... filter) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of(Gdal.OGRINFO, "-ro", "-q", "-geom=NO", "-oo",
        "PAGE_SIZE=2", source, "hazards"));
    args.addAll(List.of(filter));
    String out = Gdal.run(args.toArray(String[]::new));
    Set<Long> ids = new TreeSet<>();
    Matcher m = Pattern.compile("\\bid \\(Integer(?:64)?\\) = (\\d+)").matcher(out);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    assertTrue(out.contains("Layer name: hazards") && !ids.isEmpty(), out);
    return ids;
  }

  @Test
  void ogrinfoListsTheFourCollections() throws Exception {
    String out = Gdal.run(Gdal.OGRINFO, "-ro", "-so", source);
    for (String layer : List.of("1: hazards", "2: releases", "3: regions", "4: events")) {
      assertTrue(out.contains(layer), out);
    }
  }

  @Test
  void featureCountsAreTheApis() throws Exception {
    for (String layer : List.of("hazards", "releases", "regions", "events")) {
      long api = server.get("/ogc/collections/" + layer + "/items?limit=1").json().get("numberMatched").asLong();
      assertEquals(api, featureCount(Gdal.run(Gdal.OGRINFO, "-ro", "-so", source, layer)), layer);
    }
  }

  @Test
  void spatialAndAttributeFiltersReturnTheRightHazards() throws Exception {
    Set<Long> all = hazardIds();
    assertEquals(5, all.size());
    Long first = all.iterator().next();
    assertEquals(Set.of(first), hazardIds("-spat", "29.99", "49.99", "30.005", "50.005"));
    assertEquals(Set.of(first), hazardIds("-where", "classification = 'SHA' AND area_km2 < 0.7"));
    assertEquals(4, hazardIds("-where", "reported_date >= '2024-03-01'").size());
  }

  @Test
  void integerFeatureIdsAreGdalsFids() throws Exception {
    long id = hazardIds().iterator().next();
    String out = Gdal.run(Gdal.OGRINFO, "-ro", "-q", "-geom=NO", "-fid", String.valueOf(id), source, "hazards");
    assertTrue(out.contains("OGRFeature(hazards):" + id), out);
  }

  @Test
  void geoPackageExportHasTheLedgersHazardArea(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    File gpkg = dir.resolve("hazards.gpkg").toFile();
    Gdal.run(Gdal.OGR2OGR, "-f", "GPKG", gpkg.getPath(), "-oo", "PAGE_SIZE=3", source, "hazards");
    double[] m2AndCount = geodesicM2(gpkg, "hazards");
    assertEquals(5, m2AndCount[1]);
    double ledgerKm2 = server.get("/api/stats/summary").json().get("hazardAreaKm2").asDouble();
    // the ledger rounds to the square metre
    assertEquals(ledgerKm2 * 1e6, m2AndCount[0], Math.max(2.0, 1e-6 * m2AndCount[0]));
  }

  /**
   * A page in a southern UTM zone (EPSG:32736, which covers Ukraine's 30-36 E with a 10,000 km false northing), read by
   * GDAL's GeoJSON driver and taken back to WGS84 by PROJ, not proj4j: the hazard area comes out as the ledger's.
   * GDAL 3.6's OAPIF driver cannot ask for a crs, so the items URL is read as GeoJSON.
   */
  @Test
  void pageInASouthernUtmZoneGoesBackToTheLedgersAreaThroughProj(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    File gpkg = dir.resolve("hazards-utm36s.gpkg").toFile();
    String url = server.base() + "/ogc/collections/hazards/items?limit=100&crs="
        + OgcApiTest.q("http://www.opengis.net/def/crs/EPSG/0/32736");
    Gdal.run(Gdal.OGR2OGR, "-f", "GPKG", gpkg.getPath(), "-s_srs", "EPSG:32736", "-t_srs", "EPSG:4326",
        "-nln", "hazards", "GeoJSON:" + url);
    double[] m2AndCount = geodesicM2(gpkg, "hazards");
    assertEquals(5, m2AndCount[1]);
    double ledgerKm2 = server.get("/api/stats/summary").json().get("hazardAreaKm2").asDouble();
    assertEquals(ledgerKm2 * 1e6, m2AndCount[0], Math.max(2.0, 1e-6 * m2AndCount[0]));
  }

  /** The summed geodesic area (m²) of a GeoPackage table's features, and how many there are. */
  private static double[] geodesicM2(File gpkg, String table) throws Exception {
    double m2 = 0;
    int features = 0;
    try (GeoPackage gp = GeoPackageManager.open(gpkg, false)) {
      FeatureDao dao = gp.getFeatureDao(table);
      FeatureResultSet rs = dao.queryForAll();
      try {
        while (rs.moveToNext()) {
          m2 += GeodesicArea.m2(new WKBReader().read(rs.getGeometry().getWkb()));
          features++;
        }
      } finally {
        rs.close();
      }
    }
    return new double[] {m2, features};
  }
}
