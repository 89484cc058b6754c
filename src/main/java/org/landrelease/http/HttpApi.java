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
import org.landrelease.service.AccountService;
import org.landrelease.service.BackupService;
import org.landrelease.service.Json;
import org.landrelease.service.LedgerService;
import org.landrelease.service.ReportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires every route of the HTTP API in one place; the handlers live in the resource classes. */
public final class HttpApi {
  private static final Logger LOG = LoggerFactory.getLogger("http");
  public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

  private HttpApi() {}

  /**
   * The services the HTTP layer calls, wired by LedgerApp: one record instead of a parameter each. A test that only
   * needs the routes (OpenApiDocumentTest) passes {@link #none()}.
   */
  public record Services(LedgerService ledger, ReportService reports, org.landrelease.service.FundingService funding,
      org.landrelease.service.MapService map, AccountService accounts, BackupService backups,
      org.landrelease.service.transfer.ImportService imports, org.landrelease.service.transfer.ExportService exports,
      org.landrelease.service.FeatureService features, org.landrelease.service.LedgerSync sync,
      org.landrelease.service.TileService tiles, org.landrelease.service.ZoningService zonings,
      org.landrelease.service.ZoneFigures zoneFigures, org.landrelease.service.TreatyReport treaty,
      org.landrelease.service.IatiService iati, org.landrelease.service.GrantDocuments grantDocuments,
      org.landrelease.service.CountryService countries) {
    /** No service at all: the routes are declared, none can answer. */
    public static Services none() {
      return new Services(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null);
    }
  }

