package org.landrelease.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The date (type D, "YYYYMMDD") columns of a DBF, read directly: H2GIS 2.2.5 SHPREAD gives null for the dates GDAL
 * and QGIS write, and the date is the field an import needs most. Upper-case names, as H2GIS gives them.
 */
final class DbfDates {
  private DbfDates() {}

  /** Per date column (upper-case name), the date of each record in file order (null where empty or unreadable). */
  static Map<String, List<LocalDate>> read(Path dbf) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dbf)).order(ByteOrder.LITTLE_ENDIAN);
    int records = b.getInt(4);
    int headerLength = b.getShort(8) & 0xffff;
    int recordLength = b.getShort(10) & 0xffff;
    Map<String, List<LocalDate>> out = new HashMap<>();
    int offset = 1; // each record starts with its deletion flag
    for (int pos = 32; pos + 32 <= headerLength && b.get(pos) != 0x0D; pos += 32) {
      int end = pos;
      while (end < pos + 11 && b.get(end) != 0) {
        end++;
      }
      String name = new String(b.array(), pos, end - pos, StandardCharsets.ISO_8859_1).toUpperCase();
      char type = (char) b.get(pos + 11);
      int length = b.get(pos + 16) & 0xff;
      if (type == 'D') {
        List<LocalDate> dates = new ArrayList<>(records);
        for (int r = 0; r < records; r++) {
          int at = headerLength + r * recordLength + offset;
          String s = at + length <= b.limit()
              ? new String(b.array(), at, length, StandardCharsets.US_ASCII).trim() : "";
          dates.add(parse(s));
        }
        out.put(name, dates);
      }
      offset += length;
    }
    return out;
  }

  private static LocalDate parse(String yyyymmdd) {
    if (!yyyymmdd.matches("[0-9]{8}")) {
      return null;
    }
    try {
      return LocalDate.parse(yyyymmdd.substring(0, 4) + "-" + yyyymmdd.substring(4, 6) + "-" + yyyymmdd.substring(6));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
