package org.landrelease.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The OpenAPI 3.0 document of the whole service, merged at start-up from the fragments in the resource folder
 * "openapi/": base.json gives the header, every other *.json file adds its own paths and components. A team adds its
 * endpoints by dropping in a fragment; a path or component defined twice stops the start, so nothing is lost silently.
 */
final class OpenApiDocument {
  static final String FOLDER = "openapi/";
  static final String BASE = "base.json";

  private OpenApiDocument() {}

  static byte[] build(ObjectMapper mapper) throws IOException {
    ObjectNode doc = (ObjectNode) read(mapper, BASE);
    ObjectNode paths = doc.with("paths");
    ObjectNode components = doc.with("components");
    for (String name : fragmentNames()) {
      if (name.equals(BASE)) {
        continue;
      }
      JsonNode fragment = read(mapper, name);
      mergeInto(paths, fragment.path("paths"), name, "path");
      Iterator<Map.Entry<String, JsonNode>> kinds = fragment.path("components").fields();
      while (kinds.hasNext()) {
        Map.Entry<String, JsonNode> kind = kinds.next();
        mergeInto(components.with(kind.getKey()), kind.getValue(), name, kind.getKey());
      }
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
  }

  private static void mergeInto(ObjectNode target, JsonNode source, String fragment, String what) {
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      if (target.has(e.getKey()) && !target.get(e.getKey()).equals(e.getValue())) {
        throw new IllegalStateException("OpenAPI fragment " + fragment + " defines " + what + " '" + e.getKey()
            + "' again, differently");
      }
      target.set(e.getKey(), e.getValue());
    }
  }

  private static JsonNode read(ObjectMapper mapper, String name) throws IOException {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IOException("no OpenAPI fragment " + FOLDER + name + " on the class path");
      }
      return mapper.readTree(in);
    }
  }

  /** The fragment files, in name order, from the class-path folder (a directory in development, a jar when run). */
  static List<String> fragmentNames() throws IOException {
    URL url = OpenApiDocument.class.getClassLoader().getResource(FOLDER + BASE);
    if (url == null) {
      throw new IOException("no " + FOLDER + BASE + " on the class path");
    }
    TreeSet<String> names = new TreeSet<>();
    if (url.getProtocol().equals("jar")) {
      JarURLConnection jar = (JarURLConnection) url.openConnection();
      jar.setUseCaches(false);
      try (var file = jar.getJarFile()) {
        file.stream().map(e -> e.getName()).filter(n -> n.startsWith(FOLDER) && n.endsWith(".json"))
            .map(n -> n.substring(FOLDER.length())).filter(n -> !n.contains("/")).forEach(names::add);
      }
    } else {
      try (Stream<Path> files = Files.list(Path.of(url.toURI()).getParent())) {
        files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(names::add);
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
    }
    return new ArrayList<>(names);
  }
}