  public static Javalin create(Services s, boolean publicReads, Path webDir) throws java.io.IOException {
    LedgerService ledger = s.ledger();
    ReportService reports = s.reports();
    var funding = s.funding();
    var map = s.map();
    AccountService accounts = s.accounts();
    BackupService backups = s.backups();
    var features = s.features();
    var sync = s.sync();
    var tileService = s.tiles();
    var zoningService = s.zonings();
    ObjectMapper mapper = Json.mapper();
    byte[] openApi = OpenApiDocument.build(mapper);
    CountryParam country = new CountryParam(reports);
    TransferResource transfer = new TransferResource(s.imports(), s.exports(), mapper, country);
    OgcResource ogc = new OgcResource(features, mapper, country);
    EventResource events = new EventResource(ledger, map, mapper, zoningService, country);
    ReviewResource reviews = new ReviewResource(ledger, map, mapper);
    AccountResource accountResource = new AccountResource(accounts, mapper);
    Access.Check access = new Access.Check(accounts, publicReads);
    FundingResource fundingResource = new FundingResource(funding, reports, s.grantDocuments(), mapper);
    StatsResource stats = new StatsResource(reports, funding, s.zoneFigures());
    ZoningResource zonings = new ZoningResource(zoningService);
    CountryResource countries = new CountryResource(s.countries());
    IatiResource iati = new IatiResource(funding, s.iati(), mapper);
    MapResource layers = new MapResource(map, mapper, zoningService, country);
    TileResource tiles = new TileResource(tileService, funding, mapper, country);
    ReportResource reportResource = new ReportResource(s.treaty(), country);
    // the languages the client and the problems speak: one file each in web/i18n, read by both
    org.landrelease.service.Translations translations = org.landrelease.service.Translations.load(
        webDir == null ? null : webDir.resolve("i18n"));
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = MAX_BODY_BYTES;
      // a known path with another method is a 405 with an Allow header, not a 404
      config.http.prefer405over404 = true;
      // what Jetty answers itself (a malformed request, an ambiguous path) is problem+json too
      config.jetty.modifyServer(server -> server.setErrorHandler(new ServerErrors(mapper, translations)));
      config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(
          new ServerErrors(mapper, translations)));
      // the problems' titles and details follow Accept-Language (see ProblemTexts)
      config.appData(Problems.TRANSLATIONS, translations);
      config.staticFiles.enableWebjars();
      if (webDir != null && Files.isDirectory(webDir)) {
        config.staticFiles.add(webDir.toAbsolutePath().toString(), Location.EXTERNAL);
      }
      config.requestLogger.http((ctx, ms) ->
          LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.status().getCode(), Math.round(ms)));
      var routes = config.routes;
      routes.before("/api/*", HttpApi::refuseLargeBodies);
      // level with what other instances on the same database acknowledged, before anything is read
      routes.beforeMatched(ctx -> {
        if (sync != null) {
          sync.catchUp();
        }
      });
      routes.beforeMatched(access::before);
      // who may call each route: see Access; what each role then sees is narrowed in the handler
      routes.get("/api/me", accountResource::me, Access.SIGNED_IN);
      routes.get("/api/users", accountResource::list, Access.ADMIN);
      routes.post("/api/users", accountResource::create, Access.ADMIN);
      routes.delete("/api/users/{name}", accountResource::revoke, Access.ADMIN);
      routes.post("/api/backups", ctx -> {
        BackupService.Backup b = backups.backup();
        ctx.status(201).json(java.util.Map.of("file", b.file().toString(), "bytes", b.bytes()));
      }, Access.ADMIN);
      // open like the static files: the sign-in page is shown in the reader's language
      routes.get("/api/languages", ctx -> ctx.json(translations.languages()));
      routes.get("/api/partners", fundingResource::listPartners, Access.PUBLIC_READ);
      routes.post("/api/partners", fundingResource::createPartner, Access.ADMIN);
      routes.get("/api/grants", fundingResource::listGrants, Access.SIGNED_IN);
      routes.post("/api/grants", fundingResource::createGrant, Access.ADMIN);
      routes.get("/api/grants/{id}", fundingResource::getGrant, Access.SIGNED_IN);
      routes.put("/api/grants/{id}/countries", fundingResource::setGrantCountries, Access.ADMIN);
      routes.get("/api/grants/{id}/report", fundingResource::grantReport, Access.SIGNED_IN);
      // IATI: what administrators set, and the activities files, read by the grant report's rule
      routes.put("/api/partners/{id}/iati", iati::setPartnerIati, Access.ADMIN);
      routes.get("/api/grants/{id}/reporting", iati::getReporting, Access.SIGNED_IN);
      routes.put("/api/grants/{id}/reporting", iati::putReporting, Access.ADMIN);
      routes.get("/api/grants/{id}/iati", iati::grantActivity, Access.SIGNED_IN);
      routes.get("/api/iati", iati::donorActivities, Access.SIGNED_IN);
      routes.get("/api/iati/indicators", iati::indicators, Access.PUBLIC_READ);
      routes.post("/api/events", events::post, Access.FIELD, Access.ADMIN);
      routes.post("/api/events/batch", events::postBatch, Access.FIELD, Access.ADMIN);
      routes.get("/api/events", events::list, Access.PUBLIC_READ);
      routes.get("/api/events/{id}", events::get, Access.PUBLIC_READ);
      routes.get("/api/events/{id}/history", reviews::history, Access.PUBLIC_READ);
      routes.post("/api/events/{id}/approve", reviews::approve, Access.REVIEWER);
      routes.post("/api/events/{id}/reject", reviews::reject, Access.REVIEWER);
      routes.post("/api/events/{id}/withdraw", reviews::withdraw, Access.FIELD, Access.ADMIN);
      routes.post("/api/reviews", reviews::decideBatch, Access.REVIEWER);
      routes.get("/api/hazards", layers::hazards, Access.PUBLIC_READ);
      routes.get("/api/hazards/{id}", layers::hazard, Access.PUBLIC_READ);
      routes.get("/api/releases", layers::releases, Access.PUBLIC_READ);
      routes.get("/api/regions/boundaries", layers::regionBoundaries, Access.PUBLIC_READ);
      routes.get("/api/regions", stats::regions, Access.PUBLIC_READ);
      routes.get("/api/stats/summary", stats::summary, Access.PUBLIC_READ);
      routes.get("/api/stats/released", stats::released, Access.PUBLIC_READ);
      routes.get("/api/stats/zones", stats::zones, Access.PUBLIC_READ);
      routes.get("/api/reports/land-release", reportResource::landRelease, Access.PUBLIC_READ);
      // zonings: loaded and deleted by an administrator; which exist (and which are synthetic) is public like figures
      routes.get("/api/countries", countries::list, Access.PUBLIC_READ);
      routes.get("/api/countries/{code}", countries::get, Access.PUBLIC_READ);
      routes.post("/api/countries/{code}", countries::load, Access.ADMIN);
      routes.get("/api/zonings", zonings::list, Access.PUBLIC_READ);
      routes.get("/api/zonings/{name}", zonings::get, Access.PUBLIC_READ);
      routes.post("/api/zonings/{name}", zonings::load, Access.ADMIN);
      routes.delete("/api/zonings/{name}", zonings::delete, Access.ADMIN);
      routes.post("/api/imports", transfer::importFile, Access.FIELD, Access.ADMIN);
      routes.get("/api/exports", transfer::exportFile, Access.PUBLIC_READ);
      // vector tiles of the same layers, for the web map, QGIS and GDAL
      routes.get("/tiles/{file}", tiles::tileJson, Access.PUBLIC_READ);
      routes.get("/tiles/{layer}/{z}/{x}/{file}", tiles::tile, Access.PUBLIC_READ);
      routes.get("/openapi.json", ctx -> ctx.contentType(OgcJson.OPENAPI_JSON).result(openApi));
      // OGC API - Features: read only, public like the map layers
      routes.get("/ogc", ogc::landing, Access.PUBLIC_READ);
      routes.get("/ogc/conformance", ogc::conformance, Access.PUBLIC_READ);
      routes.get("/ogc/collections", ogc::collections, Access.PUBLIC_READ);
      routes.get("/ogc/collections/{collectionId}", ogc::collection, Access.PUBLIC_READ);
      routes.get("/ogc/collections/{collectionId}/queryables", ogc::queryables, Access.PUBLIC_READ);
      routes.get("/ogc/collections/{collectionId}/items", ogc::items, Access.PUBLIC_READ);
      routes.get("/ogc/collections/{collectionId}/items/{featureId}", ogc::item, Access.PUBLIC_READ);
      Problems.register(routes, mapper);
    });
  }

  /** A declared body over 10 MB is refused before it is read (413); imports have their own limit. */
  private static void refuseLargeBodies(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    // files (an import, a zoning) have the import limit, checked by their resource
    if (length > MAX_BODY_BYTES && !ctx.path().equals("/api/imports") && !ctx.path().startsWith("/api/zonings/")) {
      throw new LedgerException(LedgerException.Kind.TOO_LARGE, "body-too-large",
          "the body has " + length + " bytes; the limit is " + MAX_BODY_BYTES, null)
          .with("request.bodyTooLarge", "bytes", length, "max", MAX_BODY_BYTES);
    }
  }

  /** Reads the JSON body of a request; malformed JSON is a 400 through the exception mapper. */
  static JsonNode body(Context ctx, ObjectMapper mapper) throws java.io.IOException {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_BODY_BYTES) {
      throw new LedgerException(LedgerException.Kind.TOO_LARGE, "body-too-large",
          "the body is over " + MAX_BODY_BYTES + " bytes", null).with("request.bodyOver", "max", MAX_BODY_BYTES);
    }
    if (bytes.length == 0) {
      throw LedgerException.badRequest("empty-body", "the request has no body; send a JSON document")
          .with("request.emptyBody");
    }
    return mapper.readTree(bytes);
  }

  /** The body as a JSON object with only the given fields; anything else is a 400 naming the field. */
  static JsonNode object(JsonNode body, Set<String> fields) {
    if (body == null || !body.isObject()) {
      throw LedgerException.badRequest("not-an-object", "the body must be a JSON object")
          .with("request.notAnObject");
    }
    for (java.util.Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!fields.contains(f)) {
        throw LedgerException.badRequest("unknown-field", "unknown field '" + f + "'; accepted fields are " + fields)
            .with("request.unknownField", "field", f, "fields", fields);
      }
    }
    return body;
  }

  /** Refuses query parameters the endpoint does not know, so that a typo is not silently ignored. */
  static void allowOnly(Context ctx, Set<String> names) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!names.contains(name)) {
        throw LedgerException.badRequest("unknown-parameter",
            "unknown query parameter '" + name + "'; this endpoint accepts " + names)
            .with("request.unknownParameter", "name", name, "names", names);
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
      throw LedgerException.badRequest("invalid-parameter", "'" + name + "' must be a date YYYY-MM-DD, got '" + v + "'")
          .with("request.notADate", "field", name, "got", "'" + v + "'");
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
          "'" + name + "' must be an integer from " + min + " to " + max + ", got '" + v + "'")
          .with("request.intOutOfRange", "name", name, "min", min, "max", max, "got", v);
    }
  }
}
