package org.landrelease.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the funding and the hazard reports, before the timed replay of releases. */
final class BenchLoad {
  /** Items sent, seconds taken, and how many were created or refused, with the first refusal's problem. */
  record Result(int items, double seconds, int created, int refused, String firstProblem) {
    double perSecond() {
      return items / seconds;
    }
  }

  private BenchLoad() {}

  static Result funding(BenchHttp http, JsonNode doc, ObjectMapper mapper) throws Exception {
    long t0 = System.nanoTime();
    int items = 0, created = 0;
    String problem = null;
    for (String kind : List.of("partners", "grants")) {
      for (JsonNode item : doc.path(kind)) {
        BenchHttp.Response r = http.post("api/" + kind, mapper.writeValueAsBytes(item));
        items++;
        if (r.status() == 201) {
          created++;
        } else if (problem == null) {
          problem = r.status() + " " + new String(r.body(), StandardCharsets.UTF_8);
        }
      }
    }
    return new Result(items, (System.nanoTime() - t0) / 1e9, created, items - created, problem);
  }

  private static void approve(BenchHttp reviewer, JsonNode submitted, ObjectMapper mapper) throws Exception {
    var decisions = mapper.createObjectNode();
    var list = decisions.putArray("decisions");
    for (JsonNode item : submitted.path("results")) {
      if (item.path("status").asInt() == 201) {
        list.addObject().put("event", item.path("id").asText()).put("decision", "APPROVE");
      }
    }
    if (list.isEmpty()) {
      return; // nothing new in the batch: all replayed or refused
    }
    BenchHttp.Response r = reviewer.post("api/reviews", mapper.writeValueAsBytes(decisions));
    if (r.status() != 200 || mapper.readTree(r.body()).path("refused").asInt() > 0) {
      throw new IllegalStateException("approving a batch answered " + r.status() + ": "
          + new String(r.body(), StandardCharsets.UTF_8));
    }
  }

  /**
   * Posts the hazard reports in batches of batchSize through /api/events/batch, and has the reviewer approve each
   * batch's new events through /api/reviews, in order.
   */
  static Result hazards(BenchHttp http, BenchHttp reviewer, List<byte[]> bodies, int batchSize, ObjectMapper mapper)
      throws Exception {
    long t0 = System.nanoTime();
    int created = 0, refused = 0;
    String problem = null;
    for (int from = 0; from < bodies.size(); from += batchSize) {
      Batch b = batch(http, reviewer, bodies.subList(from, Math.min(bodies.size(), from + batchSize)), mapper);
      created += b.created();
      refused += b.refused();
      if (problem == null && b.firstProblem() != null) {
        problem = "hazard " + (from + b.firstProblemIndex()) + ": " + b.firstProblem();
      }
    }
    return new Result(bodies.size(), (System.nanoTime() - t0) / 1e9, created, refused, problem);
  }

  /**
   * One batch's outcome. refused counts refusals and replays (an event already stored, as after an interrupted load);
   * firstProblem is the first refusal's problem and firstProblemIndex its index in the batch, or null and -1.
   */
  record Batch(int created, int refused, String firstProblem, int firstProblemIndex) {}

  /** Posts one batch of events through /api/events/batch and has the reviewer approve the new ones. */
  static Batch batch(BenchHttp http, BenchHttp reviewer, List<byte[]> bodies, ObjectMapper mapper) throws Exception {
    BenchHttp.Response r = http.post("api/events/batch", array(bodies));
    if (r.status() != 200) {
      throw new IllegalStateException("a batch answered " + r.status() + ": "
          + new String(r.body(), StandardCharsets.UTF_8));
    }
    JsonNode answer = mapper.readTree(r.body());
    approve(reviewer, answer, mapper);
    String problem = null;
    int index = -1;
    if (answer.path("refused").asInt() > 0) {
      for (JsonNode item : answer.path("results")) {
        if (item.has("problem")) {
          problem = item.get("problem").toString();
          index = item.path("index").asInt();
          break;
        }
      }
    }
    return new Batch(answer.path("created").asInt(), answer.path("refused").asInt() + answer.path("replayed").asInt(),
        problem, index);
  }

  private static byte[] array(List<byte[]> bodies) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bodies.size() * 4096);
    out.write('[');
    for (int i = 0; i < bodies.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(bodies.get(i));
    }
    out.write(']');
    return out.toByteArray();
  }
}
