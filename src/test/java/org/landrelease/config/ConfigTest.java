package org.landrelease.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The serve command's options and environment, as the README documents them. */
class ConfigTest {
  private static Config serve(Map<String, String> env, String... args) {
    return Config.from(Config.SERVE.parse(args, env));
  }

  @Test
  void noArgumentsServeTheDemoOnH2OnPort8080ToEveryone() {
    Config c = serve(Map.of());
    assertEquals("0.0.0.0", c.host());
    assertEquals(8080, c.port());
    assertTrue(c.databaseDir().endsWith(Path.of("data/db")), c.databaseDir().toString());
    assertTrue(c.loadDemo());
    assertTrue(c.publicReads());
    assertFalse(c.postgres());
  }

  @Test
  void emptyWithAnotherDatabaseDirectory() {
    Config c = serve(Map.of(), "--empty", "--db", "/tmp/ledger");
    assertFalse(c.loadDemo());
    assertEquals(Path.of("/tmp/ledger"), c.databaseDir());
  }

  @Test
  void portDbAndHostFromOptionsOrFromTheirVariables() {
    Config options = serve(Map.of(), "--port", "0", "--db", "d", "--host", "127.0.0.1");
    Config env = serve(Map.of("LEDGER_PORT", "0", "LEDGER_DB", "d", "LEDGER_HOST", "127.0.0.1"));
    for (Config c : new Config[] {options, env}) {
      assertEquals(0, c.port());
      assertEquals(Path.of("d"), c.databaseDir());
      assertEquals("127.0.0.1", c.host());
    }
  }

  @Test
  void postgresUrlTurnsTheDemoOffAndTakesCredentialsFromTheEnvironment() {
    Config c = serve(Map.of("LEDGER_DB_USER", "u", "LEDGER_DB_PASSWORD", "p"), "--db-url",
        "jdbc:postgresql://localhost:5432/ledger", "--port", "8081");
    assertTrue(c.postgres());
    assertEquals("jdbc:postgresql://localhost:5432/ledger", c.databaseUrl());
    assertFalse(c.loadDemo());
    assertEquals("u", c.dbUser());
    assertEquals("p", c.dbPassword());
    assertEquals(8081, c.port());
  }

  @Test
  void postgresUrlFromTheEnvironmentWithDemo() {
    Config c = serve(Map.of("LEDGER_DB_URL", "jdbc:postgresql://db/ledger"), "--demo");
    assertEquals("jdbc:postgresql://db/ledger", c.databaseUrl());
    assertTrue(c.loadDemo());
  }

  @Test
  void demoAndEmptyTogetherAreRefused() {
    assertEquals("--demo and --empty exclude each other",
        assertThrows(ArgumentException.class, () -> serve(Map.of(), "--demo", "--empty")).getMessage());
  }

  @Test
  void privateReadsByOptionOrByVariable() {
    assertFalse(serve(Map.of(), "--private-reads").publicReads());
    assertFalse(serve(Map.of("LEDGER_PUBLIC_READS", "false")).publicReads());
    assertTrue(serve(Map.of("LEDGER_PUBLIC_READS", "true")).publicReads());
  }

  @Test
  void credentialsAreNeverOptions() {
    assertEquals("unknown option --db-password",
        assertThrows(ArgumentException.class, () -> serve(Map.of(), "--db-password", "p")).getMessage());
  }

  @Test
  void badPortInTheEnvironmentIsRefusedByName() {
    assertEquals("LEDGER_PORT: 'http' is not a whole number",
        assertThrows(ArgumentException.class, () -> serve(Map.of("LEDGER_PORT", "http"))).getMessage());
  }

  @Test
  void storeOptionsOfACommandMoveTheConfigToPostgres() {
    Command c = new Command("c", "c", Config.STORE);
    Config pg = Config.defaults().withStore(c.parse(new String[] {"--db-url", "jdbc:postgresql://h/d"},
        Map.of("LEDGER_DB_USER", "u")));
    assertEquals("jdbc:postgresql://h/d", pg.databaseUrl());
    assertEquals("u", pg.dbUser());
    assertNull(pg.dbPassword());
    assertFalse(pg.loadDemo());
    Config h2 = Config.defaults().withStore(c.parse(new String[] {"--db", "/tmp/x"}, Map.of()));
    assertEquals(Path.of("/tmp/x"), h2.databaseDir());
    assertFalse(h2.postgres());
  }
}
