package org.landrelease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Imports point one way: http → service → (domain, geometry, store). Reads the sources, so a reference that breaks
 * the direction fails here by file and package, before it grows roots. Counts imports (static ones too) and fully
 * qualified names in code; comments are ignored.
 */
class LayeringTest {
  private static final Path ROOT = Path.of("src/main/java/org/landrelease");
  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.landrelease\\.(\\w+)\\.(\\w+)");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  @Test
  void httpNeverImportsStore() throws IOException {
    assertEquals(List.of(), violations(sources("http", "*.java"), Set.of("store")));
  }

  @Test
  void domainImportsNoOtherPackageOfTheService() throws IOException {
    assertEquals(List.of(), violations(sources("domain", "*.java"), packagesExcept("domain")));
  }

  @Test
  void geometryKnowsNothingOfHttpStoreOrService() throws IOException {
    assertEquals(List.of(), violations(sources("geometry", "*.java"), Set.of("http", "store", "service")));
  }

  /** The server-side drawing (Java2D) takes shapes and draws them: it reads no database and knows no request. */
  @Test
  void renderKnowsNothingOfHttpStoreOrService() throws IOException {
    assertEquals(List.of(), violations(sources("render", "*.java"), Set.of("http", "store", "service")));
  }

  /** AWT stays out of geometry/, which is JTS (and GeographicLib) only. */
  @Test
  void geometryDrawsNothing() throws IOException {
    List<String> awt = new ArrayList<>();
    for (Path f : sources("geometry", "*.java")) {
      if (COMMENT.matcher(Files.readString(f)).replaceAll("").contains("java.awt")) {
        awt.add(ROOT.relativize(f).toString());
      }
    }
    assertEquals(List.of(), awt);
  }

  @Test
  void theDemoAndTheBenchmarksDoNotImportHttp() throws IOException {
    List<Path> demo = sources("demo", "*.java");
    assertTrue(demo.size() >= 10, "expected the demo's files in demo/, found " + demo);
    assertEquals(List.of(), violations(demo, Set.of("http")));
    assertEquals(List.of(), violations(sources("bench", "*.java"), Set.of("http")));
  }

  /** cli/ holds the administrative commands only: the demo and the benchmarks have rooms of their own. */
  @Test
  void cliHoldsNoDemoOrBenchmarkCode() throws IOException {
    assertEquals(List.of(), sources("cli", "{Demo,Bench,Workload}*.java"));
  }

  /** The check itself: a source that imports, statically imports or names a forbidden package is caught. */
  @Test
  void aForbiddenReferenceIsFoundInImportsAndCodeButNotInComments() {
    String source = """
        package org.landrelease.http;

        import org.landrelease.service.LedgerService;
        import org.landrelease.store.StoredEvent;
        import static org.landrelease.store.Queryable.Type.DATE;
        // org.landrelease.store.Database is only mentioned here
        /** and org.landrelease.store.MapStore here */
        class X { Object db = new org.landrelease.store.Database(null); }
        """;
    assertEquals(List.of("store.StoredEvent", "store.Queryable", "store.Database"),
        references(source, Set.of("store")));
  }

  /** The files under ROOT/dir, subpackages included, whose name matches glob. */
  private static List<Path> sources(String dir, String glob) throws IOException {
    PathMatcher name = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
      return files.filter(p -> name.matches(p.getFileName())).sorted().toList();
    }
  }

  private static Set<String> packagesExcept(String own) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(ROOT)) {
      dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.equals(own))
          .forEach(out::add);
    }
    return out;
  }

  private static List<String> violations(List<Path> files, Set<String> forbidden) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path f : files) {
      for (String ref : references(Files.readString(f), forbidden)) {
        out.add(ROOT.relativize(f) + " → org.landrelease." + ref);
      }
    }
    return out;
  }

  /** The forbidden references in one source, as package.Name, in order of appearance. */
  static List<String> references(String source, Set<String> forbidden) {
    String code = COMMENT.matcher(source).replaceAll("").replaceAll("(?m)^package .*$", "");
    List<String> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(code);
    while (m.find()) {
      if (forbidden.contains(m.group(1))) {
        out.add(m.group(1) + "." + m.group(2));
      }
    }
    return out;
  }
}
