package org.landrelease.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.landrelease.http.HttpApi;
import org.landrelease.http.TestServer;
import org.landrelease.http.TestServer.Response;

/** /openapi.json is a valid OpenAPI 3.0 document and documents every route the service registers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
  private TestServer server;
  private Response document;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer();
    document = server.get("/openapi.json");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void theDocumentServedOverHttpIsValidOpenApi30() {
    assertEquals(200, document.status());
    assertTrue(document.contentType().startsWith("application/vnd.oai.openapi+json"), document.contentType());
    assertTrue(document.json().get("openapi").asText().startsWith("3.0."));
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.body(), null, options);
    assertNotNull(result.getOpenAPI(), String.valueOf(result.getMessages()));
    assertEquals(List.of(), result.getMessages());
  }

  @Test
  void everyRegisteredRouteIsDocumented() throws Exception {
    Set<String> registered = new TreeSet<>();
    // the router of a service built like the running one: the routes are declared when it is created
    Javalin app = HttpApi.create(HttpApi.Services.none(), true, (Path) null);
    for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
      String method = e.endpoint.method.name().toLowerCase(Locale.ROOT);
      if (method.equals("get") || method.equals("post") || method.equals("put") || method.equals("patch")
          || method.equals("delete")) {
        registered.add(method + " " + e.endpoint.path.replaceAll("\\{([^}]+)}", "{param}"));
      }
    }
    assertTrue(registered.size() > 20, registered.toString());
    Set<String> documented = new TreeSet<>();
    document.json().get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m ->
        documented.add(m + " " + p.getKey().replaceAll("\\{([^}]+)}", "{param}"))));
    Set<String> missing = new TreeSet<>(registered);
    missing.removeAll(documented);
    assertEquals(Set.of(), missing, "routes registered in HttpApi but not described in src/main/resources/openapi/");
    Set<String> stale = new TreeSet<>(documented);
    stale.removeAll(registered);
    assertEquals(Set.of(), stale, "paths described in the OpenAPI fragments that no route serves");
  }

  @Test
  void everyPathParameterIsDeclared() {
    JsonNode paths = document.json().get("paths");
    paths.fields().forEachRemaining(p -> {
      if (p.getKey().contains("{")) {
        p.getValue().forEach(op -> assertTrue(op.has("parameters"), p.getKey()));
      }
    });
  }
}
