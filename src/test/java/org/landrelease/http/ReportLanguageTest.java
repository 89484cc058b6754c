package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The report documents in Ukrainian (lang=uk, or Accept-Language: uk): Ukrainian headings, region names from
 * name_uk, numbers in the Ukrainian format in the PDF, the same figures as the English documents, and XLSX numbers
 * still numeric cells.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportLanguageTest {
  private static final String GRANT = "NL-I18N";
  private static final Locale UK = Locale.forLanguageTag("uk");
  private TestServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private int year;
  private JsonNode treaty;
  private JsonNode grant;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    server.fund();
    server.post("/api/grants", "{\"id\":\"" + GRANT + "\",\"donor\":\"Netherlands\",\"partner\":\"HALO\","
        + "\"title\":\"Kharkiv\",\"amount\":1234567.5,\"currency\":\"EUR\",\"start\":\"2020-01-01\",\"end\":\"2030-12-31\"}");
    // counted on the day they are approved: today, so the report of this year holds them
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    year = today.getYear();
    // about 2,000 km², so that the remaining figure has thousands
    apply(event(id(), "HAZARD_REPORT", today.toString(), "HALO", null, square(36.3, 49.3, 0.5)));
    apply(event(id(), "NON_TECHNICAL_SURVEY", today.toString(), "HALO", GRANT, square(36.6, 49.6, 0.1)));
    apply(event(id(), "CLEARANCE", today.toString(), "HALO", GRANT, square(36.4, 49.4, 0.05)));
    treaty = server.get("/api/reports/land-release?year=" + year).json();
    grant = server.get("/api/grants/" + GRANT + "/report").json();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private void apply(String body) throws Exception {
    assertEquals(201, server.apply(body).status());
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private HttpResponse<byte[]> download(String path, String acceptLanguage) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path))
        .header("Authorization", "Bearer " + server.adminToken);
    if (acceptLanguage != null) {
      b.header("Accept-Language", acceptLanguage);
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private String pdfText(String path, String acceptLanguage) throws Exception {
    HttpResponse<byte[]> r = download(path, acceptLanguage);
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    try (PDDocument doc = Loader.loadPDF(r.body())) {
      return spaces(new PDFTextStripper().getText(doc));
    }
  }

  /** The no-break spaces a locale puts between thousands, as plain spaces, in the PDF's text and in the expected. */
  private static String spaces(String s) {
    return s.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  private static String km2(double v, Locale locale) {
    return spaces(String.format(locale, "%,.3f", v));
  }

  private double remainingAtEnd() {
    return treaty.get("views").get(0).get("total").get("end").get("total").get("km2").asDouble();
  }

  @Test
  void treatyPdfInUkrainianHasUkrainianHeadingsNamesAndNumbers() throws Exception {
    String uk = pdfText("/api/reports/land-release?year=" + year + "&format=pdf&lang=uk", null);
    assertTrue(uk.contains("Вивільнення територій у " + year + " році"), uk);
    assertTrue(uk.contains("Усі небезпечні території"), uk);
    assertTrue(uk.contains("Залишок забруднення на початок і кінець " + year + " року"), uk);
    // name_uk (the PDF's narrow name column may cut it short: "Харківська обл…")
    assertTrue(uk.contains("Харківська"), uk);
    assertTrue(uk.contains("сторінка 1 з"), uk);
    double remaining = remainingAtEnd();
    assertTrue(remaining > 1000, "the fixture's remaining km² has thousands: " + remaining);
    String ukNumber = km2(remaining, UK);
    assertTrue(ukNumber.matches("\\d \\d{3},\\d{3}"), ukNumber);
    assertTrue(uk.contains(ukNumber), ukNumber + " in\n" + uk);
    assertFalse(uk.contains("Remaining at start"), uk);
    assertFalse(uk.contains("?"), "every character printable:\n" + uk);
    String en = pdfText("/api/reports/land-release?year=" + year + "&format=pdf", null);
    assertTrue(en.contains("Land release in " + year), en);
    assertTrue(en.contains("Kharkiv"), en);
    assertTrue(en.contains(km2(remaining, Locale.ENGLISH)), en);
  }

  @Test
  void acceptLanguageChoosesTheDocumentsLanguageAndLangWins() throws Exception {
    HttpResponse<byte[]> r = download("/api/reports/land-release?year=" + year + "&format=pdf", "uk-UA,uk;q=0.9");
    assertEquals("uk", r.headers().firstValue("Content-Language").orElse(""));
    String byHeader = pdfText("/api/reports/land-release?year=" + year + "&format=pdf", "uk");
    assertTrue(byHeader.contains("Вивільнення територій"), byHeader);
    String byParam = pdfText("/api/reports/land-release?year=" + year + "&format=pdf&lang=en", "uk");
    assertTrue(byParam.contains("Land release in " + year), byParam);
  }

  @Test
  void anUnknownLangIsA400InTheRequestsLanguage() throws Exception {
    HttpResponse<byte[]> r = download("/api/reports/land-release?year=" + year + "&format=pdf&lang=xx", "uk");
    assertEquals(400, r.statusCode());
    JsonNode p = TestServer.JSON.readTree(r.body());
    assertEquals("'lang' має бути одним із [en, uk], отримано 'xx'", p.get("detail").asText());
  }

  @Test
  void treatyXlsxInUkrainianHasTheEnglishNumbersAsNumbers() throws Exception {
    try (XSSFWorkbook uk = workbook("/api/reports/land-release?year=" + year + "&format=xlsx&lang=uk");
        XSSFWorkbook en = workbook("/api/reports/land-release?year=" + year + "&format=xlsx&lang=en")) {
      assertEquals("Про звіт", uk.getSheetName(0));
      assertEquals("Вивільнення територій у " + year + " році", uk.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
      assertTrue(texts(uk.getSheetAt(1)).contains("Код"), texts(uk.getSheetAt(1)).toString());
      assertTrue(texts(uk.getSheetAt(1)).contains("Харківська область"), texts(uk.getSheetAt(1)).toString());
      assertTrue(sameNumbers(en, uk) > 50);
    }
  }

  @Test
  void treatyCsvInUkrainianKeepsItsColumnsAndFigures() throws Exception {
    String uk = new String(download("/api/reports/land-release?year=" + year + "&format=csv&lang=uk", null).body(),
        StandardCharsets.UTF_8);
    String en = new String(download("/api/reports/land-release?year=" + year + "&format=csv", null).body(),
        StandardCharsets.UTF_8);
    String[] ukLines = uk.split("\r?\n");
    String[] enLines = en.split("\r?\n");
    assertEquals(enLines[0], ukLines[0]);
    assertEquals(enLines.length, ukLines.length);
    assertTrue(uk.contains("Харківська область"), uk);
    assertTrue(uk.contains("Усього"), uk);
    // the figures after the name column are the same text in both (CSV numbers are not localised)
    for (int i = 1; i < enLines.length; i++) {
      assertEquals(afterName(enLines[i]), afterName(ukLines[i]));
    }
  }

  private static String afterName(String csvLine) {
    String[] cells = csvLine.split(",");
    // computed_at, the last but one (before countries), differs per request
    List<String> kept = new java.util.ArrayList<>(List.of(cells).subList(3, cells.length));
    kept.remove(kept.size() - 2);
    return String.join(",", kept);
  }

  @Test
  void grantPdfInUkrainianHasUkrainianHeadingsAndNumbers() throws Exception {
    String uk = pdfText("/api/grants/" + GRANT + "/report?format=pdf&lang=uk", null);
    assertTrue(uk.contains("Звіт за грантом " + GRANT), uk);
    assertTrue(uk.contains("Вивільнено за результатом"), uk);
    assertTrue(uk.contains("Донор"), uk);
    assertTrue(uk.contains("скасовано"), uk);
    assertTrue(uk.contains("Харківська область"), uk);
    assertTrue(uk.contains(spaces(String.format(UK, "%.6f km²", grant.get("releasedKm2").asDouble()))), uk);
    assertTrue(uk.contains(spaces(String.format(UK, "%,.2f", 1234567.5)) + " EUR"), uk);
    assertFalse(uk.contains("?"), "every character printable:\n" + uk);
    String en = pdfText("/api/grants/" + GRANT + "/report?format=pdf", null);
    assertTrue(en.contains("Grant report " + GRANT), en);
    assertTrue(en.contains(String.format(Locale.ROOT, "%.6f km²", grant.get("releasedKm2").asDouble())), en);
  }

  @Test
  void grantXlsxInUkrainianHasTheEnglishNumbersAsNumbers() throws Exception {
    try (XSSFWorkbook uk = workbook("/api/grants/" + GRANT + "/report?format=xlsx&lang=uk");
        XSSFWorkbook en = workbook("/api/grants/" + GRANT + "/report?format=xlsx")) {
      assertEquals("Звіт за грантом " + GRANT, uk.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
      assertTrue(texts(uk.getSheetAt(1)).contains("скасовано"), texts(uk.getSheetAt(1)).toString());
      assertTrue(sameNumbers(en, uk) > 10);
    }
  }

  private XSSFWorkbook workbook(String path) throws Exception {
    HttpResponse<byte[]> r = download(path, null);
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    return new XSSFWorkbook(new ByteArrayInputStream(r.body()));
  }

  private static List<String> texts(Sheet sheet) {
    List<String> out = new ArrayList<>();
    for (Row row : sheet) {
      for (Cell c : row) {
        if (c.getCellType() == CellType.STRING) {
          out.add(c.getStringCellValue());
        }
      }
    }
    return out;
  }

  /** Every numeric cell of the English tables is the same numeric cell in Ukrainian; returns how many. */
  private static int sameNumbers(XSSFWorkbook en, XSSFWorkbook uk) {
    assertEquals(en.getNumberOfSheets(), uk.getNumberOfSheets());
    int compared = 0;
    for (int s = 1; s < en.getNumberOfSheets(); s++) {
      Sheet e = en.getSheetAt(s);
      Sheet u = uk.getSheetAt(s);
      assertEquals(e.getLastRowNum(), u.getLastRowNum(), e.getSheetName());
      for (Row row : e) {
        for (Cell c : row) {
          if (c.getCellType() == CellType.NUMERIC) {
            Cell other = u.getRow(row.getRowNum()).getCell(c.getColumnIndex());
            assertEquals(CellType.NUMERIC, other.getCellType(), e.getSheetName() + " " + c.getAddress());
            assertEquals(c.getNumericCellValue(), other.getNumericCellValue(), 0.0, e.getSheetName() + " " + c.getAddress());
            compared++;
          }
        }
      }
    }
    return compared;
  }
}
