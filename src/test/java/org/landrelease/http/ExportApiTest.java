package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /api/exports: each format read back by GDAL's ogrinfo and by the project's own importer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportApiTest {
  private TestServer server;
  private JsonNode hazards;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    server.fund();
    server.apply(event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2024-02-01", "HALO", "NL-HALO",
        square(37.0, 48.0, 0.05)));
    server.apply(event(UUID.randomUUID().toString(), "HAZARD_REPORT", "2024-02-02", "DRC", "NL-DRC",
        square(37.2, 48.0, 0.03)));
    server.apply(event(UUID.randomUUID().toString(), "CLEARANCE", "2024-03-01", "HALO", "NL-HALO",
        square(37.0, 48.0, 0.02)));
    hazards = server.get("/api/hazards?limit=1000").json().get("features");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpkg", "shp", "geojson", "csv"})
  void hazardsReadBackByTheImporterWithTheSameAreas(String format) throws Exception {
    Path file = server.dir.resolve("hazards-" + format);
    String headers = TransferFixtures.download(server, "layer=hazards&format=" + format, file);
    assertTrue(headers.contains("filename=\"landrelease-hazards"), headers);
    JsonNode report = TransferFixtures.importFile(server, file, "{\"type\":{\"const\":\"HAZARD_REPORT\"},"
        + "\"date\":{\"const\":\"2024-06-01\"},\"partner\":{\"const\":\"HALO\"},\"classification\":{\"column\":\"class\"}}",
        "dryRun=true&format=" + format).json();
    assertEquals(hazards.size(), report.get("featureCount").asInt(), report.toString());
    for (int i = 0; i < hazards.size(); i++) {
      assertEquals(hazards.get(i).get("properties").get("areaKm2").asDouble(),
          report.get("features").get(i).get("footprintKm2").asDouble(), 0.001);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpkg", "shp", "geojson", "csv"})
  void releasesOpenInGdalWithTheirFields(String format) throws Exception {
    TransferFixtures.requireGdal();
    Path file = server.dir.resolve("releases-" + format + (format.equals("shp") ? ".zip" : "." + format));
    String headers = TransferFixtures.download(server, "layer=releases&format=" + format + "&partner=HALO", file);
    String path = format.equals("shp") ? "/vsizip/" + file : file.toString();
    String info = TransferFixtures.gdal(TransferFixtures.OGRINFO, "-ro", "-al", "-so", path);
    assertTrue(info.contains("Feature Count: 1"), info);
    assertTrue(info.contains("area_km2"), info);
    if (format.equals("gpkg") || format.equals("shp")) {
      assertTrue(info.contains("4326") || info.contains("WGS 84"), info);
    }
    if (format.equals("gpkg")) { // the R-tree index of the gpkg_rtree_index extension, as GDAL sees it
      String index = TransferFixtures.gdal(TransferFixtures.OGRINFO, "-ro", path, "-sql",
          "SELECT HasSpatialIndex('releases', 'geom') AS indexed, (SELECT COUNT(*) FROM rtree_releases_geom) AS n");
      assertTrue(index.contains("indexed (Integer) = 1") && index.contains("n (Integer) = 1"), index);
    }
    assertTrue(headers.startsWith(format.equals("gpkg") ? "application/geopackage+sqlite3"
        : format.equals("shp") ? "application/zip" : format.equals("csv") ? "text/csv" : "application/geo+json"));
  }

  /** A filter that matches nothing is an answer too: an empty layer with its fields, which GDAL and QGIS open. */
  @ParameterizedTest
  @ValueSource(strings = {"gpkg", "shp", "geojson", "csv"})
  void anExportThatMatchesNothingIsAnEmptyLayerWithItsFields(String format) throws Exception {
    Path file = server.dir.resolve("none-" + format + (format.equals("shp") ? ".zip" : "." + format));
    TransferFixtures.download(server, "layer=releases&format=" + format + "&partner=DRC", file);
    if (format.equals("geojson")) {
      assertEquals(0, TestServer.JSON.readTree(file.toFile()).get("features").size());
    }
    if (format.equals("csv")) {
      assertEquals(1, Files.readAllLines(file).size(), "only the header row");
      assertTrue(Files.readAllLines(file).get(0).contains("area_km2"));
    }
    TransferFixtures.requireGdal();
    String path = format.equals("shp") ? "/vsizip/" + file : file.toString();
    String info = TransferFixtures.gdal(TransferFixtures.OGRINFO, "-ro", "-al", "-so", path);
    assertTrue(info.contains("Feature Count: 0"), info);
    if (!format.equals("geojson")) { // a GeoJSON file's fields are those of its features: none here
      assertTrue(info.contains("area_km2") && info.contains("partner"), info);
    }
  }

  /** A misspelt filter is an error, not an empty file that reads as "released nothing". */
  @ParameterizedTest
  @ValueSource(strings = {"partner=HAL0", "grant=NL-HAL0", "region=UA-99"})
  void anUnknownPartnerGrantOrRegionIsA404(String filter) throws Exception {
    TestServer.Response r = server.get("/api/exports?layer=releases&format=gpkg&" + filter);
    assertEquals(404, r.status(), r.body());
    assertEquals("application/problem+json", r.contentType());
    assertTrue(r.json().get("detail").asText().contains(filter.substring(filter.indexOf('=') + 1)), r.body());
  }

  @Test
  void hazardsHaveNoPastStateSoAsOfIsRefused() throws Exception {
    TestServer.Response r = server.get("/api/exports?layer=hazards&format=geojson&asOf=2024-01-01");
    assertEquals(422, r.status());
    assertTrue(r.json().get("detail").asText().contains("current state"), r.body());
  }

  @Test
  void eventsExportFiltersByAsOf() throws Exception {
    Path file = server.dir.resolve("events.geojson");
    // approved today, the events count from today (the later of their dates and their approval)
    String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
    TransferFixtures.download(server, "layer=events&format=geojson&asOf=" + yesterday, file);
    assertEquals(0, TestServer.JSON.readTree(file.toFile()).get("features").size());
    Files.delete(file);
    TransferFixtures.download(server, "layer=events&format=geojson&asOf="
        + java.time.LocalDate.now(java.time.ZoneOffset.UTC), file);
    JsonNode fc = TestServer.JSON.readTree(file.toFile());
    assertEquals(3, fc.get("features").size());
    assertEquals("HAZARD_REPORT", fc.get("features").get(0).get("properties").get("type").asText());
  }
}
