package org.landrelease.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A report as an XLSX workbook: a first sheet "About" with the title and the facts (which ledger state the figures come
 * from), then one sheet per table. Numbers are numeric cells with a display format, dates are date cells, so that a
 * spreadsheet sums them as they are. Streams rows (SXSSF), so a long event list does not sit in memory.
 */
public final class XlsxReport {
  private XlsxReport() {}

  public static void write(String title, List<ReportTable.Fact> facts, List<ReportTable> tables, OutputStream out)
      throws IOException {
    write(title, facts, null, tables, out);
  }

  /** The same with an image (a map) on the About sheet under the facts, as wide as the two columns; null for none. */
  public static void write(String title, List<ReportTable.Fact> facts, BufferedImage image, List<ReportTable> tables,
      OutputStream out) throws IOException {
    write(title, "About", facts, image, tables, out);
  }

  /** The same with the first sheet named in the document's language. */
  public static void write(String title, String aboutSheet, List<ReportTable.Fact> facts, BufferedImage image,
      List<ReportTable> tables, OutputStream out) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      Styles styles = new Styles(wb);
      Sheet about = wb.createSheet(aboutSheet);
      about.setColumnWidth(0, 32 * 256);
      about.setColumnWidth(1, 80 * 256);
      Row t = about.createRow(0);
      t.createCell(0).setCellValue(title);
      t.getCell(0).setCellStyle(styles.title);
      int r = 2;
      for (ReportTable.Fact f : facts) {
        Row row = about.createRow(r++);
        row.createCell(0).setCellValue(f.label());
        row.getCell(0).setCellStyle(styles.header);
        row.createCell(1).setCellValue(f.value());
      }
      if (image != null) {
        picture(wb, about, image, r + 1);
      }
      for (ReportTable table : tables) {
        writeTable(wb.createSheet(table.sheet()), table, styles);
      }
      wb.write(out);
      wb.dispose();
    }
  }

  /** Columns A and B are 112 characters wide (about 790 px); rows are 20 px: the image keeps its aspect. */
  private static void picture(SXSSFWorkbook wb, Sheet sheet, BufferedImage image, int row) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    int index = wb.addPicture(png.toByteArray(), Workbook.PICTURE_TYPE_PNG);
    ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
    anchor.setCol1(0);
    anchor.setRow1(row);
    anchor.setCol2(2);
    anchor.setRow2(row + (int) Math.round(790.0 * image.getHeight() / image.getWidth() / 20));
    sheet.createDrawingPatriarch().createPicture(anchor, index);
  }

  private static void writeTable(Sheet sheet, ReportTable table, Styles styles) {
    Row titleRow = sheet.createRow(0);
    titleRow.createCell(0).setCellValue(table.title());
    titleRow.getCell(0).setCellStyle(styles.title);
    Row head = sheet.createRow(2);
    for (int c = 0; c < table.columns().size(); c++) {
      ReportTable.Column col = table.columns().get(c);
      head.createCell(c).setCellValue(col.heading());
      head.getCell(c).setCellStyle(styles.header);
      sheet.setColumnWidth(c, Math.min(60, Math.max(12, col.heading().length() + 2)) * 256);
    }
    sheet.createFreezePane(0, 3);
    int r = 3;
    for (List<Object> cells : table.rows()) {
      Row row = sheet.createRow(r++);
      for (int c = 0; c < cells.size(); c++) {
        Object v = cells.get(c);
        if (v == null) {
          continue;
        }
        var cell = row.createCell(c);
        switch (table.columns().get(c).kind()) {
          case TEXT -> cell.setCellValue((String) v);
          case INTEGER -> {
            cell.setCellValue(((Number) v).doubleValue());
            cell.setCellStyle(styles.integer);
          }
          case KM2 -> {
            cell.setCellValue(((Number) v).doubleValue());
            cell.setCellStyle(styles.km2);
          }
          case DATE -> {
            cell.setCellValue((LocalDate) v);
            cell.setCellStyle(styles.date);
          }
        }
      }
    }
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle integer;
    final CellStyle km2;
    final CellStyle date;

    Styles(SXSSFWorkbook wb) {
      Font bold = wb.createFont();
      bold.setBold(true);
      Font big = wb.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      title = wb.createCellStyle();
      title.setFont(big);
      header = wb.createCellStyle();
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      var format = wb.createDataFormat();
      integer = wb.createCellStyle();
      integer.setDataFormat(format.getFormat("#,##0"));
      km2 = wb.createCellStyle();
      // shown to the m² (km² with six decimals); the cell keeps the full double
      km2.setDataFormat(format.getFormat("#,##0.000000"));
      date = wb.createCellStyle();
      date.setDataFormat(format.getFormat("yyyy-mm-dd"));
    }
  }
}
