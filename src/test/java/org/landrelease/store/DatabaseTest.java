package org.landrelease.store;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseTest {
  /** An event's statements commit together only if auto-commit is off, on a new database as on an old one. */
  @Test
  void writerDoesNotAutoCommitOnANewOrAnExistingDatabase() throws Exception {
    Path dir = Files.createTempDirectory("ledger-db");
    try (Database created = Database.openH2(dir)) {
      assertFalse(created.writer().getAutoCommit(), "new database");
    }
    try (Database reopened = Database.openH2(dir)) {
      assertFalse(reopened.writer().getAutoCommit(), "existing database");
    }
  }
}
