package org.landrelease.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;

/** Generated zonings for the tests (no public-domain raion or hromada file is at hand), and their upload. */
final class ZoningFixtures {
  private ZoningFixtures() {}

  /**
   * A grid of square zones of side 'step' degrees over [lon0, lon0 + n·step] × [lat0, lat0 + n·step], codes "Z" +
   * column + row, classes alternating cropland/forest, leaving out the cell (gapCol, gapRow) as a gap (-1: none).
   */
  static String grid(double lon0, double lat0, double step, int n, int gapCol, int gapRow) {
    StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    boolean first = true;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == gapCol && j == gapRow) {
          continue;
        }
        double x = lon0 + i * step, y = lat0 + j * step;
        if (!first) {
          b.append(',');
        }
        first = false;
        b.append(feature("Z" + i + j, "Cell " + i + "/" + j, (i + j) % 2 == 0 ? "cropland" : "forest",
            String.format(Locale.ROOT, "[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]",
                x, y, x + step, y, x + step, y + step, x, y + step, x, y)));
      }
    }
    return b.append("]}").toString();
  }

  static String feature(String code, String name, String zoneClass, String polygonCoordinates) {
    return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"class\":\""
        + zoneClass + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + polygonCoordinates + "}}";
  }

  static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  /** The grid the tests split by: 0.05° cells over 36.5–36.7 E, 47.7–47.9 N, with a gap at column 2, row 2. */
  static String testGrid() {
    return grid(36.5, 47.7, 0.05, 4, 2, 2);
  }

  /** Uploads a zoning file as the raw body, as the given token, with the query (after '?'). */
  static TestServer.Response upload(TestServer server, String token, String name, String query, byte[] file)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/api/zonings/" + name + "?" + query))
        .POST(HttpRequest.BodyPublishers.ofByteArray(file));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return server.send(b.build());
  }

  static TestServer.Response load(TestServer server, String name, String file) throws Exception {
    return upload(server, server.adminToken, name, "codeField=code&nameField=name&classField=class",
        file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
