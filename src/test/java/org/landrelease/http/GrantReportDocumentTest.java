package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.demo.DemoLoader;
import org.landrelease.demo.FeatureEvents;
import org.landrelease.domain.Role;

/**
 * GET /api/grants/{id}/report as JSON, PDF and XLSX over a small history (each event counted on its own date, as the
 * demo loader records them): the documents hold the JSON's figures, the JSON those of /api/stats/released, the
 * period leaves out what was released outside it, and a donor reads its own grants only, in every format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrantReportDocumentTest {
  private static final String YEAR = "from=2024-01-01&to=2024-12-31";
  /** The cleared colour of the web client (#006d2c) and the cancelled one (#2b8cbe). */
  private static final int CLEARED_RGB = 0x006d2c;
  private static final int CANCELLED_RGB = 0x2b8cbe;
  private TestServer server;
  private final List<String> inPeriod = new ArrayList<>();
  private String later;
  private String japanese;

  @BeforeAll
  void start() throws Exception {
    Path history = Files.createTempDirectory("grant-report-history");
    Files.writeString(history.resolve(DemoLoader.FUNDING_FILE), """
        {"dataset": "grant report test", "events": 8,
         "partners": [{"id": "HALO", "name": "The HALO Trust"}],
         "grants": [{"id": "NL-HALO", "donor": "Netherlands", "partner": "HALO", "title": "Land release in Kharkiv",
                     "amount": 1250000, "currency": "EUR", "start": "2023-01-01", "end": "2025-12-31"},
                    {"id": "JP-HALO", "donor": "Japan", "partner": "HALO", "title": "Survey",
                     "amount": 300000, "currency": "JPY", "start": "2023-01-01", "end": "2025-12-31"}]}
        """);
    List<String> events = new ArrayList<>();
    events.add(event(id(), "HAZARD_REPORT", "2023-06-01", "HALO", null, square(36.50, 49.50, 0.10)));
    events.add(event(id(), "HAZARD_REPORT", "2023-06-02", "HALO", null, square(37.60, 48.20, 0.05)));
    inPeriod.add(id());
    events.add(event(inPeriod.get(0), "NON_TECHNICAL_SURVEY", "2024-02-10", "HALO", "NL-HALO",
        square(36.50, 49.50, 0.02)));
    inPeriod.add(id());
    events.add(event(inPeriod.get(1), "TECHNICAL_SURVEY", "2024-03-01", "HALO", "NL-HALO",
        square(36.53, 49.50, 0.02)));
    inPeriod.add(id());
    events.add(event(inPeriod.get(2), "CLEARANCE", "2024-05-10", "HALO", "NL-HALO", square(37.61, 48.21, 0.01)));
    // a clearance of about 15 × 22 m: far below 2 px on the map, it must still show
    inPeriod.add(id());
    events.add(event(inPeriod.get(3), "CLEARANCE", "2024-06-10", "HALO", "NL-HALO", square(36.58, 49.58, 0.0002)));
    later = id();
    events.add(event(later, "NON_TECHNICAL_SURVEY", "2025-03-01", "HALO", "NL-HALO", square(36.50, 49.56, 0.02)));
    japanese = id();
    events.add(event(japanese, "NON_TECHNICAL_SURVEY", "2024-04-01", "HALO", "JP-HALO", square(36.50, 49.53, 0.02)));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(history.resolve(DemoLoader.EVENTS_FILE)))) {
      for (String body : events) {
        ObjectNode feature = FeatureEvents.toFeature(TestServer.JSON.readTree(body), TestServer.JSON);
        out.write((TestServer.JSON.writeValueAsString(feature) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    server = TestServer.withHistory(history);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private TestServer admin() {
    return server.as(server.adminToken);
  }

  private JsonNode json(String query) throws Exception {
    TestServer.Response r = admin().get("/api/grants/NL-HALO/report?" + query);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private byte[] bytes(String token, String path) throws Exception {
    HttpResponse<byte[]> r = raw(token, path);
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    return r.body();
  }

  private HttpResponse<byte[]> raw(String token, String path) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static double rowKm2(JsonNode rows, String key, String field) {
    for (JsonNode r : rows) {
      if (r.get("key").asText().equals(key)) {
        return r.get(field).asDouble();
      }
    }
    return 0;
  }

  @Test
  void theJsonHasTheFiguresOfStatsReleasedForTheSamePeriod() throws Exception {
    JsonNode report = json(YEAR);
    JsonNode byGrant = admin().get("/api/stats/released?by=grant&" + YEAR).json();
    assertEquals(rowKm2(byGrant, "NL-HALO", "km2"), report.get("releasedKm2").asDouble(), 1e-6);
    for (String kind : List.of("cancelled", "reduced", "cleared")) {
      assertEquals(rowKm2(byGrant, "NL-HALO", kind + "Km2"), report.get(kind + "Km2").asDouble(), 1e-6, kind);
      assertTrue(report.get(kind + "Km2").asDouble() > 0, kind);
    }
    assertEquals("2024-01-01", report.get("from").asText());
    assertEquals("2024-12-31", report.get("to").asText());
    // by outcome: one survey cancelled, one reduced, two clearances cleared; the total counts the four events
    JsonNode outcomes = report.get("byOutcome");
    assertEquals(List.of("cancelled/1", "reduced/1", "cleared/2", "total/4"), List.of(
        outcomes.get(0).get("outcome").asText() + "/" + outcomes.get(0).get("events").asInt(),
        outcomes.get(1).get("outcome").asText() + "/" + outcomes.get(1).get("events").asInt(),
        outcomes.get(2).get("outcome").asText() + "/" + outcomes.get(2).get("events").asInt(),
        outcomes.get(3).get("outcome").asText() + "/" + outcomes.get(3).get("events").asInt()));
    assertEquals(report.get("releasedKm2").asDouble(), outcomes.get(3).get("km2").asDouble(), 1e-9);
    List<String> ids = new ArrayList<>();
    double eventsKm2 = 0;
    for (JsonNode e : report.get("events")) {
      ids.add(e.get("id").asText());
      eventsKm2 += e.get("releasedKm2").asDouble();
    }
    assertEquals(inPeriod, ids);
    assertEquals(report.get("releasedKm2").asDouble(), eventsKm2, 1e-5);
    double regionsKm2 = 0;
    for (JsonNode r : report.get("byRegion")) {
      regionsKm2 += r.get("km2").asDouble();
    }
    assertEquals(List.of("UA-14", "UA-63"), List.of(report.get("byRegion").get(0).get("key").asText(),
        report.get("byRegion").get(1).get("key").asText()));
    // each row is rounded to the m² on its own
    assertEquals(report.get("releasedKm2").asDouble(), regionsKm2, 2e-6);
    JsonNode byRegion = admin().get("/api/stats/released?by=region&" + YEAR).json();
    // only this grant released land here in 2024 besides JP-HALO's survey in UA-63
    assertEquals(rowKm2(byRegion, "UA-14", "km2"), rowKm2(report.get("byRegion"), "UA-14", "km2"), 1e-6);
    JsonNode state = report.get("ledgerState");
    assertEquals(8, state.get("lastEventSequence").asLong());
    assertEquals("grant report test", state.get("dataset").asText());
    assertNotNull(state.get("computedAt").asText());
  }

  @Test
  void aReleaseOutsideThePeriodIsNotCounted() throws Exception {
    JsonNode year = json(YEAR);
    JsonNode all = json("");
    assertEquals("2023-01-01", all.get("from").asText());
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertEquals(today.compareTo("2025-12-31") > 0 ? today : "2025-12-31", all.get("to").asText());
    JsonNode of2025 = json("from=2025-01-01&to=2025-12-31");
    assertFalse(year.get("events").toString().contains(later));
    assertTrue(all.get("events").toString().contains(later));
    assertEquals(1, of2025.get("events").size());
    assertEquals(later, of2025.get("events").get(0).get("id").asText());
    assertTrue(of2025.get("cancelledKm2").asDouble() > 0);
    assertEquals(all.get("releasedKm2").asDouble(),
        year.get("releasedKm2").asDouble() + of2025.get("releasedKm2").asDouble(), 1e-6);
    // a period of one day with nothing counted in it
    JsonNode day = json("from=2024-02-11&to=2024-02-11");
    assertEquals(0.0, day.get("releasedKm2").asDouble());
    assertEquals(0, day.get("events").size());
    assertFalse(year.toString().contains(japanese));
  }

  @Test
  void thePdfHoldsTheFiguresTheEventsAndAMapInTheOutcomeColours() throws Exception {
    JsonNode report = json(YEAR);
    HttpResponse<byte[]> r = raw(server.adminToken, "/api/grants/NL-HALO/report?format=pdf&" + YEAR);
    assertEquals(200, r.statusCode());
    assertEquals("application/pdf", r.headers().firstValue("content-type").orElse(""));
    assertTrue(r.headers().firstValue("content-disposition").orElse("")
        .contains("grant-NL-HALO-2024-01-01-2024-12-31.pdf"));
    try (PDDocument doc = Loader.loadPDF(r.body())) {
      String text = new PDFTextStripper().getText(doc);
      for (String s : List.of("Grant report NL-HALO", "Land release in Kharkiv", "Netherlands", "HALO: The HALO Trust",
          "2024-01-01 to 2024-12-31", "1,250,000.00 EUR", "grant report test", "sequence 8", "UA-63", "Kharkiv",
          "Released by outcome", "Released by region", "Released by month", "2024-05")) {
        assertTrue(text.contains(s), s + " in\n" + text);
      }
      for (String kind : List.of("cancelled", "reduced", "cleared")) {
        assertTrue(text.contains(String.format(Locale.ENGLISH, "%,.3f", report.get(kind + "Km2").asDouble())),
            kind + " in\n" + text);
      }
      assertTrue(text.contains(String.format(Locale.ENGLISH, "%,.3f", report.get("releasedKm2").asDouble())), text);
      for (String id : inPeriod) {
        assertTrue(text.contains(id), id + " in\n" + text);
      }
      assertFalse(text.contains(later), text);
      assertFalse(text.contains(japanese), text);
      BufferedImage map = null;
      for (var name : doc.getPage(0).getResources().getXObjectNames()) {
        if (doc.getPage(0).getResources().getXObject(name) instanceof PDImageXObject image) {
          map = image.getImage();
        }
      }
      assertNotNull(map, "an image XObject on the first page");
      Files.createDirectories(Path.of("target"));
      javax.imageio.ImageIO.write(map, "png", Path.of("target/GrantReportDocumentTest-map.png").toFile());
      assertTrue(pixels(map, CLEARED_RGB) > 0, "cleared pixels");
      assertTrue(pixels(map, CANCELLED_RGB) > 100, "cancelled pixels");
    }
  }

  private static int pixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void theXlsxCellsAreTheJsonFigures() throws Exception {
    JsonNode report = json(YEAR);
    byte[] body = bytes(server.adminToken, "/api/grants/NL-HALO/report?format=xlsx&" + YEAR);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      assertEquals(List.of("About", "Outcomes", "Regions", "Months", "Land use", "Events"), List.of(
          wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3), wb.getSheetName(4),
          wb.getSheetName(5)));
      String about = "";
      for (Row row : wb.getSheet("About")) {
        about += row.getCell(0) + "=" + (row.getCell(1) == null ? "" : row.getCell(1)) + "\n";
      }
      assertTrue(about.contains("Ledger state=events up to sequence 8"), about);
      assertTrue(about.contains("Donor=Netherlands"), about);
      // the map, as in the PDF, under the facts
      assertEquals(1, wb.getAllPictures().size());
      BufferedImage map = javax.imageio.ImageIO.read(new ByteArrayInputStream(wb.getAllPictures().get(0).getData()));
      assertTrue(pixels(map, CANCELLED_RGB) > 100, "cancelled pixels");
      Sheet outcomes = wb.getSheet("Outcomes");
      for (int i = 0; i < 4; i++) {
        JsonNode o = report.get("byOutcome").get(i);
        Row row = outcomes.getRow(3 + i);
        assertEquals(o.get("outcome").asText(), row.getCell(0).getStringCellValue());
        assertEquals(o.get("events").asInt(), row.getCell(1).getNumericCellValue(), 0);
        assertEquals(CellType.NUMERIC, row.getCell(2).getCellType());
        assertEquals(o.get("km2").asDouble(), row.getCell(2).getNumericCellValue(), 0);
      }
      Sheet regions = wb.getSheet("Regions");
      assertEquals(report.get("byRegion").size() + 2, regions.getPhysicalNumberOfRows()); // title, header, rows
      for (int i = 0; i < report.get("byRegion").size(); i++) {
        JsonNode j = report.get("byRegion").get(i);
        Row row = regions.getRow(3 + i);
        assertEquals(j.get("key").asText(), row.getCell(0).getStringCellValue());
        assertEquals(j.get("cancelledKm2").asDouble(), row.getCell(2).getNumericCellValue(), 0);
        assertEquals(j.get("reducedKm2").asDouble(), row.getCell(3).getNumericCellValue(), 0);
        assertEquals(j.get("clearedKm2").asDouble(), row.getCell(4).getNumericCellValue(), 0);
        assertEquals(j.get("km2").asDouble(), row.getCell(5).getNumericCellValue(), 0);
      }
      Sheet months = wb.getSheet("Months");
      for (int i = 0; i < report.get("byMonth").size(); i++) {
        assertEquals(report.get("byMonth").get(i).get("key").asText(),
            months.getRow(3 + i).getCell(0).getStringCellValue());
        assertEquals(report.get("byMonth").get(i).get("km2").asDouble(), months.getRow(3 + i).getCell(4)
            .getNumericCellValue(), 0);
      }
      // the field record's land use: its rows add up to the grant's released km² of the period
      Sheet uses = wb.getSheet("Land use");
      double usesKm2 = 0;
      for (int i = 0; i < report.get("byLandUse").size(); i++) {
        JsonNode u = report.get("byLandUse").get(i);
        assertEquals(u.get("key").asText(), uses.getRow(3 + i).getCell(0).getStringCellValue());
        assertEquals(u.get("km2").asDouble(), uses.getRow(3 + i).getCell(4).getNumericCellValue(), 0);
        usesKm2 += u.get("km2").asDouble();
      }
      assertTrue(report.get("byLandUse").size() > 0, report.toString());
      assertEquals(report.get("releasedKm2").asDouble(), usesKm2, 1e-6);
      Sheet events = wb.getSheet("Events");
      assertEquals(inPeriod.size() + 2, events.getPhysicalNumberOfRows());
      for (int i = 0; i < inPeriod.size(); i++) {
        JsonNode e = report.get("events").get(i);
        Row row = events.getRow(3 + i);
        assertEquals(e.get("id").asText(), row.getCell(0).getStringCellValue());
        assertEquals(Map.of("NON_TECHNICAL_SURVEY", "NTS", "TECHNICAL_SURVEY", "TS", "CLEARANCE", "Clearance")
            .get(e.get("type").asText()), row.getCell(1).getStringCellValue());
        assertEquals(e.get("date").asText(), row.getCell(2).getLocalDateTimeCellValue().toLocalDate().toString());
        assertEquals(e.get("releasedKm2").asDouble(), row.getCell(5).getNumericCellValue(), 0);
      }
    }
  }

  @Test
  void aDonorReadsItsOwnGrantsReportInEveryFormatAndNoOthers() throws Exception {
    String netherlands = server.token("donor-nl-" + id().substring(0, 8), Role.DONOR, null, "Netherlands");
    String japan = server.token("donor-jp-" + id().substring(0, 8), Role.DONOR, null, "Japan");
    for (String format : List.of("", "&format=json", "&format=pdf", "&format=xlsx")) {
      String path = "/api/grants/NL-HALO/report?" + YEAR + format;
      assertEquals(200, raw(netherlands, path).statusCode(), path);
      HttpResponse<byte[]> refused = raw(japan, path);
      assertEquals(403, refused.statusCode(), path);
      assertEquals("application/problem+json", refused.headers().firstValue("content-type").orElse(""), path);
      assertEquals(401, raw(null, path).statusCode(), path);
      assertEquals(200, raw(japan, "/api/grants/JP-HALO/report?" + YEAR + format).statusCode(), path);
    }
  }

  @Test
  void badParametersAreProblems() throws Exception {
    for (String[] c : new String[][] {
        {"from=2024-13-01", "400", "'from' must be a date"},
        {"to=yesterday", "400", "'to' must be a date"},
        {"from=2024-06-01&to=2024-05-31", "400", "starts (2024-06-01) after it ends (2024-05-31)"},
        {"format=docx", "400", "'format' must be json, pdf or xlsx"},
        {"format=pdf&colour=red", "400", "unknown query parameter 'colour'"}}) {
      TestServer.Response r = admin().get("/api/grants/NL-HALO/report?" + c[0]);
      assertEquals(Integer.parseInt(c[1]), r.status(), c[0] + ": " + r.body());
      assertEquals("application/problem+json", r.contentType(), c[0]);
      assertTrue(r.json().get("detail").asText().contains(c[2]), c[0] + ": " + r.body());
    }
    TestServer.Response missing = admin().get("/api/grants/NO-SUCH/report?format=pdf");
    assertEquals(404, missing.status());
    assertEquals("application/problem+json", missing.contentType());
  }
}
