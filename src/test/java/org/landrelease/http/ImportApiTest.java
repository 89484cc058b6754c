package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TransferFixtures.importFile;
import static org.landrelease.http.TransferFixtures.square;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.http.TestServer.Response;

/** POST /api/imports over real HTTP: dry run, real run, idempotent re-import, reprojection. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportApiTest {
  static final String REPORT_MAPPING = "{\"type\":{\"const\":\"HAZARD_REPORT\"},\"date\":{\"column\":\"d\"},"
      + "\"partner\":{\"column\":\"org\"},\"grant\":{\"column\":\"grant\"},\"classification\":{\"const\":\"SHA\"},"
      + "\"hazardTypes\":{\"column\":\"haz\"}}";
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    server.fund();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String feature(String wkt, String date, String org, String grant) {
    String coords = wkt.replace("POLYGON ((", "[[[").replace("))", "]]]").replace(", ", "],[").replace(" ", ",");
    return "{\"type\":\"Feature\",\"properties\":{\"d\":\"" + date + "\",\"org\":\"" + org + "\",\"grant\":\"" + grant
        + "\",\"haz\":\"AP_MINE;UXO\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + coords + "}}";
  }

  private Path geojson(String... features) throws Exception {
    Path f = Files.createTempFile(server.dir, "in", ".geojson");
    Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
    return f;
  }

  @Test
  void dryRunReportsEachFeatureWithItsProblemAndStoresNothing() throws Exception {
    Path file = geojson(feature(square(36.0, 48.0, 0.01), "2024-03-01", "HALO", "NL-HALO"),
        "{\"type\":\"Feature\",\"properties\":{\"d\":\"2024-03-01\",\"org\":\"HALO\",\"grant\":\"NL-HALO\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.1,48],[36.11,48],[36.1,48.01],[36.11,48.01],"
            + "[36.1,48]]]}}",
        feature(square(36.2, 48.0, 0.01), "2024-03-01", "HALO", "NL-DRC"),
        feature(square(36.3, 48.0, 0.01), "2099-01-01", "HALO", "NL-HALO"));
    String before = server.databaseContent();
    Response r = importFile(server, file, REPORT_MAPPING, "dryRun=true");
    assertEquals(200, r.status(), r.body());
    JsonNode features = r.json().get("features");
    assertEquals(4, r.json().get("featureCount").asInt());
    assertEquals("valid", features.get(0).get("status").asText());
    assertEquals(0.82, features.get(0).get("footprintKm2").asDouble(), 0.01);
    assertEquals("invalid-geometry", features.get(1).get("problem").get("problem").asText());
    assertEquals(36.105, features.get(1).get("problem").get("coordinate").get(0).asDouble(), 1e-6);
    assertEquals("grant-of-another-partner", features.get(2).get("problem").get("problem").asText());
    assertEquals("future-date", features.get(3).get("problem").get("problem").asText());
    assertEquals(1, r.json().get("valid").asInt());
    assertEquals(3, r.json().get("refused").asInt());
    assertEquals(before, server.databaseContent());
  }

  @Test
  void realRunAppliesValidFeaturesInOrderAndReimportReplaysThem() throws Exception {
    Path file = geojson(feature(square(36.0, 48.5, 0.01), "2024-03-01", "HALO", "NL-HALO"),
        feature(square(36.005, 48.5, 0.01), "2024-03-02", "HALO", "NL-HALO"),
        feature(square(36.2, 48.5, 0.01), "2024-03-01", "NOBODY", "NL-HALO"));
    Response first = importFile(server, file, REPORT_MAPPING, "");
    assertEquals(200, first.status(), first.body());
    assertEquals(2, first.json().get("created").asInt());
    assertEquals(1, first.json().get("refused").asInt());
    JsonNode f = first.json().get("features");
    // imported events are submissions: a reviewer approves them, in file order
    Response reviewed = server.as(server.reviewerToken).post("/api/reviews", "{\"decisions\":[{\"event\":\""
        + f.get(0).get("id").asText() + "\",\"decision\":\"APPROVE\"},{\"event\":\"" + f.get(1).get("id").asText()
        + "\",\"decision\":\"APPROVE\"}]}");
    assertEquals(2, reviewed.json().get("approved").asInt(), reviewed.body());
    JsonNode results = reviewed.json().get("results");
    // the second square overlaps the first by half: only its new half is added
    assertEquals(results.get(0).get("result").get("addedKm2").asDouble() / 2,
        results.get(1).get("result").get("addedKm2").asDouble(), 0.001);
    JsonNode stored = server.get("/api/events/" + f.get(0).get("id").asText()).json();
    assertEquals("HAZARD_REPORT", stored.get("type").asText());
    assertEquals("[\"AP_MINE\",\"UXO\"]", stored.get("hazardTypes").toString());
    String after = server.databaseContent();
    Response again = importFile(server, file, REPORT_MAPPING, "");
    assertEquals(0, again.json().get("created").asInt());
    assertEquals(2, again.json().get("replayed").asInt());
    assertEquals(after, server.databaseContent());
    Response dry = importFile(server, file, REPORT_MAPPING, "dryRun=true");
    assertEquals(2, dry.json().get("known").asInt());
  }

  @Test
  void geoPackageInUtm36IsReprojectedToLonLat() throws Exception {
    // a 1 km square in UTM zone 36N on the zone's central meridian (33°E): lon 33.0, lat 48.2132 at its corner
    Path gpkg = TransferFixtures.geoPackage(server.dir.resolve("utm.gpkg"), 32636,
        List.of("POLYGON ((500000 5340000, 501000 5340000, 501000 5341000, 500000 5341000, 500000 5340000))"),
        List.of(Map.of("d", "2024-05-01", "org", "HALO", "grant", "NL-HALO", "haz", "AP_MINE")));
    Response r = importFile(server, gpkg, REPORT_MAPPING, "");
    assertEquals(200, r.status(), r.body());
    assertEquals("EPSG:32636", r.json().get("crs").asText());
    JsonNode f = r.json().get("features").get(0);
    assertEquals("created", f.get("status").asText(), r.body());
    // 1 km² on the ground, seen through UTM's 0.9996 scale at the central meridian
    assertEquals(1.0 / (0.9996 * 0.9996), f.get("footprintKm2").asDouble(), 0.0005);
    JsonNode corner = server.get("/api/events/" + f.get("id").asText()).json().get("geometry").get("coordinates")
        .get(0).get(0);
    assertEquals(33.0, corner.get(0).asDouble(), 1e-6);
    assertEquals(48.2132273, corner.get(1).asDouble(), 1e-6);
  }

  @Test
  void csvWithWktColumnAndCrsParameter() throws Exception {
    Path csv = server.dir.resolve("fields.csv");
    Files.writeString(csv, "id,clr_date,WKT,notes\r\n1,2024-06-01,\"POLYGON ((500000 5300000, 500500 5300000, "
        + "500500 5300500, 500000 5300500, 500000 5300000))\",\"cleared, by hand\"\r\n");
    String mapping = "{\"type\":{\"const\":\"CLEARANCE\"},\"date\":\"clr_date\",\"partner\":{\"const\":\"HALO\"},"
        + "\"method\":{\"const\":\"MANUAL\"},\"notes\":{\"column\":\"notes\"},\"devicesFound\":{\"AP_MINE\":{\"const\":3}}}";
    Response r = importFile(server, csv, mapping, "format=csv&crs=EPSG:32636");
    assertEquals(200, r.status(), r.body());
    JsonNode f = r.json().get("features").get(0);
    assertEquals("created", f.get("status").asText(), r.body());
    assertEquals(0.25 / (0.9996 * 0.9996), f.get("footprintKm2").asDouble(), 0.0005);
    JsonNode stored = server.get("/api/events/" + f.get("id").asText()).json();
    assertEquals("cleared, by hand", stored.get("notes").asText());
    assertEquals(3, stored.get("devicesFound").get("AP_MINE").asInt());
  }

  /**
   * A KoboToolbox CSV export: the boundary a team walked is a geoshape ("lat lon alt accuracy;...", latitude first),
   * in a column named after the form's question, among Kobo's own columns. Its area is the same square's as WKT.
   */
  @Test
  void csvFromKoboToolboxWithAGeoshapeColumn() throws Exception {
    Path csv = server.dir.resolve("kobo.csv");
    Files.writeString(csv, "start,end,survey_date,boundary,_id,_uuid,_submission_time\n"
        + "2024-06-03T09:12:01.000+03:00,2024-06-03T09:40:12.000+03:00,2024-06-03,"
        + "\"48.0 36.3 152.4 4.5;48.0 36.31 151.0 3.9;48.01 36.31 150.2 4.1;48.01 36.3 149.8 4.0;48.0 36.3 152.4 4.5\","
        + "1001,6b2c,2024-06-03T07:41:00\n"
        + "2024-06-04T10:00:00.000+03:00,2024-06-04T10:30:00.000+03:00,2024-06-04,"
        + "\"48.0 36.4 0 0;48.0 36.41 0 0;48.01 36.41 0 0\",1002,7c3d,2024-06-04T08:31:00\n"
        + "2024-06-05T10:00:00.000+03:00,2024-06-05T10:30:00.000+03:00,2024-06-05,"
        + "\"48.0 36.5 0 0;48.0 36.51\",1003,8d4e,2024-06-05T08:31:00\n");
    String mapping = "{\"type\":{\"const\":\"NON_TECHNICAL_SURVEY\"},\"date\":\"survey_date\",\"partner\":"
        + "{\"const\":\"HALO\"},\"grant\":{\"const\":\"NL-HALO\"},\"geometry\":{\"column\":\"boundary\"}}";
    Response r = importFile(server, csv, mapping, "format=csv&dryRun=true");
    assertEquals(200, r.status(), r.body());
    JsonNode features = r.json().get("features");
    JsonNode wkt = importFile(server, geojson(feature(square(36.3, 48.0, 0.01), "2024-06-03", "HALO", "NL-HALO")),
        REPORT_MAPPING, "dryRun=true").json().get("features").get(0);
    assertEquals("valid", features.get(0).get("status").asText(), r.body());
    assertEquals(wkt.get("footprintKm2").asDouble(), features.get(0).get("footprintKm2").asDouble(), 1e-9);
    assertEquals("valid", features.get(1).get("status").asText(), "a ring the form left open is closed: " + r.body());
    assertEquals("refused", features.get(2).get("status").asText(), r.body());
    assertTrue(features.get(2).get("problem").get("detail").asText().contains("at least three distinct points"),
        r.body());

    Response utm = importFile(server, csv, mapping, "format=csv&dryRun=true&crs=EPSG:32636");
    assertTrue(utm.body().contains("geoshape is in WGS84"), utm.body());
  }

  @Test
  void shapefileWithPrjWrittenByGdalIsReprojected() throws Exception {
    TransferFixtures.requireGdal();
    Path dir = Files.createTempDirectory(server.dir, "shp");
    Path geojson = dir.resolve("in.geojson");
    Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\"features\":["
        + feature(square(33.5, 48.8, 0.01), "2024-07-01", "HALO", "NL-HALO") + "]}");
    TransferFixtures.gdal(TransferFixtures.OGR2OGR, "-f", "ESRI Shapefile", "-t_srs", "EPSG:32636",
        dir.resolve("fields.shp").toString(), geojson.toString());
    Path zip = dir.resolve("fields.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      for (String ext : List.of("shp", "shx", "dbf", "prj")) {
        out.putNextEntry(new java.util.zip.ZipEntry("fields." + ext));
        Files.copy(dir.resolve("fields." + ext), out);
      }
    }
    Response r = importFile(server, zip, REPORT_MAPPING, "");
    assertEquals(200, r.status(), r.body());
    JsonNode f = r.json().get("features").get(0);
    assertEquals("created", f.get("status").asText(), r.body());
    assertTrue(r.json().get("crs").asText().contains("WGS_1984_UTM_Zone_36N")
        || r.json().get("crs").asText().contains("32636"), r.body());
    Response posted = server.get("/api/events/" + f.get("id").asText());
    JsonNode corner = posted.json().get("geometry").get("coordinates").get(0).get(0);
    double lon = (corner.get(0).isArray() ? corner.get(0) : corner).get(0).asDouble(); // Polygon or MultiPolygon
    assertEquals(33.5, lon, 1e-6);
  }
}
