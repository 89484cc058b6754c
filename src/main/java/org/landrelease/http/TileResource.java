package org.landrelease.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.landrelease.domain.Classification;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.TileGrid;
import org.landrelease.service.EventParsing;
import org.landrelease.service.FundingService;
import org.landrelease.service.TileLayer;
import org.landrelease.service.TileService;
import org.locationtech.jts.geom.Envelope;

/** Mapbox Vector Tiles at /tiles/{layer}/{z}/{x}/{y}.mvt and a TileJSON document per layer at /tiles/{layer}.json. */
final class TileResource {
  static final String MVT = "application/vnd.mapbox-vector-tile";
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final TileService tiles;
  private final FundingService funding;
  private final ObjectMapper mapper;
  private final CountryParam country;

  TileResource(TileService tiles, FundingService funding, ObjectMapper mapper, CountryParam country) {
    this.tiles = tiles;
    this.funding = funding;
    this.mapper = mapper;
    this.country = country;
  }

  void tile(Context ctx) throws Exception {
    TileLayer layer = layer(ctx.pathParam("layer"));
    String file = ctx.pathParam("file");
    if (!file.endsWith(".mvt")) {
      throw LedgerException.notFound("a tile is /tiles/{layer}/{z}/{x}/{y}.mvt, not '" + file + "'")
          .with("tile.badPath", "file", file);
    }
    TileGrid tile = TileService.tileOf(integer(ctx.pathParam("z"), "z"), integer(ctx.pathParam("x"), "x"),
        integer(file.substring(0, file.length() - 4), "y"));
    HttpApi.allowOnly(ctx, layer.parameters());
    String classification = ctx.queryParam("classification");
    if (classification != null) {
      classification = EventParsing.enumValue(Classification.class, mapper.getNodeFactory().textNode(classification),
          "classification").name();
    }
    String partner = ctx.queryParam("partner");
    if (partner != null && funding.partner(partner) == null) {
      throw LedgerException.notFound("no partner '" + partner + "'")
          .with("partner.unknownNotFound", "partner", partner);
    }
    String grant = ctx.queryParam("grant");
    if (grant != null && funding.grant(grant) == null) {
      throw LedgerException.notFound("no grant '" + grant + "'").with("grant.unknown", "grant", grant);
    }
    TileService.Answer a = tiles.tile(new TileService.Request(layer, tile, HttpApi.dateParam(ctx, "asOf"), partner,
        grant, classification, country.of(ctx)), ctx.header("If-None-Match"));
    ctx.header("ETag", a.etag());
    ctx.header("Cache-Control", a.immutable() ? IMMUTABLE : "no-cache");
    ctx.header("Vary", "Accept-Encoding, Authorization");
    if (a.notModified()) {
      ctx.status(304);
      return;
    }
    TileService.Made t = a.tile();
    if (t.dropped() > 0) {
      // never silently: say how many features the size limit left out, and the size of the smallest one kept
      ctx.header("X-Tile-Dropped-Features", Long.toString(t.dropped()));
      ctx.header("X-Tile-Min-Feature-Area-Px", Double.toString(t.minAreaPx()));
    }
    if (t.bytes() == 0) {
      ctx.status(204);
      return;
    }
    ctx.contentType(MVT);
    String accepts = ctx.header("Accept-Encoding");
    if (accepts != null && accepts.contains("gzip")) {
      ctx.header("Content-Encoding", "gzip");
      ctx.result(t.gzip());
    } else {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(t.gzip()))) {
        ctx.result(in.readAllBytes());
      }
    }
  }

  /** TileJSON 3.0.0; query parameters of the request (filters) are carried into the tile URL. */
  void tileJson(Context ctx) throws IOException {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".json")) {
      throw LedgerException.notFound("TileJSON is at /tiles/{layer}.json, not '" + file + "'")
          .with("tile.badTileJsonPath", "file", file);
    }
    TileLayer layer = layer(file.substring(0, file.length() - 5));
    HttpApi.allowOnly(ctx, layer.parameters());
    String base = ctx.scheme() + "://" + ctx.host();
    String query = ctx.queryString() == null || ctx.queryString().isEmpty() ? "" : "?" + ctx.queryString();
    // a country's tiles cover its own regions: the bounds a client zooms to are that country's
    Envelope b = tiles.bounds(country.of(ctx));
    ObjectNode doc = mapper.createObjectNode();
    doc.put("tilejson", "3.0.0");
    doc.put("name", layer.id());
    doc.put("description", layer.description());
    doc.put("version", "1.0.0");
    doc.put("scheme", "xyz");
    doc.putArray("tiles").add(base + "/tiles/" + layer.id() + "/{z}/{x}/{y}.mvt" + query);
    doc.put("minzoom", layer.minZoom());
    doc.put("maxzoom", TileLayer.MAX_DETAIL_ZOOM);
    ArrayNode bounds = doc.putArray("bounds");
    if (!b.isNull()) {
      bounds.add(round(b.getMinX())).add(round(b.getMinY())).add(round(b.getMaxX())).add(round(b.getMaxY()));
      doc.putArray("center").add(round(b.centre().x)).add(round(b.centre().y)).add(Math.max(layer.minZoom(), 6));
    }
    doc.put("attribution", "Land-release ledger; region boundaries: Natural Earth (public domain)");
    ObjectNode vl = doc.putArray("vector_layers").addObject();
    vl.put("id", layer.id());
    vl.put("description", layer.description());
    vl.put("minzoom", layer.minZoom());
    vl.put("maxzoom", TileLayer.MAX_DETAIL_ZOOM);
    ObjectNode fields = vl.putObject("fields");
    for (Map.Entry<String, String> f : layer.fields().entrySet()) {
      fields.put(f.getKey(), f.getValue());
    }
    ctx.contentType("application/json").result(mapper.writeValueAsBytes(doc));
  }

  private static double round(double v) {
    return Math.round(v * 1e5) / 1e5;
  }

  private static TileLayer layer(String id) {
    TileLayer layer = TileLayer.of(id);
    if (layer == null) {
      throw LedgerException.notFound("no tile layer '" + id + "'; the layers are " + TileLayer.ids())
          .with("tile.unknownLayer", "layer", id, "layers", TileLayer.ids());
    }
    return layer;
  }

  private static int integer(String v, String name) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw LedgerException.badRequest("invalid-tile", "'" + name + "' of a tile is a whole number, got '" + v + "'")
          .with("tile.notAWholeNumber", "name", name, "got", v);
    }
  }
}
