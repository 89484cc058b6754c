package org.landrelease.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.landrelease.domain.LedgerException;

/**
 * Unzips the parts of a zipped Shapefile into a directory, and zips files for a download. Only the Shapefile parts
 * are kept, by their base name (no path from the archive reaches the disk), and the unpacked size is capped.
 */
final class ZipEntries {
  static final long MAX_UNZIPPED_BYTES = 1L << 30;
  private static final java.util.Set<String> PARTS = java.util.Set.of("shp", "shx", "dbf", "prj", "cpg");

  private ZipEntries() {}

  static void unzipShapefileParts(Path zip, Path dir) throws IOException {
    long total = 0;
    boolean any = false;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      byte[] buffer = new byte[1 << 16];
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        any = true;
        String name = e.getName().replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (e.isDirectory() || dot <= 0 || name.startsWith(".")
            || !PARTS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
          continue;
        }
        String lowerExtension = name.substring(0, dot) + "." + name.substring(dot + 1).toLowerCase(Locale.ROOT);
        try (OutputStream out = Files.newOutputStream(dir.resolve(lowerExtension))) {
          for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_UNZIPPED_BYTES) {
              throw new LedgerException(LedgerException.Kind.TOO_LARGE, "unzipped-too-large",
                  "the zip unpacks to more than " + MAX_UNZIPPED_BYTES + " bytes", null)
                      .with("file.unzippedTooLarge", "bytes", MAX_UNZIPPED_BYTES);
            }
            out.write(buffer, 0, n);
          }
        }
      }
    } catch (ZipException e) {
      throw FeatureSources.unreadable("zip archive", e.getMessage());
    }
    if (!any) {
      throw FeatureSources.unreadable("zip archive", "it has no entries");
    }
  }

  /** Zips the files into out, each under its own name. */
  static void zip(java.util.List<Path> files, OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path f : files) {
        zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
        try (InputStream in = Files.newInputStream(f)) {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
  }
}
