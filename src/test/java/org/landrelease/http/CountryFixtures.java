package org.landrelease.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A small synthetic second country for the tests: Lebanon's code, with rectangular regions of our own making (not
 * its real boundaries) in its part of the map, far from Ukraine.
 */
final class CountryFixtures {
  private CountryFixtures() {}

  /** Two regions west and east of a boundary at longitude split, across 35.5-36.0 E, 33.5-34.0 N. */
  static String twoRegions(double split) {
    return collection(feature("LB-AA", "West", "Захід", 35.5, 33.5, split, 34.0) + ","
        + feature("LB-BB", "East", "Схід", split, 33.5, 36.0, 34.0));
  }

  static String collection(String features) {
    return "{\"type\":\"FeatureCollection\",\"country\":{\"code\":\"LB\",\"name\":\"Lebanon (synthetic)\","
        + "\"name_uk\":\"Ліван (синтетичний)\"},\"features\":[" + features + "]}";
  }

  static String feature(String code, String name, String nameUk, double x0, double y0, double x1, double y1) {
    return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\",\"name\":\"%s\","
        + "\"name_uk\":\"%s\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],"
        + "[%s,%s]]]}}", code, name, nameUk, x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
  }

  static TestServer.Response upload(TestServer server, String token, String code, String query, String file)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/api/countries/" + code + "?" + query))
        .POST(HttpRequest.BodyPublishers.ofByteArray(file.getBytes(StandardCharsets.UTF_8)));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return server.send(b.build());
  }

  /** Loads the two-region country as the admin, with its Ukrainian names. */
  static TestServer.Response load(TestServer server, double split) throws Exception {
    return upload(server, server.adminToken, "LB", "nameUkField=name_uk", twoRegions(split));
  }
}
