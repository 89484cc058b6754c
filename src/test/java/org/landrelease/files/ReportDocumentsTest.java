package org.landrelease.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ReportDocumentsTest {
  private static final ReportTable REGIONS = new ReportTable("Regions", "Released by region",
      List.of(ReportTable.Column.text("Region"), ReportTable.Column.integer("Areas"), ReportTable.Column.km2("Cleared km²"),
          ReportTable.Column.date("Last release")),
      List.of(Arrays.asList("Харківська область", 12, 1234.5678901, LocalDate.of(2024, 12, 31)),
          Arrays.asList("Kherson Oblast", 3, 0.25, null)));

  @Test
  void xlsxKeepsNumbersAsNumericCells() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    XlsxReport.write("Test report", List.of(new ReportTable.Fact("Ledger state", "event 42")), List.of(REGIONS), bytes);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals("About", wb.getSheetName(0));
      assertEquals("event 42", wb.getSheet("About").getRow(2).getCell(1).getStringCellValue());
      var sheet = wb.getSheet("Regions");
      assertEquals("Cleared km²", sheet.getRow(2).getCell(2).getStringCellValue());
      assertEquals("Харківська область", sheet.getRow(3).getCell(0).getStringCellValue());
      assertEquals(CellType.NUMERIC, sheet.getRow(3).getCell(2).getCellType());
      assertEquals(1234.5678901, sheet.getRow(3).getCell(2).getNumericCellValue(), 0);
      assertEquals(12, sheet.getRow(3).getCell(1).getNumericCellValue(), 0);
      assertEquals(LocalDate.of(2024, 12, 31), sheet.getRow(3).getCell(3).getLocalDateTimeCellValue().toLocalDate());
      assertEquals(null, sheet.getRow(4).getCell(3));
    }
  }

  @Test
  void pdfReadsBackItsTextNumbersAndImageOnEveryPage() throws Exception {
    List<List<Object>> many = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      many.add(Arrays.asList("row " + i, i, i * 1.5, null));
    }
    ReportTable tall = new ReportTable("Tall", "A long table", REGIONS.columns(), many);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PdfReport pdf = new PdfReport("Test report", Locale.ENGLISH)) {
      pdf.heading("Test report", 18).facts(List.of(new ReportTable.Fact("Period", "2024-01-01 – 2024-12-31")))
          .image(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "A map").table(REGIONS).table(tall)
          .paragraph("Unprintable ☢ replaced");
      pdf.write(bytes);
    }
    try (PDDocument doc = Loader.loadPDF(bytes.toByteArray())) {
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("Харківська область"), text);
      assertTrue(text.contains("1,234.568"), text);
      assertTrue(text.contains("row 149"), text);
      assertTrue(text.contains("Unprintable ? replaced"), text);
      assertTrue(doc.getNumberOfPages() >= 3, "pages: " + doc.getNumberOfPages());
      assertTrue(text.contains("page 3 of " + doc.getNumberOfPages()), text);
      int images = 0;
      for (var name : doc.getPage(0).getResources().getXObjectNames()) {
        images += doc.getPage(0).getResources().getXObject(name) instanceof PDImageXObject ? 1 : 0;
      }
      assertEquals(1, images);
    }
  }

  @Test
  void ukrainianNumbersUseACommaAndSpaces() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PdfReport pdf = new PdfReport("Звіт", Locale.forLanguageTag("uk"))) {
      pdf.table(REGIONS).write(bytes);
    }
    try (PDDocument doc = Loader.loadPDF(bytes.toByteArray())) {
      String text = new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replace('\u202f', ' ');
      assertTrue(text.contains("1 234,568"), text);
    }
  }

  @Test
  void aRowOfTheWrongWidthOrTypeIsRefused() {
    var cols = List.of(ReportTable.Column.text("a"), ReportTable.Column.km2("b"));
    assertThrows(IllegalArgumentException.class, () -> new ReportTable("S", "t", cols, List.of(List.of("x"))));
    assertThrows(IllegalArgumentException.class, () -> new ReportTable("S", "t", cols, List.of(List.of("x", "1.0"))));
    assertThrows(IllegalArgumentException.class, () -> new ReportTable("a/b", "t", cols, List.of()));
  }
}
