package org.landrelease.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A command's declared arguments, from which both the parser and the --help text are made, so that they cannot
 * disagree.
 *
 * @param name    as typed after the program name (import, bench-tiles), or "serve"
 * @param summary one or a few lines saying what it does
 * @param options every argument it takes, in the order the usage lists them
 */
public record Command(String name, String summary, List<Option<?>> options) {

  public Command {
    options = List.copyOf(options);
    Set<String> seen = new HashSet<>();
    for (Option<?> o : options) {
      if (!seen.add(o.label())) {
        throw new IllegalStateException(name + " declares " + o.label() + " twice");
      }
    }
  }

  /** The command line parsed against these declarations, with the process's environment. */
  public Arguments parse(String[] args) {
    return parse(args, System.getenv());
  }

  public Arguments parse(String[] args, Map<String, String> env) {
    return Arguments.parse(this, args, env);
  }

  /** The generated usage: a synopsis line, the summary, one line per argument with its default and variable. */
  public String usage() {
    StringBuilder b = new StringBuilder("usage: landrelease ").append(name);
    for (Option<?> o : options) {
      if (o.kind() == Option.Kind.POSITIONAL) {
        b.append(' ').append(o.mandatory() ? o.name() : "[" + o.name() + "]");
      }
    }
    b.append(" [options]\n\n").append(summary.strip()).append("\n\n");
    String groups = options.stream().filter(o -> o.kind() != Option.Kind.ENVIRONMENT).map(Command::line)
        .collect(Collectors.joining("\n"));
    b.append(groups).append("\n  --help").append(" ".repeat(Math.max(1, WIDTH - 6))).append("print this text\n");
    List<Option<?>> env = options.stream().filter(o -> o.kind() == Option.Kind.ENVIRONMENT).toList();
    if (!env.isEmpty()) {
      b.append("\nfrom the environment only:\n");
      env.forEach(o -> b.append(line(o)).append('\n'));
    }
    return b.toString();
  }

  /** The column where descriptions start, and the width they wrap at. */
  private static final int WIDTH = 24;
  private static final int LINE = 116;

  private static String line(Option<?> o) {
    String left = o.label() + (o.kind() == Option.Kind.VALUE ? " " + o.type().placeholder() : "");
    StringBuilder notes = new StringBuilder();
    if (o.mandatory()) {
      notes.append("required");
    }
    if (o.fallback() != null && o.kind() != Option.Kind.FLAG) {
      notes.append(notes.length() > 0 ? "; " : "").append("default ").append(show(o.fallback()));
    }
    if (o.envName() != null && o.kind() != Option.Kind.ENVIRONMENT) {
      notes.append(notes.length() > 0 ? "; " : "").append("or ").append(o.envName());
    }
    if (o.multiple()) {
      notes.append(notes.length() > 0 ? "; " : "").append("repeatable");
    }
    String text = o.description() + (notes.length() == 0 ? "" : " (" + notes + ")");
    StringBuilder b = new StringBuilder("  ").append(left);
    String indent = " ".repeat(WIDTH + 2);
    b.append(left.length() < WIDTH ? " ".repeat(WIDTH - left.length()) : "\n" + indent);
    int column = WIDTH + 2;
    boolean first = true;
    for (String word : text.split(" ")) {
      if (!first && column + 1 + word.length() > LINE) {
        b.append('\n').append(indent);
        column = indent.length();
      } else if (!first) {
        b.append(' ');
        column++;
      }
      b.append(word);
      column += word.length();
      first = false;
    }
    return b.toString();
  }

  private static String show(Object v) {
    if (v instanceof List<?> l) {
      return l.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return v instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : String.valueOf(v);
  }
}
