package org.landrelease.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parser, one situation per test: each type, each error, the environment fallback and the generated usage. */
class ArgumentsTest {
  enum Mode { SINGLE, BATCH }

  static final Option<Path> FILE = Option.positional(Option.path("file", "the file to read", null)).required();
  static final Option<String> NAME = Option.string("name", "a name", "anon");
  static final Option<Integer> PORT = Option.integer("port", "a port", 8080).env("TEST_PORT");
  static final Option<Long> SEED = Option.longInteger("seed", "a seed", 7L);
  static final Option<Double> KM2 = Option.decimal("km2", "an area", 1.5);
  static final Option<Boolean> KEEP = Option.flag("keep", "keep it");
  static final Option<Path> OUT = Option.path("out", "a directory", Path.of("target/x"));
  static final Option<LocalDate> AS_OF = Option.date("as-of", "a day", null);
  static final Option<Mode> MODE = Option.choice("mode", "how", Mode.class, Mode.SINGLE);
  static final Option<List<Integer>> ZOOMS = Option.integers("zooms", "zooms", List.of(6, 8));
  static final Option<List<String>> LAYERS = Option.strings("layers", "layers", List.of("hazards"));
  static final Option<String> OPT = Option.string("opt", "a JVM option", null).repeatable();
  static final Option<String> SECRET = Option.string("secret", "a password", null).envOnly("TEST_SECRET");
  static final Command COMMAND = new Command("test", "A command for the tests.", List.of(FILE, NAME, PORT, SEED,
      KM2, KEEP, OUT, AS_OF, MODE, ZOOMS, LAYERS, OPT, SECRET));

  private static Arguments parse(String... args) {
    return COMMAND.parse(args, Map.of());
  }

