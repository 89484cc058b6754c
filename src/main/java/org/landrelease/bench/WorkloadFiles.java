package org.landrelease.bench;

import org.landrelease.demo.FeatureEvents;
import org.landrelease.demo.FieldPolygons;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The workload on disk, in the format shared with the demo and the PostGIS reference: funding.json, and
 * hazards.ndjson.gz and events.ndjson.gz with one GeoJSON Feature per event (its fields in properties).
 */
final class WorkloadFiles {
  static final String FUNDING = "funding.json", HAZARDS = "hazards.ndjson.gz", EVENTS = "events.ndjson.gz";

  private WorkloadFiles() {}

  static void write(Workload w, Path dir, ObjectMapper mapper) throws IOException {
    Files.createDirectories(dir);
    mapper.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FUNDING).toFile(), w.funding());
    writeFeatures(w.hazards(), dir.resolve(HAZARDS), mapper);
    writeFeatures(w.events(), dir.resolve(EVENTS), mapper);
  }

  private static void writeFeatures(List<byte[]> bodies, Path file, ObjectMapper mapper) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (byte[] body : bodies) {
        out.write(mapper.writeValueAsBytes(FeatureEvents.toFeature(mapper.readTree(body), mapper)));
        out.write('\n');
      }
    }
  }

  static Workload read(Path dir, ObjectMapper mapper) throws IOException {
    ObjectNode funding = (ObjectNode) mapper.readTree(dir.resolve(FUNDING).toFile());
    List<Workload.Point> centres = new ArrayList<>();
    List<byte[]> hazards = readBodies(dir.resolve(HAZARDS), mapper, centres);
    List<byte[]> events = readBodies(dir.resolve(EVENTS), mapper, null);
    return new Workload(funding, hazards, events, centres);
  }

  /** The API bodies of the features in the file; with centres, also the centre of each feature's bounding box. */
  private static List<byte[]> readBodies(Path file, ObjectMapper mapper, List<Workload.Point> centres)
      throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode feature = mapper.readTree(line);
        out.add(mapper.writeValueAsBytes(FeatureEvents.toEventBody(feature, mapper)));
        if (centres != null) {
          centres.add(boxCentre(feature.path("geometry").path("coordinates")));
        }
      }
    }
    return out;
  }

  private static Workload.Point boxCentre(JsonNode coordinates) {
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    extend(coordinates, box);
    return new Workload.Point((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
  }

  private static void extend(JsonNode node, double[] box) {
    if (node.size() >= 2 && node.get(0).isNumber()) {
      box[0] = Math.min(box[0], node.get(0).asDouble());
      box[1] = Math.min(box[1], node.get(1).asDouble());
      box[2] = Math.max(box[2], node.get(0).asDouble());
      box[3] = Math.max(box[3], node.get(1).asDouble());
      return;
    }
    node.forEach(child -> extend(child, box));
  }
}
