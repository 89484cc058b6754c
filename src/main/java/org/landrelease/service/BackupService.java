package org.landrelease.service;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.landrelease.store.LedgerLock;
import org.landrelease.store.Backups;
import org.landrelease.store.Database;

/** Online backups: writers wait while H2 copies the database, so the copy holds whole events only. */
public final class BackupService {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private final Database db;
  private final Path directory;
  private final LedgerLock writeLock;
  private final Clock clock;

  public BackupService(Database db, Path directory, LedgerLock writeLock, Clock clock) {
    this.db = db;
    this.directory = directory;
    this.writeLock = writeLock;
    this.clock = clock;
  }

  public record Backup(Path file, long bytes) {}

  public Backup backup() throws SQLException, IOException {
    if (db.dialect() == org.landrelease.store.Dialect.POSTGIS) {
      throw new org.landrelease.domain.LedgerException(org.landrelease.domain.LedgerException.Kind.NOT_IMPLEMENTED,
          "backup-by-pg-dump", "on PostgreSQL the ledger is backed up by the database's own tools, not by the "
          + "service: 'pg_dump -Fc -f ledger.dump <database>' (restore with 'pg_restore -d <empty database> "
          + "ledger.dump'), and continuous archiving for point-in-time recovery; see docs/OPERATIONS.md, "
          + "\"Production\"");
    }
    writeLock.lock();
    try {
      Path file = directory.resolve("ledger-" + STAMP.format(clock.instant()) + ".zip");
      for (int n = 2; file.toFile().exists(); n++) {
        file = directory.resolve("ledger-" + STAMP.format(clock.instant()) + "-" + n + ".zip");
      }
      return new Backup(file.toAbsolutePath(), Backups.backup(db, file));
    } finally {
      writeLock.unlock();
    }
  }
}
