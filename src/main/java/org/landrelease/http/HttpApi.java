package org.landrelease.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.landrelease.domain.LedgerException;
import org.landrelease.service.LedgerService;
import org.landrelease.service.ReportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires every route of the HTTP API in one place; the handlers live in the resource classes. */
public final class HttpApi {
  private static final Logger LOG = LoggerFactory.getLogger("http");
  public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

  private HttpApi() {}

  public static Javalin create(LedgerService ledger, ReportService reports,
      org.landrelease.service.FundingService funding, org.landrelease.service.MapService map,
      org.landrelease.service.FeatureService features, Path webDir) throws java.io.IOException {
    ObjectMapper mapper = Json.mapper();
    OgcResource ogc = new OgcResource(features, mapper);
    byte[] openApi = OpenApiDocument.build(mapper);
    EventResource events = new EventResource(ledger, map, mapper);
    FundingResource fundingResource = new FundingResource(funding, reports, mapper);
    StatsResource stats = new StatsResource(reports);
    MapResource layers = new MapResource(map, mapper);
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.staticFiles.enableWebjars();
      if (webDir != null && Files.isDirectory(webDir)) {
        config.staticFiles.add(webDir.toAbsolutePath().toString(), Location.EXTERNAL);
      }
      config.requestLogger.http((ctx, ms) ->
          LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.status().getCode(), Math.round(ms)));
      var routes = config.routes;
      routes.before("/api/*", HttpApi::refuseLargeBodies);
      routes.get("/api/partners", fundingResource::listPartners);
      routes.post("/api/partners", fundingResource::createPartner);
      routes.get("/api/grants", fundingResource::listGrants);
      routes.post("/api/grants", fundingResource::createGrant);
      routes.get("/api/grants/{id}", fundingResource::getGrant);
      routes.get("/api/grants/{id}/report", fundingResource::grantReport);
      routes.post("/api/events", events::post);
      routes.post("/api/events/batch", events::postBatch);
      routes.get("/api/events", events::list);
      routes.get("/api/events/{id}", events::get);
      routes.get("/api/hazards", layers::hazards);
      routes.get("/api/hazards/{id}", layers::hazard);
      routes.get("/api/releases", layers::releases);
      routes.get("/api/regions/boundaries", layers::regionBoundaries);
      routes.get("/api/regions", stats::regions);
      routes.get("/api/stats/summary", stats::summary);
      routes.get("/api/stats/released", stats::released);
      routes.get("/openapi.json", ctx -> ctx.contentType(OgcJson.OPENAPI_JSON).result(openApi));
      routes.get("/ogc", ogc::landing);
      routes.get("/ogc/conformance", ogc::conformance);
      routes.get("/ogc/collections", ogc::collections);
      routes.get("/ogc/collections/{collectionId}", ogc::collection);
      routes.get("/ogc/collections/{collectionId}/queryables", ogc::queryables);
      routes.get("/ogc/collections/{collectionId}/items", ogc::items);
      routes.get("/ogc/collections/{collectionId}/items/{featureId}", ogc::item);
      Problems.register(routes, mapper);
    });
  }

  /** A declared body over 10 MB is refused before it is read (413). */
  private static void refuseLargeBodies(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    if (length > MAX_BODY_BYTES) {
      throw new LedgerException(LedgerException.Kind.TOO_LARGE, "body-too-large",
          "the body has " + length + " bytes; the limit is " + MAX_BODY_BYTES, null);
    }
  }

  /** Reads the JSON body of a request; malformed JSON is a 400 through the exception mapper. */
  static JsonNode body(Context ctx, ObjectMapper mapper) throws java.io.IOException {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_BODY_BYTES) {
      throw new LedgerException(LedgerException.Kind.TOO_LARGE, "body-too-large",
          "the body is over " + MAX_BODY_BYTES + " bytes", null);
    }
    if (bytes.length == 0) {
      throw LedgerException.badRequest("empty-body", "the request has no body; send a JSON document");
    }
    return mapper.readTree(bytes);
  }

  /** Refuses query parameters the endpoint does not know, so that a typo is not silently ignored. */
  static void allowOnly(Context ctx, Set<String> names) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!names.contains(name)) {
        throw LedgerException.badRequest("unknown-parameter",
            "unknown query parameter '" + name + "'; this endpoint accepts " + names);
      }
    }
  }

  static java.time.LocalDate dateParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      throw LedgerException.badRequest("invalid-parameter", "'" + name + "' must be a date YYYY-MM-DD, got '" + v + "'");
    }
  }

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw LedgerException.badRequest("invalid-parameter",
          "'" + name + "' must be an integer from " + min + " to " + max + ", got '" + v + "'");
    }
  }
}
