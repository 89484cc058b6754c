package org.landrelease.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.OgcCrs;
import org.landrelease.service.FeatureService;
import org.landrelease.service.FeatureService.CollectionInfo;
import org.landrelease.service.FeatureService.Page;
import org.landrelease.service.OgcParameters;

/** OGC API – Features (Parts 1, 2 and 3) under /ogc, read only and public. */
final class OgcResource {
  /** Only the classes this implementation passes; docs/OGC.md says what is left out. */
  static final List<String> CONFORMANCE = List.of(
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
      "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
      "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
      "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
      "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
      "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions");
  private static final Set<String> FORMAT_ONLY = Set.of("f");
  private static final Set<String> ITEMS_PARAMS = Set.of("f", "bbox", "bbox-crs", "limit", "datetime", "crs",
      "filter", "filter-lang", "filter-crs", "cursor", CountryParam.NAME);
  private static final Set<String> ITEM_PARAMS = Set.of("f", "crs");

  private final FeatureService features;
  private final ObjectMapper mapper;
  private final OgcJson json;
  private final CountryParam country;

  OgcResource(FeatureService features, ObjectMapper mapper, CountryParam country) {
    this.features = features;
    this.mapper = mapper;
    this.json = new OgcJson(mapper);
    this.country = country;
  }

  void landing(Context ctx) throws Exception {
    allow(ctx, FORMAT_ONLY);
    String base = base(ctx);
    ObjectNode n = mapper.createObjectNode();
    n.put("title", "Land-release ledger");
    n.put("description", "Hazardous areas, released land, regions and approved events of the land-release ledger "
        + "for humanitarian mine action, as OGC API – Features.");
    ArrayNode links = n.putArray("links");
    json.link(links, base + "/ogc", "self", OgcJson.JSON, "this document");
    json.link(links, base + "/openapi.json", "service-desc", OgcJson.OPENAPI_JSON, "the API definition");
    json.link(links, base + "/ogc/conformance", "conformance", OgcJson.JSON, "conformance classes");
    json.link(links, base + "/ogc/collections", "data", OgcJson.JSON, "the feature collections");
    send(ctx, OgcJson.JSON, mapper.writeValueAsBytes(n));
  }

  void conformance(Context ctx) throws Exception {
    allow(ctx, FORMAT_ONLY);
    ObjectNode n = mapper.createObjectNode();
    ArrayNode classes = n.putArray("conformsTo");
    CONFORMANCE.forEach(classes::add);
    send(ctx, OgcJson.JSON, mapper.writeValueAsBytes(n));
  }

  void collections(Context ctx) throws Exception {
    allow(ctx, FORMAT_ONLY);
    String base = base(ctx);
    ObjectNode n = mapper.createObjectNode();
    json.link(n.putArray("links"), base + "/ogc/collections", "self", OgcJson.JSON, "this document");
    ArrayNode list = n.putArray("collections");
    for (CollectionInfo c : features.collections()) {
      list.add(json.collection(base, c));
    }
    ArrayNode crs = n.putArray("crs");
    OgcCrs.uris().forEach(crs::add);
    send(ctx, OgcJson.JSON, mapper.writeValueAsBytes(n));
  }

  void collection(Context ctx) throws Exception {
    allow(ctx, FORMAT_ONLY);
    send(ctx, OgcJson.JSON, mapper.writeValueAsBytes(
        json.collection(base(ctx), features.collection(ctx.pathParam("collectionId")))));
  }

  void queryables(Context ctx) throws Exception {
    allow(ctx, FORMAT_ONLY);
    String id = ctx.pathParam("collectionId");
    CollectionInfo c = features.collection(id);
    ObjectNode n = json.queryables(base(ctx) + "/ogc/collections/" + id + "/queryables", c.title(),
        features.queryables(id));
    send(ctx, OgcJson.SCHEMA_JSON, mapper.writeValueAsBytes(n));
  }

