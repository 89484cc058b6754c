package org.landrelease.files;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * A report table as CSV (RFC 4180: comma separated, CRLF line ends, quoted as CsvWriter quotes): one header row of
 * the column headings, then the rows. Numbers are written plainly (never 1.0E-4), dates as YYYY-MM-DD.
 */
public final class ReportCsv {
  private ReportCsv() {}

  public static void write(ReportTable table, Writer out) throws IOException {
    line(out, table.columns().stream().map(c -> (Object) c.heading()).toList());
    for (List<Object> row : table.rows()) {
      line(out, row);
    }
    out.flush();
  }

  private static void line(Writer out, List<Object> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      Object v = cells.get(i);
      if (v instanceof Double d) {
        out.write(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
      } else if (v != null) {
        out.write(CsvWriter.quote(v.toString()));
      }
    }
    out.write("\r\n");
  }
}
