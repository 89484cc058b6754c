package org.landrelease.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import org.landrelease.LedgerApp;
import org.landrelease.config.Config;
import org.landrelease.domain.Account;
import org.landrelease.domain.Role;
import org.landrelease.service.Json;
import org.landrelease.store.TestStore;

/**
 * The real service on a random port with a fresh database directory, and a small HTTP client for it. The store is
 * H2GIS, or a fresh PostgreSQL database when LEDGER_TEST_STORE=postgresql (see {@link TestStore}).
 */
public class TestServer implements AutoCloseable {
  public record Response(int status, String contentType, JsonNode json, String body,
      java.net.http.HttpHeaders httpHeaders) {
    public Response(int status, String contentType, JsonNode json, String body) {
      this(status, contentType, json, body, null);
    }

    /** The first value of a response header, or null. */
    public String headers(String name) {
      return httpHeaders == null ? null : httpHeaders.firstValue(name).orElse(null);
    }
  }

  public static final ObjectMapper JSON = Json.mapper();
  private final LedgerApp app;
  public final Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  /** The token the plain get/post methods send; null sends none. */
  private final String defaultToken;
  public final String adminToken;
  public final String reviewerToken;

  public TestServer() throws Exception {
    this(true);
  }

  public TestServer(boolean publicReads) throws Exception {
    this(Files.createTempDirectory("ledger-test"), publicReads);
  }

  /** The service on the database in dir/db (an existing one is opened as it is). */
  public TestServer(Path dir, boolean publicReads) throws Exception {
    this(dir, publicReads, null);
  }

  /**
   * The service on a new database loaded with the scenario in demoDir (funding.json, events.ndjson.gz) by the demo
   * loader: historical records, each counted on its own date, as an approved event of the past would be.
   */
  public static TestServer withHistory(Path demoDir) throws Exception {
    return new TestServer(Files.createTempDirectory("ledger-test"), true, demoDir);
  }

  /**
   * An instance of the service on the PostgreSQL database of dir, whatever LEDGER_TEST_STORE says: two of them on one
   * dir are two instances on one database.
   */
  public static TestServer onPostgres(Path dir) throws Exception {
    return new TestServer(dir, true, null, true);
  }

  private TestServer(Path dir, boolean publicReads, Path demoDir) throws Exception {
    this(dir, publicReads, demoDir, false);
  }

  private TestServer(Path dir, boolean publicReads, Path demoDir, boolean postgres) throws Exception {
    this.dir = dir;
    Config config = new Config("127.0.0.1", 0, dir.resolve("db"), Path.of("data/ukraine-oblasts.geojson"),
        Path.of("web"), demoDir == null ? Path.of("data/demo") : demoDir, demoDir != null, publicReads);
    app = LedgerApp.start(postgres ? TestStore.onPostgres(config) : TestStore.configure(config));
    String suffix = Long.toString(System.nanoTime(), 36);
    adminToken = token("test-admin-" + suffix, Role.ADMIN, null, null);
    reviewerToken = token("test-reviewer-" + suffix, Role.REVIEWER, null, null);
    defaultToken = adminToken;
  }

  private TestServer(TestServer other, String token) {
    app = other.app;
    dir = other.dir;
    adminToken = other.adminToken;
    reviewerToken = other.reviewerToken;
    defaultToken = token;
  }

  /** The same server, talked to with another token (null: anonymously). Closing the view does not stop it. */
  public TestServer as(String token) {
    return new TestServer(this, token) {
      @Override
      public void close() {}
    };
  }

