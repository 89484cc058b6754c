package org.landrelease.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * Synthetic zonings for the benchmark (no public-domain raion or hromada file is at hand): regular grids of adjacent
 * rectangular cells over the workload's area, so that no two zones of one zoning overlap; cells outside Ukraine are
 * zones that simply receive no pieces. Deterministic: the same envelope and count give the same file.
 */
final class BenchZonings {
  /** Land-cover-like classes, cycled over the cells so that by=zoneClass has several. */
  static final List<String> CLASSES = List.of("cropland", "grassland", "forest", "built-up", "water", "other");
  private static final String QUERY = "?codeField=code&nameField=name&classField=class&format=geojson&synthetic=true";

  /** A generated zoning: its name, its cells as [minLon, minLat, maxLon, maxLat], and its GeoJSON file. */
  record Grid(String name, int columns, int rows, List<double[]> cells, byte[] geojson) {}

  /** One upload: the zones the service stored, the pieces it split (the back-fill) and the request's time. */
  record Loaded(String name, int status, int zones, long piecesSplit, long millis, String problem) {}

  private BenchZonings() {}

  /**
   * The zonings loaded before the replay: three grids of different cell sizes, about 1/15, 4/15 and 10/15 of
   * 'zones' cells (1,500 gives about 100, 400 and 1,000: an oblast-, raion- and hromada-sized layer).
   */
  static List<Grid> layers(Envelope area, int zones) {
    int coarse = Math.max(1, Math.round(zones / 15f)), middle = Math.max(1, Math.round(zones * 4 / 15f));
    int fine = Math.max(1, zones - coarse - middle);
    return List.of(grid("bench-coarse", area, coarse), grid("bench-middle", area, middle),
        grid("bench-fine", area, fine));
  }

  /** A grid of about 'zones' cells over the envelope, the cells as square as the envelope's shape allows. */
  static Grid grid(String name, Envelope area, int zones) {
    double w = area.getWidth(), h = area.getHeight();
    int columns = Math.max(1, (int) Math.round(Math.sqrt(zones * w / h)));
    int rows = Math.max(1, (int) Math.round((double) zones / columns));
    // Edges computed once and shared by both neighbours, so adjacent cells meet exactly (no sliver, no overlap).
    double[] xs = edges(area.getMinX(), area.getMaxX(), columns), ys = edges(area.getMinY(), area.getMaxY(), rows);
    List<double[]> cells = new ArrayList<>();
    StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < columns; i++) {
      for (int j = 0; j < rows; j++) {
        double x0 = xs[i], y0 = ys[j], x1 = xs[i + 1], y1 = ys[j + 1];
        cells.add(new double[] {x0, y0, x1, y1});
        if (i + j > 0) {
          b.append(',');
        }
        b.append(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"code\":\"C%d-%d\","
            + "\"name\":\"Cell %d/%d\",\"class\":\"%s\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}", i, j, i, j, CLASSES.get((i * 7 + j * 3) % 6),
            x0, y0, x1, y0, x1, y1, x0, y1, x0, y0));
      }
    }
    byte[] file = b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    return new Grid(name, columns, rows, cells, file);
  }

  /** n+1 edges from min to max, rounded to 1e-6° (about 10 cm) so that the file holds exactly these values. */
  private static double[] edges(double min, double max, int n) {
    double[] e = new double[n + 1];
    for (int k = 0; k <= n; k++) {
      e[k] = Math.round((min + (max - min) * k / n) * 1e6) / 1e6;
    }
    return e;
  }

  /** Loads the grid through the admin API (POST /api/zonings/{name}, the file as the raw body); the back-fill of the
   * existing pieces happens inside this request. */
  static Loaded upload(BenchHttp admin, Grid grid, ObjectMapper mapper) throws Exception {
    BenchHttp.Response r = admin.post("/api/zonings/" + grid.name() + QUERY, "application/geo+json", grid.geojson());
    JsonNode body = r.body().length == 0 ? mapper.nullNode() : mapper.readTree(r.body());
    String problem = r.status() == 201 ? null
        : r.status() + " " + body.path("title").asText() + ": " + body.path("detail").asText();
    return new Loaded(grid.name(), r.status(), body.path("zones").asInt(), body.path("piecesSplit").asLong(),
        r.nanos() / 1_000_000, problem);
  }
}
