package org.landrelease.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Backup and restore of the whole database. A backup is H2's BACKUP TO: a zip of the database file, consistent at
 * the moment it is taken (the caller holds the write lock, so no event is half-written). A restore unpacks it into
 * an empty directory, which the service then opens like any other.
 */
public final class Backups {
  static final String DATABASE_FILE = "ledger.mv.db";

  private Backups() {}

  public static long backup(Database db, Path zip) throws SQLException, IOException {
    Path parent = zip.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (Files.exists(zip)) {
      throw new IOException(zip + " exists already; a backup never overwrites a file");
    }
    try (Statement st = db.writer().createStatement()) {
      st.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
    }
    return Files.size(zip);
  }

  /** Unpacks a backup into a directory that holds no database yet; returns the restored file. */
  public static Path restore(Path zip, Path directory) throws IOException {
    Path target = directory.resolve(DATABASE_FILE);
    if (Files.exists(target)) {
      throw new IOException(directory + " already holds a database; restore into an empty directory");
    }
    Files.createDirectories(directory);
    boolean found = false;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (!e.isDirectory() && Path.of(e.getName()).getFileName().toString().equals(DATABASE_FILE)) {
          copy(in, target);
          found = true;
        }
      }
    }
    if (!found) {
      throw new IOException(zip + " is not a ledger backup: it has no " + DATABASE_FILE);
    }
    return target;
  }

  private static void copy(InputStream in, Path target) throws IOException {
    Path part = target.resolveSibling(target.getFileName() + ".part");
    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
  }
}