  /**
   * Every row of every ledger table as text, table by table, on either store: a refused request must leave it
   * unchanged. Rows are sorted as text, so rows that tie on the first column still compare equal in any order.
   * Sequences are left out: PostgreSQL advances them in rolled-back transactions too.
   */
  public String databaseContent() throws Exception {
    return app.database().read(c -> {
      StringBuilder b = new StringBuilder();
      for (String table : ledgerTables(c)) {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringJoiner row = new StringJoiner(" | ");
            for (int i = 1; i <= columns; i++) {
              row.add(String.valueOf(rs.getString(i)));
            }
            rows.add(row.toString());
          }
        }
        Collections.sort(rows);
        b.append("-- ").append(table).append(" (").append(rows.size()).append(" rows)\n");
        rows.forEach(r -> b.append(r).append('\n'));
      }
      return b.toString();
    });
  }

  /** The tables of the ledger's schema, from JDBC metadata, without Flyway's history and the spatial systems'. */
  private static List<String> ledgerTables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", null)) {
      while (rs.next()) {
        String type = rs.getString("TABLE_TYPE");
        String name = rs.getString("TABLE_NAME");
        boolean table = "TABLE".equals(type) || "BASE TABLE".equals(type);
        if (table && !NOT_LEDGER.contains(name.toLowerCase(Locale.ROOT))) {
          tables.add(name);
        }
      }
    }
    Collections.sort(tables);
    return tables;
  }

  /** Flyway's history and the CRS table of PostGIS and H2GIS (geometry_columns and the like are views). */
  private static final Set<String> NOT_LEDGER = Set.of("flyway_schema_history", "spatial_ref_sys");

  /** Creates an account directly in the service and returns its token. */
  public String token(String name, Role role, String partner, String donor) throws Exception {
    return app.accounts().create(new Account(name, role, partner, donor), "test").token();
  }

  public LedgerApp app() {
    return app;
  }

  public String base() {
    return "http://127.0.0.1:" + app.port();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
    if (defaultToken != null) {
      b.header("Authorization", "Bearer " + defaultToken);
    }
    return b;
  }

  public Response get(String path) throws Exception {
    return send(request(path).GET().build());
  }

  public Response post(String path, String body) throws Exception {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public Response put(String path, String body) throws Exception {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public Response delete(String path) throws Exception {
    return send(request(path).DELETE().build());
  }

  /**
   * Submits an event (as this view's account) and, when it is new, approves it as the reviewer: the response has
   * the submission's status and the approval's result. A replay (200) or a refusal comes back as it is.
   */
  public Response apply(String body) throws Exception {
    Response submitted = post("/api/events", body);
    if (submitted.status() != 201) {
      return submitted;
    }
    Response approved = as(reviewerToken).post("/api/events/" + submitted.json().get("id").asText() + "/approve", "");
    if (approved.status() != 200) {
      throw new AssertionError("approval failed: " + approved.status() + " " + approved.body());
    }
    return new Response(201, approved.contentType(), approved.json(), approved.body());
  }

  public Response post(String path, JsonNode body) throws Exception {
    return post(path, JSON.writeValueAsString(body));
  }

  public Response send(HttpRequest request) throws Exception {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode json = null;
    try {
      json = r.body().isEmpty() ? null : JSON.readTree(r.body());
    } catch (Exception e) {
      json = null;
    }
    return new Response(r.statusCode(), r.headers().firstValue("content-type").orElse(""), json, r.body(),
        r.headers());
  }

  /** Creates the partners and grants most tests use. */
  public void fund() throws Exception {
    post("/api/partners", "{\"id\":\"HALO\",\"name\":\"HALO Trust\"}");
    post("/api/partners", "{\"id\":\"DRC\",\"name\":\"Danish Refugee Council\"}");
    post("/api/grants", "{\"id\":\"NL-HALO\",\"donor\":\"Netherlands\",\"partner\":\"HALO\",\"title\":\"Mine action\","
        + "\"amount\":1000000,\"currency\":\"EUR\",\"start\":\"2023-01-01\",\"end\":\"2025-12-31\"}");
    post("/api/grants", "{\"id\":\"NL-DRC\",\"donor\":\"Netherlands\",\"partner\":\"DRC\",\"title\":\"Survey\","
        + "\"amount\":500000,\"currency\":\"EUR\",\"start\":\"2024-01-01\",\"end\":\"2024-12-31\"}");
  }

  /**
   * A random polygon of 5-12 vertices, 1-6 km across, centred in [lon0, lon0 + lonSpan] × [lat0, lat0 + latSpan]: the
   * property tests' footprints, which cross each other and region or zone edges.
   */
  static String randomPolygon(java.util.SplittableRandom random, double lon0, double lat0, double lonSpan,
      double latSpan) {
    double cx = lon0 + random.nextDouble() * lonSpan, cy = lat0 + random.nextDouble() * latSpan;
    double radius = 0.005 + random.nextDouble() * 0.03;
    int n = 5 + random.nextInt(8);
    StringBuilder ring = new StringBuilder();
    String first = null;
    for (int k = 0; k < n; k++) {
      double angle = 2 * Math.PI * k / n;
      double r = radius * (0.7 + 0.3 * random.nextDouble());
      String p = String.format(java.util.Locale.ROOT, "[%.6f,%.6f]", cx + r * Math.cos(angle) * 1.5,
          cy + r * Math.sin(angle));
      ring.append(p).append(',');
      if (first == null) {
        first = p;
      }
    }
    return "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + first + "]]}";
  }

  /** A square of side d degrees with its south-west corner at (lon, lat), as GeoJSON. */
  public static String square(double lon, double lat, double d) {
    return String.format(java.util.Locale.ROOT,
        "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}", lon, lat, lon + d, lat,
        lon + d, lat + d, lon, lat + d, lon, lat);
  }

  public static String event(String id, String type, String date, String partner, String grant, String geometry) {
    StringBuilder b = new StringBuilder("{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"date\":\"" + date
        + "\",\"partner\":\"" + partner + "\"");
    if (grant != null) {
      b.append(",\"grant\":\"").append(grant).append('"');
    }
    if (type.equals("HAZARD_REPORT")) {
      b.append(",\"classification\":\"SHA\",\"hazardTypes\":[\"AP_MINE\"]");
    }
    if (type.equals("CLEARANCE")) {
      b.append(",\"method\":\"MANUAL\",\"devicesFound\":{\"AP_MINE\":2}");
    }
    return b.append(",\"geometry\":").append(geometry).append('}').toString();
  }

  @Override
  public void close() {
    app.close();
  }
}