  private static String error(String... args) {
    ArgumentException e = assertThrows(ArgumentException.class, () -> parse(args));
    assertNull(e.help(), "an error, not --help");
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  @Test
  void nothingGivenGivesEveryDefault() {
    Arguments a = parse("in.gpkg");
    assertEquals(Path.of("in.gpkg"), a.get(FILE));
    assertEquals("anon", a.get(NAME));
    assertEquals(8080, a.get(PORT));
    assertEquals(7L, a.get(SEED));
    assertEquals(1.5, a.get(KM2));
    assertFalse(a.get(KEEP));
    assertEquals(Path.of("target/x"), a.get(OUT));
    assertNull(a.get(AS_OF));
    assertEquals(Mode.SINGLE, a.get(MODE));
    assertEquals(List.of(6, 8), a.get(ZOOMS));
    assertEquals(List.of("hazards"), a.get(LAYERS));
    assertEquals(List.of(), a.all(OPT));
    assertNull(a.get(SECRET));
    assertFalse(a.given(PORT));
  }

  @Test
  void valueAfterTheNameAndAfterAnEqualsSignAreTheSame() {
    assertEquals(9000, parse("f", "--port", "9000").get(PORT));
    assertEquals(9000, parse("f", "--port=9000").get(PORT));
    assertEquals("a=b", parse("f", "--name=a=b").get(NAME));
  }

  @Test
  void eachTypeIsRead() {
    Arguments a = parse("--seed", "-20230101", "--km2", "24387.5", "--keep", "--out", "/tmp/o", "--as-of",
        "2024-12-31", "--mode", "Batch", "--zooms", "10, 12,14", "--layers", "hazards,releases", "f");
    assertEquals(-20230101L, a.get(SEED));
    assertEquals(24387.5, a.get(KM2));
    assertTrue(a.get(KEEP));
    assertEquals(Path.of("/tmp/o"), a.get(OUT));
    assertEquals(LocalDate.of(2024, 12, 31), a.get(AS_OF));
    assertEquals(Mode.BATCH, a.get(MODE));
    assertEquals(List.of(10, 12, 14), a.get(ZOOMS));
    assertEquals(List.of("hazards", "releases"), a.get(LAYERS));
  }

  @Test
  void aFlagTakesNoValueButMayBeSetFalseWithAnEqualsSign() {
    Arguments a = parse("--keep", "f");
    assertTrue(a.get(KEEP));
    assertEquals(Path.of("f"), a.get(FILE), "the word after a flag is not its value");
    assertFalse(parse("f", "--keep=false").get(KEEP));
    assertEquals("--keep: 'maybe' is not true or false", error("f", "--keep=maybe"));
  }

  @Test
  void aRepeatableOptionKeepsEveryValueInOrder() {
    Arguments a = parse("f", "--opt", "-Xlog:gc", "--opt=--add-opens=x", "--opt", "-XX:+UseG1GC");
    assertEquals(List.of("-Xlog:gc", "--add-opens=x", "-XX:+UseG1GC"), a.all(OPT));
  }

  @Test
  void unknownOptionIsRefusedByName() {
    assertEquals("unknown option --bogus", error("--bogus", "file.gpkg"));
    assertEquals("unknown option --bogus", error("file.gpkg", "--bogus=1"));
  }

  @Test
  void singleDashOptionIsRefused() {
    assertTrue(error("f", "-p", "9000").startsWith("unknown option -p"));
  }

  @Test
  void missingValueAtTheEndIsRefused() {
    assertEquals("--port needs a value (a whole number)", error("f", "--port"));
  }

  @Test
  void optionWhereAValueShouldBeIsAMissingValue() {
    assertEquals("--name needs a value (a text)", error("f", "--name", "--keep"));
  }

  @Test
  void badWholeNumberIsRefusedWithTheValue() {
    assertEquals("--port: 'eighty' is not a whole number", error("f", "--port", "eighty"));
    assertEquals("--port: '3000000000' is not a whole number", error("f", "--port", "3000000000"));
    assertEquals("--seed: '1.5' is not a whole number", error("f", "--seed=1.5"));
  }

  @Test
  void badOrInfiniteDecimalIsRefused() {
    assertEquals("--km2: 'abc' is not a number", error("f", "--km2", "abc"));
    assertEquals("--km2: 'Infinity' is not a number", error("f", "--km2", "Infinity"));
  }

  @Test
  void badDateChoiceAndListAreRefused() {
    assertEquals("--as-of: '2024-13-01' is not a date (YYYY-MM-DD)", error("f", "--as-of", "2024-13-01"));
    assertEquals("--mode: 'fast' is not one of single, batch", error("f", "--mode", "fast"));
    assertEquals("--zooms: '6,x' is not whole numbers separated by commas", error("f", "--zooms", "6,x"));
    assertEquals("--layers: 'a,,b' is not words separated by commas", error("f", "--layers", "a,,b"));
  }

  @Test
  void surplusPositionalIsRefused() {
    assertEquals("unexpected argument 'b.gpkg' (after FILE)", error("a.gpkg", "b.gpkg"));
  }

  @Test
  void missingRequiredPositionalIsRefused() {
    assertEquals("missing FILE: the file to read", error("--keep"));
  }

  @Test
  void optionGivenTwiceIsRefused() {
    assertEquals("--port is given twice", error("f", "--port", "1", "--port", "2"));
  }

  @Test
  void doubleDashEndsTheOptions() {
    assertEquals(Path.of("--odd-name.gpkg"), parse("--keep", "--", "--odd-name.gpkg").get(FILE));
  }

  @Test
  void environmentStandsInForAnOptionNotGiven() {
    Arguments a = COMMAND.parse(new String[] {"f"}, Map.of("TEST_PORT", "9100"));
    assertEquals(9100, a.get(PORT));
    assertTrue(a.given(PORT));
  }

  @Test
  void commandLineWinsOverTheEnvironment() {
    assertEquals(9200, COMMAND.parse(new String[] {"f", "--port", "9200"}, Map.of("TEST_PORT", "9100")).get(PORT));
  }

  @Test
  void blankEnvironmentVariableCountsAsUnset() {
    assertEquals(8080, COMMAND.parse(new String[] {"f"}, Map.of("TEST_PORT", " ")).get(PORT));
  }

  @Test
  void badEnvironmentValueIsRefusedByTheVariablesName() {
    ArgumentException e = assertThrows(ArgumentException.class,
        () -> COMMAND.parse(new String[] {"f"}, Map.of("TEST_PORT", "x")));
    assertEquals("TEST_PORT: 'x' is not a whole number", e.getMessage());
  }

  @Test
  void environmentOnlySettingIsReadFromTheEnvironmentAndRefusedOnTheCommandLine() {
    assertEquals("s3cret", COMMAND.parse(new String[] {"f"}, Map.of("TEST_SECRET", "s3cret")).get(SECRET));
    assertEquals("unknown option --secret", error("f", "--secret", "s3cret"));
  }

  @Test
  void requiredOptionMayComeFromTheEnvironment() {
    Option<String> url = Option.string("url", "where", null).env("TEST_URL").required();
    Command c = new Command("c", "c", List.of(url));
    assertEquals("missing --url (or TEST_URL): where", assertThrows(ArgumentException.class,
        () -> c.parse(new String[0], Map.of())).getMessage());
    assertEquals("jdbc:x", c.parse(new String[0], Map.of("TEST_URL", "jdbc:x")).get(url));
  }

  @Test
  void noPositionalDeclaredMakesAnyWordSurplus() {
    Command c = new Command("c", "c", List.of(NAME));
    assertEquals("unexpected argument 'x' (this command takes no positional arguments)",
        assertThrows(ArgumentException.class, () -> c.parse(new String[] {"x"}, Map.of())).getMessage());
  }

  @Test
  void helpAnswersTheGeneratedUsageWithEveryOptionItsDefaultAndVariable() {
    ArgumentException e = assertThrows(ArgumentException.class, () -> parse("--port", "1", "--help"));
    String usage = e.help();
    assertEquals(COMMAND.usage(), usage);
    assertTrue(usage.startsWith("usage: landrelease test FILE [options]\n\nA command for the tests.\n"), usage);
    assertTrue(usage.contains("  --port N                a port (default 8080; or TEST_PORT)\n"), usage);
    assertTrue(usage.contains("  --mode single|batch     how (default single)\n"), usage);
    assertTrue(usage.contains("  --zooms N,N             zooms (default 6,8)\n"), usage);
    assertTrue(usage.contains("  --opt TEXT              a JVM option (repeatable)\n"), usage);
    assertTrue(usage.contains("  FILE                    the file to read (required)\n"), usage);
    assertTrue(usage.contains("  --keep                  keep it\n"), usage);
    assertTrue(usage.contains("from the environment only:\n  TEST_SECRET             a password\n"), usage);
  }

  @Test
  void readingAnUndeclaredOptionIsAMistakeInTheCode() {
    Option<String> other = Option.string("other", "not declared", null);
    assertThrows(IllegalStateException.class, () -> parse("f").get(other));
  }

  @Test
  void declaringANameTwiceIsAMistakeInTheCode() {
    assertThrows(IllegalStateException.class, () -> new Command("c", "c", List.of(NAME,
        Option.string("name", "again", null))));
  }
}
