package org.landrelease.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landrelease.http.TestServer.event;
import static org.landrelease.http.TestServer.square;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.domain.Role;
import org.landrelease.http.TestServer.Response;
import org.landrelease.store.TestStore;

/**
 * Every route of the API, tried with no token, a wrong token and each role: 401 without a valid token where one is
 * needed, 403 for a role that may not, and an answer (2xx, or the route's own 4xx such as a 404) for one that may.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest {
  private static final Set<String> ALL = Set.of("FIELD", "REVIEWER", "DONOR", "ADMIN");

  /** A route, who may call it, whether it is public, and a fresh request body for each try. */
  private record Route(String method, String path, boolean isPublic, Set<String> roles, Supplier<String> body) {}

  private TestServer server;
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final List<Route> routes = new ArrayList<>();
  private String approved;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    server.fund();
    tokens.put("FIELD", server.token("field-halo", Role.FIELD, "HALO", null));
    tokens.put("REVIEWER", server.reviewerToken);
    tokens.put("DONOR", server.token("donor-nl", Role.DONOR, null, "Netherlands"));
    tokens.put("ADMIN", server.adminToken);
    server.apply(event(id(), "HAZARD_REPORT", "2023-01-10", "HALO", null, square(37.0, 48.0, 0.05)));
    approved = id();
    server.apply(event(approved, "NON_TECHNICAL_SURVEY", "2024-01-10", "HALO", "NL-HALO", square(37.0, 48.0, 0.005)));
    Supplier<String> none = () -> "";
    routes.add(new Route("GET", "/api/me", false, ALL, none));
    routes.add(new Route("GET", "/api/users", false, Set.of("ADMIN"), none));
    routes.add(new Route("POST", "/api/users", false, Set.of("ADMIN"),
        () -> "{\"name\":\"u-" + id() + "\",\"role\":\"REVIEWER\"}"));
    routes.add(new Route("DELETE", "/api/users/{nobody}", false, Set.of("ADMIN"), none));
    routes.add(new Route("POST", "/api/backups", false, Set.of("ADMIN"), none));
    routes.add(new Route("GET", "/api/languages", true, ALL, none));
    routes.add(new Route("GET", "/api/countries", true, ALL, none));
    routes.add(new Route("GET", "/api/countries/UA", true, ALL, none));
    routes.add(new Route("POST", "/api/countries/LB?dryRun=true", false, Set.of("ADMIN"),
        () -> CountryFixtures.twoRegions(35.75)));
    routes.add(new Route("GET", "/api/partners", true, ALL, none));
    routes.add(new Route("POST", "/api/partners", false, Set.of("ADMIN"), () -> "{\"id\":\"P" + id().substring(0, 8)
        + "\",\"name\":\"New partner\"}"));
    routes.add(new Route("GET", "/api/grants", false, ALL, none));
    routes.add(new Route("POST", "/api/grants", false, Set.of("ADMIN"), () -> "{\"id\":\"G" + id().substring(0, 8)
        + "\",\"donor\":\"Japan\",\"partner\":\"HALO\",\"title\":\"t\",\"start\":\"2024-01-01\",\"end\":\"2024-12-31\"}"));
    routes.add(new Route("GET", "/api/grants/NL-HALO", false, Set.of("FIELD", "REVIEWER", "DONOR", "ADMIN"), none));
    routes.add(new Route("PUT", "/api/grants/NL-HALO/countries", false, Set.of("ADMIN"),
        () -> "{\"countries\":[\"UA\"]}"));
    routes.add(new Route("GET", "/api/grants/NL-DRC/report", false, Set.of("REVIEWER", "DONOR", "ADMIN"), none));
    // IATI: DRC publishes (its organisation identifier is set), so NL-DRC's activity file can be written
    server.put("/api/partners/DRC/iati", "{\"iatiOrgId\":\"XM-DEMO-DRC\",\"iatiOrgType\":\"21\"}");
    server.put("/api/partners/HALO/iati", "{\"iatiOrgId\":\"GB-CHC-1001813\",\"iatiOrgType\":\"21\"}");
    routes.add(new Route("PUT", "/api/partners/DRC/iati", false, Set.of("ADMIN"),
        () -> "{\"iatiOrgId\":\"XM-DEMO-DRC\",\"iatiOrgType\":\"21\"}"));
    routes.add(new Route("GET", "/api/grants/NL-DRC/reporting", false, Set.of("REVIEWER", "DONOR", "ADMIN"), none));
    routes.add(new Route("PUT", "/api/grants/NL-DRC/reporting", false, Set.of("ADMIN"),
        () -> "{\"donorOrgId\":\"NL-1\",\"donorActivityId\":\"NL-1-DEMO-1\"}"));
    routes.add(new Route("GET", "/api/grants/NL-DRC/iati", false, Set.of("REVIEWER", "DONOR", "ADMIN"), none));
    routes.add(new Route("GET", "/api/iati?donor=Netherlands", false, ALL, none));
    routes.add(new Route("GET", "/api/iati/indicators", true, ALL, none));
    routes.add(new Route("POST", "/api/events", false, Set.of("FIELD", "ADMIN"), this::freshEvent));
    routes.add(new Route("POST", "/api/events/batch", false, Set.of("FIELD", "ADMIN"), () -> "[" + freshEvent() + "]"));
    routes.add(new Route("GET", "/api/events", true, ALL, none));
    routes.add(new Route("GET", "/api/events/{approved}", true, ALL, none));
    routes.add(new Route("GET", "/api/events/{approved}/history", true, ALL, none));
    routes.add(new Route("POST", "/api/events/{submitted}/approve", false, Set.of("REVIEWER"), none));
    routes.add(new Route("POST", "/api/events/{submitted}/reject", false, Set.of("REVIEWER"),
        () -> "{\"reason\":\"outside the task\"}"));
    // the event is field-halo's: only its submitter withdraws it (an administrator withdraws its own submissions)
    routes.add(new Route("POST", "/api/events/{submitted}/withdraw", false, Set.of("FIELD"), none));
    routes.add(new Route("POST", "/api/reviews", false, Set.of("REVIEWER"), () -> "{\"decisions\":[]}"));
    routes.add(new Route("GET", "/api/hazards", true, ALL, none));
    routes.add(new Route("GET", "/api/hazards/1", true, ALL, none));
    routes.add(new Route("GET", "/api/releases", true, ALL, none));
    routes.add(new Route("GET", "/api/regions/boundaries", true, ALL, none));
    routes.add(new Route("GET", "/api/regions", true, ALL, none));
    routes.add(new Route("GET", "/tiles/hazards.json", true, ALL, none));
    routes.add(new Route("GET", "/tiles/regions/6/38/22.mvt", true, ALL, none));
    routes.add(new Route("GET", "/api/stats/summary", true, ALL, none));
    routes.add(new Route("GET", "/api/stats/released?by=region", true, ALL, none));
    routes.add(new Route("GET", "/api/reports/land-release?year=2024", true, ALL, none));
    routes.add(new Route("GET", "/api/exports?layer=hazards&format=geojson", true, ALL, none));
    assertEquals(201, ZoningFixtures.load(server, "grid", ZoningFixtures.testGrid()).status());
    routes.add(new Route("GET", "/api/zonings", true, ALL, none));
    routes.add(new Route("GET", "/api/zonings/grid", true, ALL, none));
    routes.add(new Route("POST", "/api/zonings/trial?codeField=code&dryRun=true", false, Set.of("ADMIN"),
        ZoningFixtures::testGrid));
    routes.add(new Route("DELETE", "/api/zonings/{nobody}", false, Set.of("ADMIN"), none));
    routes.add(new Route("GET", "/api/stats/zones?zoning=grid", true, ALL, none));
    routes.add(new Route("GET", "/api/stats/released?by=zone&zoning=grid", true, ALL, none));
    routes.add(new Route("POST", "/api/imports?dryRun=true&format=geojson&mapping=" + java.net.URLEncoder.encode(
        "{\"type\":{\"const\":\"HAZARD_REPORT\"},\"date\":{\"const\":\"2023-03-01\"},\"partner\":{\"const\":"
        + "\"HALO\"},\"classification\":{\"const\":\"SHA\"}}", java.nio.charset.StandardCharsets.UTF_8), false,
        Set.of("FIELD", "ADMIN"), () -> "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
        + "\"properties\":{},\"geometry\":" + square(37.3, 48.0, 0.01) + "}]}"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private String freshEvent() {
    return event(id(), "HAZARD_REPORT", "2023-02-01", "HALO", null, square(37.2, 48.0, 0.01));
  }

  /** A submitted event of HALO's field account, so each decision has one to act on. */
  private String submittedEvent() throws Exception {
    Response r = server.as(tokens.get("FIELD")).post("/api/events", freshEvent());
    assertEquals(201, r.status(), r.body());
    return r.json().get("id").asText();
  }

  private Response call(Route route, String token) throws Exception {
    String path = route.path().replace("{approved}", approved).replace("{nobody}", "nobody-" + id());
    if (path.contains("{submitted}")) {
      path = path.replace("{submitted}", submittedEvent());
    }
    TestServer as = server.as(token);
    return switch (route.method()) {
      case "GET" -> as.get(path);
      case "DELETE" -> as.delete(path);
      case "PUT" -> as.put(path, route.body().get());
      default -> as.post(path, route.body().get());
    };
  }

  @Test
  void everyRouteAnswersEachCallerAsItsRolesSay() throws Exception {
    for (Route route : routes) {
      String name = route.method() + " " + route.path();
      Response anonymous = call(route, null);
      if (route.isPublic()) {
        assertEquals(200, anonymous.status(), name + " is public: " + anonymous.body());
      } else {
        assertEquals(401, anonymous.status(), name + " without a token");
      }
      assertEquals(401, call(route, "lr_" + "x".repeat(43)).status(), name + " with a wrong token");
      for (Map.Entry<String, String> role : tokens.entrySet()) {
        Response r = call(route, role.getValue());
        String who = name + " as " + role.getKey() + ": " + r.status() + " " + r.body();
        if (route.roles().contains(role.getKey())) {
          // on PostgreSQL a backup is pg_dump's work: the allowed caller is told so (501), not refused
          boolean pgBackup = TestStore.postgres() && route.path().equals("/api/backups") && r.status() == 501;
          assertTrue(r.status() >= 200 && r.status() < 300 || r.status() == 404 && route.path().contains("nobody")
              || pgBackup, who);
        } else {
          assertEquals(403, r.status(), who);
          assertEquals("application/problem+json", r.contentType(), who);
        }
      }
    }
  }

  @Test
  void everyApiRouteIsInThisTable() {
    List<String> tried = routes.stream().map(r -> r.method() + " " + r.path().replaceAll("\\?.*", "")
        .replace("{approved}", "{id}").replace("{submitted}", "{id}").replace("{nobody}", "{name}")
        .replace("NL-HALO", "{id}").replace("NL-DRC", "{id}").replace("/partners/DRC/", "/partners/{id}/").replaceAll("/hazards/1$", "/hazards/{id}").replace("/tiles/hazards.json", "/tiles/{file}")
        .replace("/tiles/regions/6/38/22.mvt", "/tiles/{layer}/{z}/{x}/{file}")
        .replaceAll("^/api/zonings/(grid|trial)$", "/api/zonings/{name}")
        .replaceAll("^/api/countries/(UA|LB)$", "/api/countries/{code}")).toList();
    for (String route : server.app().routes()) {
      if (route.contains(" /api/") || route.contains(" /tiles/")) {
        assertTrue(tried.contains(route), route + " is not tried by this test");
      }
    }
  }

  /**
   * Accounts bound to the ledger's one country (Ukraine, where every event of this test lies) are answered on every
   * route as their role is: a binding narrows work in other countries only (CountryAccessTest has two).
   */
  @Test
  void accountsBoundToTheLedgersCountryAnswerAsTheirRoleDoes() throws Exception {
    Map<String, String> bound = new LinkedHashMap<>();
    for (String role : List.of("REVIEWER", "FIELD")) {
      Response made = server.post("/api/users", "{\"name\":\"" + role.toLowerCase(java.util.Locale.ROOT) + "-ua-"
          + id().substring(0, 8) + "\",\"role\":\"" + role + "\"" + (role.equals("FIELD")
          ? ",\"partner\":\"HALO\"" : "") + ",\"countries\":[\"UA\"]}");
      assertEquals(201, made.status(), made.body());
      assertEquals("[\"UA\"]", made.json().get("countries").toString());
      bound.put(role, made.json().get("token").asText());
    }
    for (Route route : routes) {
      for (Map.Entry<String, String> role : bound.entrySet()) {
        if (route.path().contains("withdraw")) {
          continue; // only the submitting account withdraws: another FIELD account is refused whatever its countries
        }
        Response r = call(route, role.getValue());
        String who = route.method() + " " + route.path() + " as " + role.getKey() + " bound to UA: " + r.status()
            + " " + r.body();
        if (route.roles().contains(role.getKey())) {
          assertTrue(r.status() >= 200 && r.status() < 300 || r.status() == 404 && route.path().contains("nobody"),
              who);
        } else {
          assertEquals(403, r.status(), who);
        }
      }
    }
  }

  @Test
  void withPrivateReadsThePublicRoutesNeedAToken() throws Exception {
    try (TestServer closed = new TestServer(false)) {
      for (String path : List.of("/api/stats/summary", "/api/regions", "/api/hazards", "/api/events",
          "/api/partners", "/api/releases", "/api/regions/boundaries", "/tiles/hazards.json",
          "/api/reports/land-release?year=2024")) {
        assertEquals(401, closed.as(null).get(path).status(), path);
        String donor = closed.token("d-" + id().substring(0, 8), Role.DONOR, null, "Netherlands");
        assertEquals(200, closed.as(donor).get(path).status(), path);
      }
    }
  }

  @Test
  void aDonorReadsItsOwnGrantsOnly() throws Exception {
    server.post("/api/grants", "{\"id\":\"JP-HALO\",\"donor\":\"Japan\",\"partner\":\"HALO\",\"title\":\"t\","
        + "\"start\":\"2024-01-01\",\"end\":\"2024-12-31\"}");
    TestServer donor = server.as(tokens.get("DONOR"));
    for (String format : List.of("", "?format=json", "?format=pdf", "?format=xlsx")) {
      // the documents hold the same figures as the JSON: the same rule for every format
      assertEquals(200, donor.get("/api/grants/NL-HALO/report" + format).status(), format);
      Response refused = donor.get("/api/grants/JP-HALO/report" + format);
      assertEquals(403, refused.status(), format);
      assertEquals("application/problem+json", refused.contentType(), format);
      assertEquals(401, server.as(null).get("/api/grants/NL-HALO/report" + format).status(), format);
    }
    String grants = donor.get("/api/grants").body();
    assertTrue(grants.contains("NL-HALO") && !grants.contains("JP-HALO"), grants);
    String byDonor = donor.get("/api/stats/released?by=donor").body();
    assertTrue(byDonor.contains("Netherlands") && !byDonor.contains("Japan"), byDonor);
    assertEquals(401, server.as(null).get("/api/stats/released?by=grant").status());
  }
}
