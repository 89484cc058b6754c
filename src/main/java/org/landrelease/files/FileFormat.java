package org.landrelease.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.landrelease.domain.LedgerException;

/** The file formats the ledger imports and exports, with what a download of each is called. */
public enum FileFormat {
  GPKG("application/geopackage+sqlite3", ".gpkg"),
  SHP("application/zip", "-shp.zip"),
  GEOJSON("application/geo+json", ".geojson"),
  CSV("text/csv; charset=utf-8", ".csv");

  private final String contentType;
  private final String suffix;

  FileFormat(String contentType, String suffix) {
    this.contentType = contentType;
    this.suffix = suffix;
  }

  public String contentType() {
    return contentType;
  }

  /** The end of a download's file name: ".gpkg", "-shp.zip" (a zipped Shapefile), ".geojson", ".csv". */
  public String suffix() {
    return suffix;
  }

  /** The format named by a parameter (gpkg, shp, geojson, csv); a 400 naming the choices otherwise. */
  public static FileFormat named(String name) {
    for (FileFormat f : values()) {
      if (f.name().equalsIgnoreCase(name) || (f == GEOJSON && "json".equalsIgnoreCase(name))) {
        return f;
      }
    }
    throw LedgerException.badRequest("invalid-format", "unknown format '" + name + "'; use one of "
        + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList())
            .with("file.unknownFormat", "format", name, "formats",
                Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
  }

  /** The format of a file from its first bytes: SQLite header, zip header, a JSON object, else CSV text. */
  public static FileFormat sniff(Path file) throws IOException {
    byte[] head = new byte[16];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 16 && new String(head, 0, 15, java.nio.charset.StandardCharsets.US_ASCII).equals("SQLite format 3")) {
      return GPKG;
    }
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return SHP;
    }
    for (int i = 0; i < n; i++) {
      int c = head[i] & 0xff;
      if (c == 0xEF || c == 0xBB || c == 0xBF || Character.isWhitespace(c)) {
        continue; // byte order mark or leading space
      }
      return c == '{' ? GEOJSON : CSV;
    }
    throw LedgerException.unprocessable("empty-file", "the file is empty").with("file.empty");
  }
}
