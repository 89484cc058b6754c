package org.landrelease.files;

import java.time.LocalDate;
import java.util.List;

/**
 * One table of a report document, written alike to XLSX (a sheet of typed cells: numbers stay numbers) and to PDF.
 * Cells are a String for TEXT, a Number for INTEGER and KM2, a LocalDate for DATE, or null for an empty cell.
 */
public record ReportTable(String sheet, String title, List<Column> columns, List<List<Object>> rows) {
  /** What a column holds: it sets the cell type and the number format. */
  public enum Kind { TEXT, INTEGER, KM2, DATE }

  public record Column(String heading, Kind kind) {
    public static Column text(String heading) {
      return new Column(heading, Kind.TEXT);
    }

    public static Column integer(String heading) {
      return new Column(heading, Kind.INTEGER);
    }

    public static Column km2(String heading) {
      return new Column(heading, Kind.KM2);
    }

    public static Column date(String heading) {
      return new Column(heading, Kind.DATE);
    }
  }

  public ReportTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    // XLSX sheet names: at most 31 characters, none of : \ / ? * [ ]
    if (sheet.length() > 31 || sheet.matches(".*[:\\\\/?*\\[\\]].*")) {
      throw new IllegalArgumentException("not a sheet name: " + sheet);
    }
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(sheet + ": a row of " + row.size() + " cells in " + columns.size() + " columns");
      }
      for (int i = 0; i < row.size(); i++) {
        Object v = row.get(i);
        boolean fits = v == null || switch (columns.get(i).kind()) {
          case TEXT -> v instanceof String;
          case INTEGER, KM2 -> v instanceof Number;
          case DATE -> v instanceof LocalDate;
        };
        if (!fits) {
          throw new IllegalArgumentException(sheet + ": column '" + columns.get(i).heading() + "' is "
              + columns.get(i).kind() + ", got " + v.getClass().getSimpleName());
        }
      }
    }
  }

  /** A label and its value, for the facts a document opens with (grant, period, ledger state). */
  public record Fact(String label, String value) {}
}
