package org.landrelease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.landrelease.config.ArgumentException;
import org.landrelease.config.Command;
import org.landrelease.config.Config;

/**
 * Every {@code java -jar target/landrelease.jar ...} example in README.md and docs/ is read by its command's declared
 * arguments (optional parts in [brackets] included), so a renamed or dropped option breaks this test rather than the
 * reader's copy and paste. A command missing from {@link Main#DECLARED} fails here too.
 */
class DocumentedCommandsTest {
  private static final String JAR = "landrelease.jar";

  @Test
  void everyDocumentedInvocationParses() throws Exception {
    Path root = Path.of(System.getProperty("docs.root", "."));
    List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    int checked = 0;
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        int at = line.indexOf(JAR);
        if (at < 0) {
          continue;
        }
        String[] words = invocation(line.substring(at + JAR.length()));
        String name = words.length > 0 && !words[0].startsWith("-") ? words[0] : "serve";
        String[] args = words.length > 0 && !words[0].startsWith("-") ? Arrays.copyOfRange(words, 1, words.length)
            : words;
        Command command = Main.DECLARED.get(name);
        try {
          if (command == null) {
            throw new ArgumentException("no command '" + name + "' in Main.DECLARED");
          }
          Config parsed = name.equals("serve") ? Config.from(command.parse(args, Map.of())) : null;
          if (parsed == null) {
            command.parse(args, Map.of());
          }
          checked++;
        } catch (ArgumentException e) {
          if (e.help() != null) {
            checked++; // --help: the command answers with its usage
            continue;
          }
          failures.add(root.relativize(file) + ": " + line.strip() + "\n    -> " + e.getMessage());
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " documented invocations do not parse:\n" + String.join("\n", failures));
    }
    assertTrue(checked >= 30, "found only " + checked + " invocations in " + files);
  }

  @Test
  void anInvocationIsCutAtItsCommentBackquoteOrAmpersandAndLosesItsBrackets() {
    assertEquals(List.of("import", "f.gpkg", "--mapping", "m.json", "--dry-run", "--db", "data/db"),
        List.of(invocation(" import f.gpkg --mapping m.json [--dry-run] [--db data/db]` loads")));
    assertEquals(List.of("--port", "8081"), List.of(invocation(" --port 8081 &")));
    assertEquals(List.of("bench", "--clients", "1,4"), List.of(invocation(" bench --clients 1,4    # 8 minutes")));
    assertEquals(List.of(), List.of(invocation("")));
  }

  /** The words of the command line that follows the jar in a line of markdown. */
  static String[] invocation(String rest) {
    int end = rest.length();
    for (String stop : List.of("`", "#", " &", " |", "(")) {
      int i = rest.indexOf(stop);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String text = rest.substring(0, end).replace("[", " ").replace("]", " ").strip();
    return text.isEmpty() ? new String[0] : text.split("\\s+");
  }
}
