package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TransferFixtures.importFile;
import static org.landrelease.http.TransferFixtures.square;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.http.TestServer.Response;

/** Bad files get a problem+json and store nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportBadFileTest {
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

  private void assertRefused(Path file, String mapping, String params, int status, String slug, String detail)
      throws Exception {
    String before = server.databaseContent();
    Response r = importFile(server, file, mapping, params);
    assertEquals(status, r.status(), r.body());
    assertEquals("application/problem+json", r.contentType());
    assertTrue(r.json().get("type").asText().endsWith("/" + slug), r.body());
    assertTrue(r.json().get("detail").asText().contains(detail), r.body());
    assertTrue(!r.body().contains("Exception") && !r.body().contains("\tat "), r.body());
    assertEquals(before, server.databaseContent());
  }

  @Test
  void corruptGeoPackageIsUnreadable() throws Exception {
    Path f = server.dir.resolve("corrupt.gpkg");
    byte[] bytes = new byte[4096];
    System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 16);
    Files.write(f, bytes);
    assertRefused(f, ImportApiTest.REPORT_MAPPING, "", 422, "unreadable-file", "GeoPackage");
  }

  @Test
  void geoPackageWithUndefinedSrsIsMissingCrs() throws Exception {
    Path f = TransferFixtures.geoPackage(server.dir.resolve("undefined.gpkg"), 0,
        List.of(square(36.0, 47.0, 0.01)), List.of(Map.of("d", "2024-01-01", "org", "HALO", "grant", "NL-HALO",
            "haz", "UXO")));
    assertRefused(f, ImportApiTest.REPORT_MAPPING, "", 422, "missing-crs", "undefined");
  }

  @Test
  void shapefileWithoutPrjIsMissingCrs() throws Exception {
    Path zip = server.dir.resolve("noprj.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      for (String ext : List.of("shp", "shx", "dbf")) {
        out.putNextEntry(new java.util.zip.ZipEntry("fields." + ext));
        out.write(new byte[100]);
      }
    }
    assertRefused(zip, ImportApiTest.REPORT_MAPPING, "", 422, "missing-crs", ".prj");
  }

  @Test
  void unknownColumnNamesItAndTheColumnsThereAre() throws Exception {
    Path f = TransferFixtures.geoPackage(server.dir.resolve("cols.gpkg"), 4326,
        List.of(square(36.0, 47.0, 0.01)), List.of(Map.of("clr_date", "2024-01-01")));
    assertRefused(f, "{\"type\":{\"const\":\"SURVEY_CANCEL\"},\"date\":{\"column\":\"clr_dt\"},"
        + "\"partner\":{\"const\":\"HALO\"}}", "", 422, "unknown-column", "'clr_dt'");
    assertRefused(f, "{\"type\":{\"const\":\"SURVEY_CANCEL\"},\"date\":{\"column\":\"clr_dt\"},"
        + "\"partner\":{\"const\":\"HALO\"}}", "", 422, "unknown-column", "[clr_date]");
  }

  @Test
  void mixedGeometryTypesAreRefused() throws Exception {
    Path f = TransferFixtures.geoPackage(server.dir.resolve("mixed.gpkg"), 4326,
        List.of(square(36.0, 47.0, 0.01), "POINT (36.5 47.5)"),
        List.of(Map.of("d", "2024-01-01"), Map.of("d", "2024-01-02")));
    assertRefused(f, "{\"type\":{\"const\":\"SURVEY_CANCEL\"},\"date\":\"d\",\"partner\":{\"const\":\"HALO\"}}", "",
        422, "mixed-geometry-types", "Point");
  }

  @Test
  void pointCsvCannotMakePolygons() throws Exception {
    Path f = server.dir.resolve("points.csv");
    Files.writeString(f, "lon,lat,d\n36.1,47.1,2024-01-01\n");
    assertRefused(f, "{\"type\":{\"const\":\"SURVEY_CANCEL\"},\"date\":\"d\",\"partner\":{\"const\":\"HALO\"}}",
        "format=csv", 422, "not-polygons", "Point");
  }

  @Test
  void upload200MegabytesDeclaredIsRefusedWith413() throws Exception {
    assertTooLarge("Content-Length: " + (200L * 1024 * 1024) + "\r\n", false);
  }

  @Test
  void upload200MegabytesChunkedIsRefusedWith413() throws Exception {
    assertTooLarge("Transfer-Encoding: chunked\r\n", true);
  }

  /**
   * Speaks HTTP on a socket: JDK 17's HttpClient hangs on an Expect: 100-continue answered with a final status, and a
   * client still sending may see the connection closed under it. The body is written on another thread while this
   * one reads the answer, which the server sends as soon as the limit is passed.
   */
  private void assertTooLarge(String lengthHeader, boolean chunked) throws Exception {
    String before = server.databaseContent();
    String mapping = java.net.URLEncoder.encode(ImportApiTest.REPORT_MAPPING, StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", URI.create(server.base()).getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/imports?format=geojson&mapping=" + mapping + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Bearer " + server.adminToken + "\r\n"
          + "Content-Type: application/octet-stream\r\n" + lengthHeader + "Connection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      Thread writer = new Thread(() -> {
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, (byte) ' ');
        try {
          for (int i = 0; i < 200; i++) {
            if (chunked) {
              out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(block);
            if (chunked) {
              out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
          }
          if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          }
        } catch (java.io.IOException e) {
          // the server stopped reading at its limit: expected
        }
      });
      writer.setDaemon(true);
      writer.start();
      String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 413", head);
    }
    assertEquals(before, server.databaseContent());
  }
}
