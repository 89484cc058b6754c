package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/** The treaty report of the scenario as CSV, XLSX and PDF, each read back and compared with the JSON. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LandReleaseDocumentsTest {
  private TestServer server;
  private JsonNode json;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    new TreatyScenario(server);
    json = server.get("/api/reports/land-release?year=2024").json();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> download(String query, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/api/reports/land-release?" + query));
    if (accept != null) {
      b.header("Accept", accept);
    }
    HttpResponse<byte[]> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    return r;
  }

  /** The rows of every view, the total last, keyed "view/code". */
  private Map<String, JsonNode> jsonRows() {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode v : json.get("views")) {
      v.get("rows").forEach(r -> out.put(v.get("view").asText() + "/" + r.get("code").asText(), r));
      out.put(v.get("view").asText() + "/total", v.get("total"));
    }
    return out;
  }

  /** The JSON value a CSV column names: start_sha_km2 is start.sha.km2, reported_km2 is added.reportedKm2. */
  private static double jsonValue(JsonNode row, String column) {
    String[] p = column.split("_");
    if (column.startsWith("devices_")) {
      return column.equals("devices_total") ? sumDevices(row) : row.get("devices").path(column.substring(8)).asInt(0);
    }
    if (p[0].equals("start") || p[0].equals("end")) {
      return row.get(p[0]).get(p.length == 3 ? p[1] : "total").get(p[p.length - 1]).asDouble();
    }
    if (List.of("cancelled", "reduced", "cleared").contains(p[0])) {
      return row.get("released").get(p[0]).get(p[1]).asDouble();
    }
    return switch (column) {
      case "released_areas" -> row.get("released").get("total").get("areas").asDouble();
      case "released_km2" -> row.get("released").get("total").get("km2").asDouble();
      case "reported_km2" -> row.get("added").get("reportedKm2").asDouble();
      case "reclassified_in_km2" -> row.get("added").get("reclassifiedInKm2").asDouble();
      case "reclassified_out_km2" -> row.get("added").get("reclassifiedOutKm2").asDouble();
      case "added_km2" -> row.get("added").get("km2").asDouble();
      default -> throw new AssertionError("unexpected column " + column);
    };
  }

  private static int sumDevices(JsonNode row) {
    int n = 0;
    for (JsonNode v : row.get("devices")) {
      n += v.asInt();
    }
    return n;
  }

  @Test
  void csvParsesBackToTheJsonFigures() throws Exception {
    HttpResponse<byte[]> r = download("year=2024&format=csv", null);
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
    List<List<String>> rows = parseCsv(new String(r.body(), StandardCharsets.UTF_8));
    List<String> header = rows.get(0);
    Map<String, JsonNode> expected = jsonRows();
    assertEquals(expected.size(), rows.size() - 1);
    int compared = 0;
    for (List<String> row : rows.subList(1, rows.size())) {
      assertEquals(header.size(), row.size());
      JsonNode j = expected.get(row.get(0) + "/" + row.get(1));
      assertEquals(j.get("name").asText(), row.get(2));
      for (int c = 3; c < header.size(); c++) {
        String column = header.get(c);
        switch (column) {
          case "year" -> assertEquals("2024", row.get(c));
          case "dataset" -> assertEquals(json.get("ledger").get("dataset").asText(), row.get(c));
          case "applied_up_to" -> assertEquals(json.get("ledger").get("appliedUpTo").asText(), row.get(c));
          case "last_event_sequence" -> assertEquals(json.get("ledger").get("lastEventSequence").asText(), row.get(c));
          case "computed_at" -> assertComputedAfterTheJson(row.get(c));
          // the countries the report covers, as the JSON names them, and the land outside them
          case "countries" -> {
            List<String> codes = new java.util.ArrayList<>();
            json.get("countries").forEach(n -> codes.add(n.asText()));
            assertEquals(List.of("UA"), codes);
            assertEquals(String.join(", ", codes) + " and the land outside them", row.get(c));
          }
          default -> {
            assertEquals(jsonValue(j, column), Double.parseDouble(row.get(c)), 1e-9, row.get(0) + " " + column);
            compared++;
          }
        }
      }
    }
    assertTrue(compared > 200, "compared " + compared);
    // Accept: text/csv gives the same table
    assertTrue(new String(download("year=2024", "text/csv").body(), StandardCharsets.UTF_8).startsWith("view,code,"));
  }

  @Test
  void xlsxSheetsHoldTheJsonFiguresAsNumbers() throws Exception {
    HttpResponse<byte[]> r = download("year=2024&format=xlsx", null);
    assertTrue(r.headers().firstValue("content-disposition").orElse("").contains("land-release-2024.xlsx"));
    Map<String, JsonNode> expected = jsonRows();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Map<String, String> about = new HashMap<>();
      for (Row row : wb.getSheet("About")) {
        if (row.getCell(1) != null) {
          about.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
        }
      }
      assertEquals(json.get("ledger").get("lastEventSequence").asText(), about.get("Last event sequence"));
      assertEquals(json.get("ledger").get("appliedUpTo").asText(), about.get("Approvals applied up to"));
      assertComputedAfterTheJson(about.get("Computed at"));
      assertEquals(1 + 3 * 4, wb.getNumberOfSheets());
      int compared = 0;
      for (JsonNode v : json.get("views")) {
        String view = v.get("view").asText();
        Sheet remaining = wb.getSheet(view.toUpperCase(Locale.ROOT) + " remaining");
        Sheet released = wb.getSheet(view.toUpperCase(Locale.ROOT) + " released");
        Sheet devices = wb.getSheet(view.toUpperCase(Locale.ROOT) + " devices");
        for (int i = 3; i <= remaining.getLastRowNum(); i++) {
          JsonNode j = expected.get(view + "/" + remaining.getRow(i).getCell(0).getStringCellValue());
          compared += compare(remaining.getRow(i), j, List.of("start_sha_areas", "start_sha_km2", "start_cha_areas",
              "start_cha_km2", "end_sha_areas", "end_sha_km2", "end_cha_areas", "end_cha_km2"));
          compared += compare(released.getRow(i), j, List.of("cancelled_areas", "cancelled_km2", "reduced_areas",
              "reduced_km2", "cleared_areas", "cleared_km2", "released_areas", "released_km2"));
          compared += compare(devices.getRow(i), j, List.of("devices_AP_MINE", "devices_AT_MINE",
              "devices_CLUSTER_MUNITION", "devices_UXO", "devices_IED", "devices_OTHER", "devices_total"));
        }
        assertEquals(v.get("rows").size() + 1, remaining.getLastRowNum() - 2, view);
      }
      assertTrue(compared > 100, "compared " + compared);
    }
  }

  /** Each download is computed anew: its time is a time, and not before the JSON's. */
  private void assertComputedAfterTheJson(String computedAt) {
    Instant json = Instant.parse(this.json.get("ledger").get("computedAt").asText());
    assertFalse(Instant.parse(computedAt).isBefore(json), computedAt + " before " + json);
  }

  /** Cells from the third column on, each a numeric cell equal to the JSON value the column stands for. */
  private static int compare(Row row, JsonNode j, List<String> columns) {
    for (int c = 0; c < columns.size(); c++) {
      Cell cell = row.getCell(c + 2);
      assertEquals(CellType.NUMERIC, cell.getCellType(), columns.get(c));
      assertEquals(jsonValue(j, columns.get(c)), cell.getNumericCellValue(), 1e-9, columns.get(c));
    }
    return columns.size();
  }

  @Test
  void pdfHasTheTitleLedgerStateAndTheNumbers() throws Exception {
    HttpResponse<byte[]> r = download("year=2024", "application/pdf");
    assertEquals("application/pdf", r.headers().firstValue("content-type").orElse(""));
    try (PDDocument doc = Loader.loadPDF(r.body())) {
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("Land release in 2024"), text);
      assertTrue(text.contains("Last event sequence " + json.get("ledger").get("lastEventSequence").asText())
          || text.contains("Last event sequence\n" + json.get("ledger").get("lastEventSequence").asText()), text);
      assertTrue(text.contains("Anti-personnel mines (APMBC Article 7)"), text);
      assertTrue(text.contains("Cluster munition remnants (CCM Article 7)"), text);
      NumberFormat km2 = NumberFormat.getNumberInstance(Locale.ENGLISH);
      km2.setMinimumFractionDigits(3);
      km2.setMaximumFractionDigits(3);
      for (JsonNode v : json.get("views")) {
        JsonNode t = v.get("total");
        for (double value : List.of(t.get("start").get("sha").get("km2").asDouble(),
            t.get("end").get("cha").get("km2").asDouble(), t.get("released").get("total").get("km2").asDouble())) {
          assertTrue(text.contains(km2.format(value)), v.get("view") + ": " + km2.format(value) + " in " + text);
        }
      }
      assertTrue(text.contains("CLUSTER_MUNITION"), text);
    }
  }

  /** RFC 4180: fields split by commas, quoted fields may hold commas, quotes (doubled) and line breaks. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(ch);
      }
    }
    return rows;
  }
}