  void items(Context ctx) throws Exception {
    allow(ctx, ITEMS_PARAMS);
    String id = ctx.pathParam("collectionId");
    FeatureService.requireCollection(id);
    String lang = ctx.queryParam("filter-lang");
    if (lang != null && !lang.equals("cql2-text")) {
      throw LedgerException.badRequest("invalid-parameter", "'filter-lang' " + lang + " is not supported; use "
          + "cql2-text").with("ogc.filterLang", "lang", lang);
    }
    OgcCrs crs = OgcParameters.crs("crs", ctx.queryParam("crs"));
    var bbox = OgcParameters.bbox(ctx.queryParam("bbox"), OgcParameters.crs("bbox-crs", ctx.queryParam("bbox-crs")));
    var dates = OgcParameters.datetime(ctx.queryParam("datetime"));
    int limit = limit(ctx);
    Page page = features.items(new FeatureService.ItemsRequest(id, bbox, dates[0], dates[1],
        ctx.queryParam("filter"), OgcParameters.crs("filter-crs", ctx.queryParam("filter-crs")),
        ctx.queryParam("cursor"), limit, crs, country.of(ctx)));
    String itemsUrl = base(ctx) + "/ogc/collections/" + id + "/items";
    String next = page.nextCursor() == null ? null : itemsUrl + query(ctx, page.nextCursor());
    ctx.header("Content-Crs", "<" + crs.uri() + ">");
    send(ctx, OgcJson.GEOJSON, json.page(page, itemsUrl + query(ctx, ctx.queryParam("cursor")), next, itemsUrl));
  }

  void item(Context ctx) throws Exception {
    allow(ctx, ITEM_PARAMS);
    String id = ctx.pathParam("collectionId");
    FeatureService.requireCollection(id);
    OgcCrs crs = OgcParameters.crs("crs", ctx.queryParam("crs"));
    String featureId = ctx.pathParam("featureId");
    var feature = features.feature(id, featureId, crs);
    String collectionUrl = base(ctx) + "/ogc/collections/" + id;
    ctx.header("Content-Crs", "<" + crs.uri() + ">");
    send(ctx, OgcJson.GEOJSON, json.feature(feature, collectionUrl + "/items/"
        + URLEncoder.encode(featureId, StandardCharsets.UTF_8), collectionUrl));
  }

  /** Above the maximum the maximum applies (OGC API – Features Part 1, /req/core/fc-limit-response-1). */
  private static int limit(Context ctx) {
    String v = ctx.queryParam("limit");
    if (v == null || v.isEmpty()) {
      return FeatureService.DEFAULT_LIMIT;
    }
    try {
      long n = Long.parseLong(v);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return (int) Math.min(n, FeatureService.MAX_LIMIT);
    } catch (NumberFormatException e) {
      throw LedgerException.badRequest("invalid-parameter", "'limit' must be a whole number from 1 (at most "
          + FeatureService.MAX_LIMIT + " are returned), got '" + v + "'")
              .with("ogc.invalidLimit", "max", FeatureService.MAX_LIMIT, "got", v);
    }
  }

  /** The request's own query with the cursor replaced: the href of a self or next link. */
  private static String query(Context ctx, String cursor) {
    StringBuilder q = new StringBuilder();
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      if (e.getKey().equals("cursor")) {
        continue;
      }
      for (String v : e.getValue()) {
        q.append(q.length() == 0 ? '?' : '&').append(encode(e.getKey())).append('=').append(encode(v));
      }
    }
    if (cursor != null) {
      q.append(q.length() == 0 ? '?' : '&').append("cursor=").append(encode(cursor));
    }
    return q.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void allow(Context ctx, Set<String> names) {
    HttpApi.allowOnly(ctx, names);
    String f = ctx.queryParam("f");
    if (f != null && !(f.equals("json") || f.equals("geojson") || f.equals("application/json")
        || f.equals("application/geo+json"))) {
      throw LedgerException.badRequest("invalid-parameter", "'f' " + f + " is not offered; use f=json")
          .with("ogc.invalidF", "f", f);
    }
  }

  private static String base(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  private static void send(Context ctx, String contentType, byte[] body) {
    ctx.contentType(contentType).result(body);
  }
}
