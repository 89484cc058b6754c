package org.landrelease.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.Grant;
import org.landrelease.service.EventParsing;

/**
 * Writes the scenario where DemoLoader reads it: events.ndjson.gz, one GeoJSON Feature per event in date order, and
 * funding.json. Each event is parsed with the service's own parser first, so a refused event is an error here, not
 * at load time.
 */
final class DemoFiles {
  private DemoFiles() {}

  /** Writes both files of a scenario into dir; returns the events file. */
  static Path write(DemoPlan plan, Path dir, Path regionsFile, List<DemoEvent> all, ObjectMapper mapper)
      throws Exception {
    Files.createDirectories(dir);
    LocalDate previous = LocalDate.MIN;
    Path events = dir.resolve(DemoLoader.EVENTS_FILE);
    Path tmp = dir.resolve(DemoLoader.EVENTS_FILE + ".tmp");
    try (Writer out = new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
      int seq = 0;
      for (DemoEvent d : all) {
        if (d.date.isBefore(previous)) {
          throw new IllegalStateException("events out of date order at " + d.date);
        }
        previous = d.date;
        ObjectNode body = d.body(plan.eventIdKey(), ++seq, mapper);
        EventCommand cmd = EventParsing.parse(body, mapper); // refuses what the service would refuse
        if (d.grant != null) {
          Grant g = DemoFunding.grantById(plan, d.grant);
          if (!g.partner().equals(d.partner) || !g.covers(d.date)) {
            throw new IllegalStateException("grant " + g.id() + " does not fund " + d.partner + " on " + d.date);
          }
        }
        if (cmd.date().isAfter(LocalDate.of(2025, 12, 31))) {
          throw new IllegalStateException("event after 2025: " + cmd.date());
        }
        out.write(mapper.writeValueAsString(FeatureEvents.toFeature(body, mapper)));
        out.write('\n');
      }
    }
    Files.move(tmp, events, StandardCopyOption.REPLACE_EXISTING);
    // the loader finds a second country's regions from its scenario's directory, wherever the project lies
    String regions = dir.toAbsolutePath().normalize().relativize(regionsFile.toAbsolutePath().normalize()).toString()
        .replace('\\', '/');
    Files.writeString(dir.resolve(DemoLoader.FUNDING_FILE), mapper.writerWithDefaultPrettyPrinter()
        .writeValueAsString(DemoFunding.toJson(plan, mapper, all.size(), regions)) + "\n");
    return events;
  }
}
