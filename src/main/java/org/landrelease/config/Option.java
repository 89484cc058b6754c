package org.landrelease.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One declared argument of a command: an option (--name value, --name=value, or a flag), a positional argument, or a
 * setting read from the environment only. Each has a description, a type, a default, and optionally an environment
 * variable that stands in when it is not given. Declarations are immutable: {@link #env}, {@link #required},
 * {@link #repeatable} and the other changes return a copy.
 *
 * @param name        the option's name without "--"; for a positional, its name in the usage (FILE); for an
 *                    environment-only setting, the variable's name
 * @param description one line for the usage text
 * @param kind        how it is written on the command line
 * @param type        its value's type: how it is read, and how the usage and the errors name it
 * @param fallback    the default, or null for none
 * @param envName     the environment variable read when the option is not given, or null
 * @param mandatory   an error when neither given nor in the environment ({@link #required})
 * @param multiple    may be given several times ({@link #repeatable}, {@link Arguments#all})
 */
public record Option<T>(String name, String description, Kind kind, Type<T> type, T fallback, String envName,
    boolean mandatory, boolean multiple) {

  /** How an argument is written on the command line. */
  public enum Kind { VALUE, FLAG, POSITIONAL, ENVIRONMENT }

  /**
   * A value's type.
   *
   * @param placeholder how the usage shows the value (N, PATH)
   * @param described   what an error says the value must be ("a whole number")
   * @param convert     from the text to the value; throws IllegalArgumentException when the text is not one
   */
  public record Type<T>(String placeholder, String described, Function<String, T> convert) {}

  public static Option<String> string(String name, String description, String fallback) {
    return value(name, description, new Type<>("TEXT", "a text", s -> s), fallback);
  }

  public static Option<Integer> integer(String name, String description, Integer fallback) {
    return value(name, description, new Type<>("N", "a whole number", Integer::valueOf), fallback);
  }

  public static Option<Long> longInteger(String name, String description, Long fallback) {
    return value(name, description, new Type<>("N", "a whole number", Long::valueOf), fallback);
  }

  public static Option<Double> decimal(String name, String description, Double fallback) {
    return value(name, description, new Type<>("X", "a number", Option::finite), fallback);
  }

  public static Option<Path> path(String name, String description, Path fallback) {
    return value(name, description, new Type<>("PATH", "a path", Path::of), fallback);
  }

  public static Option<LocalDate> date(String name, String description, LocalDate fallback) {
    return value(name, description, new Type<>("YYYY-MM-DD", "a date (YYYY-MM-DD)", Option::isoDate), fallback);
  }

  /** A switch: --name alone is true, --name=false is false, absent is false. */
  public static Option<Boolean> flag(String name, String description) {
    return new Option<>(name, description, Kind.FLAG, new Type<>("", "true or false", Option::bool), false, null,
        false, false);
  }

  /** A value from a closed list, case-insensitive (--mode batch). */
  public static <E extends Enum<E>> Option<E> choice(String name, String description, Class<E> type, E fallback) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    return value(name, description, new Type<>(String.join("|", names), "one of " + String.join(", ", names),
        s -> Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT))), fallback);
  }

  /** A comma-separated list of whole numbers (--zooms 6,8,10). */
  public static Option<List<Integer>> integers(String name, String description, List<Integer> fallback) {
    return value(name, description, new Type<>("N,N", "whole numbers separated by commas",
        s -> split(s).stream().map(Integer::valueOf).toList()), fallback);
  }

  /** A comma-separated list of words (--layers hazards,releases). */
  public static Option<List<String>> strings(String name, String description, List<String> fallback) {
    return value(name, description, new Type<>("A,B", "words separated by commas", Option::split), fallback);
  }

  private static <T> Option<T> value(String name, String description, Type<T> type, T fallback) {
    return new Option<>(name, description, Kind.VALUE, type, fallback, null, false, false);
  }

  /** A positional argument, taken in the order of declaration; {@code declared} gives its name, type, text. */
  public static <T> Option<T> positional(Option<T> declared) {
    return new Option<>(declared.name.toUpperCase(Locale.ROOT), declared.description, Kind.POSITIONAL,
        declared.type, declared.fallback, null, declared.mandatory, false);
  }

  /**
   * The same setting, read only from the environment variable {@code variable}, never from the command line: for
   * secrets, which would show in the process list.
   */
  public Option<T> envOnly(String variable) {
    return new Option<>(variable, description, Kind.ENVIRONMENT, type, fallback, variable, mandatory, false);
  }

  /** The same option with another default. */
  public Option<T> withDefault(T value) {
    return new Option<>(name, description, kind, type, value, envName, mandatory, multiple);
  }

  /** The same option, read from {@code variable} when it is not on the command line. */
  public Option<T> env(String variable) {
    return new Option<>(name, description, kind, type, fallback, variable, mandatory, multiple);
  }

  public Option<T> required() {
    return new Option<>(name, description, kind, type, fallback, envName, true, multiple);
  }

  public Option<T> repeatable() {
    return new Option<>(name, description, kind, type, fallback, envName, mandatory, true);
  }

  /** The same option, its value shown as {@code placeholder} in the usage (--db DIR, --db-url URL). */
  public Option<T> shownAs(String placeholder) {
    return new Option<>(name, description, kind, new Type<>(placeholder, type.described, type.convert), fallback,
        envName, mandatory, multiple);
  }

  /** How the usage and the errors name it: --db, FILE, LEDGER_DB_USER. */
  public String label() {
    return kind == Kind.VALUE || kind == Kind.FLAG ? "--" + name : name;
  }

  private static Double finite(String s) {
    double d = Double.parseDouble(s);
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException();
    }
    return d;
  }

  private static LocalDate isoDate(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The values an operator writes for yes and no, in a flag (--keep-db=false) or the environment. */
  static Boolean bool(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new IllegalArgumentException();
    };
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (String part : s.split(",", -1)) {
      if (part.isBlank()) {
        throw new IllegalArgumentException();
      }
      out.add(part.trim());
    }
    return List.copyOf(out);
  }
}
