package org.landrelease.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line read against its {@link Command}'s declarations, in the planetiler manner: every value is typed and
 * checked when the line is read, so that a command never starts on a half-understood line. --name value and
 * --name=value; a flag alone; "--" ends the options. An option not given comes from its environment variable (a
 * blank one counts as unset, as it always has here), else its default.
 */
public final class Arguments {
  private final Command command;
  private final Map<Option<?>, List<Object>> values;

  private Arguments(Command command, Map<Option<?>, List<Object>> values) {
    this.command = command;
    this.values = values;
  }

  static Arguments parse(Command command, String[] args, Map<String, String> env) {
    Map<String, Option<?>> named = new HashMap<>();
    List<Option<?>> positionals = new ArrayList<>();
    for (Option<?> o : command.options()) {
      switch (o.kind()) {
        case VALUE, FLAG -> named.put(o.name(), o);
        case POSITIONAL -> positionals.add(o);
        case ENVIRONMENT -> { }
      }
    }
    Map<Option<?>, List<Object>> given = new LinkedHashMap<>();
    int nextPositional = 0;
    boolean optionsEnd = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!optionsEnd && (a.equals("--help") || a.equals("-h"))) {
        throw ArgumentException.help(command.usage());
      }
      if (!optionsEnd && a.equals("--")) {
        optionsEnd = true;
      } else if (!optionsEnd && a.startsWith("--")) {
        int eq = a.indexOf('=');
        String name = a.substring(2, eq < 0 ? a.length() : eq);
        Option<?> o = named.get(name);
        if (o == null) {
          throw new ArgumentException("unknown option --" + name);
        }
        String text;
        if (o.kind() == Option.Kind.FLAG) {
          text = eq < 0 ? "true" : a.substring(eq + 1);
        } else if (eq >= 0) {
          text = a.substring(eq + 1);
        } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
          text = args[++i];
        } else {
          throw new ArgumentException("--" + name + " needs a value (" + o.type().described() + ")");
        }
        add(given, o, convert(o, text, "--" + name));
      } else if (!optionsEnd && a.length() > 1 && a.startsWith("-") && !Character.isDigit(a.charAt(1))) {
        throw new ArgumentException("unknown option " + a + " (options start with --)");
      } else if (nextPositional < positionals.size()) {
        Option<?> p = positionals.get(nextPositional++);
        add(given, p, convert(p, a, p.name()));
      } else {
        throw new ArgumentException("unexpected argument '" + a + "'" + (positionals.isEmpty()
            ? " (this command takes no positional arguments)" : " (after " + positionalNames(positionals) + ")"));
      }
    }
    for (Option<?> o : command.options()) {
      if (!given.containsKey(o) && o.envName() != null) {
        String v = env.get(o.envName());
        if (v != null && !v.isBlank()) {
          given.put(o, List.of(convert(o, v, o.envName())));
        }
      }
      if (o.mandatory() && !given.containsKey(o)) {
        throw new ArgumentException("missing " + o.label() + (o.envName() != null && o.kind() != Option.Kind.ENVIRONMENT
            ? " (or " + o.envName() + ")" : "") + ": " + o.description());
      }
    }
    return new Arguments(command, given);
  }

  private static void add(Map<Option<?>, List<Object>> given, Option<?> o, Object value) {
    List<Object> list = given.computeIfAbsent(o, k -> new ArrayList<>());
    if (!list.isEmpty() && !o.multiple()) {
      throw new ArgumentException(o.label() + " is given twice");
    }
    list.add(value);
  }

  private static Object convert(Option<?> o, String text, String where) {
    try {
      return o.type().convert().apply(text);
    } catch (IllegalArgumentException e) {
      throw new ArgumentException(where + ": '" + text + "' is not " + o.type().described());
    }
  }

  private static String positionalNames(List<Option<?>> positionals) {
    return String.join(" ", positionals.stream().map(Option::name).toList());
  }

  /** The value given, else from the environment, else the default (null when there is none). */
  @SuppressWarnings("unchecked")
  public <T> T get(Option<T> option) {
    List<Object> v = values.get(declared(option));
    return v == null ? option.fallback() : (T) v.get(v.size() - 1);
  }

  /** Every value of a repeatable option, in the order given; empty when none. */
  @SuppressWarnings("unchecked")
  public <T> List<T> all(Option<T> option) {
    List<Object> v = values.get(declared(option));
    return v == null ? List.of() : (List<T>) List.copyOf(v);
  }

  /** True when the option was on the command line or in the environment, not just its default. */
  public boolean given(Option<?> option) {
    return values.containsKey(declared(option));
  }

  public Command command() {
    return command;
  }

  /** Reading an option the command did not declare is a mistake in the code, not on the command line. */
  private Option<?> declared(Option<?> option) {
    if (!command.options().contains(option)) {
      throw new IllegalStateException(command.name() + " does not declare " + option.label());
    }
    return option;
  }
}
