package org.landrelease.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.landrelease.domain.Classification;
import org.landrelease.domain.HazardHistoryRow;
import org.landrelease.domain.HazardRow;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.LandUse;
import org.landrelease.domain.ReleasedPiece;
import org.landrelease.geometry.GeoJsonGeometry;
import org.landrelease.geometry.RegionShape;
import org.landrelease.service.EventParsing;
import org.landrelease.service.Km2;
import org.landrelease.service.MapService;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Map layers as GeoJSON: current hazards, released pieces, region boundaries, and one hazard's history. */
final class MapResource {
  private final MapService map;
  private final ObjectMapper mapper;
  private final org.landrelease.service.ZoningService zonings;
  private final CountryParam country;

  MapResource(MapService map, ObjectMapper mapper, org.landrelease.service.ZoningService zonings,
      CountryParam country) {
    this.map = map;
    this.mapper = mapper;
    this.zonings = zonings;
    this.country = country;
  }

  /** Writes part of a document: the features of a collection, or the properties of a feature. */
  @FunctionalInterface
  private interface JsonWriter {
    void write(JsonGenerator out) throws IOException;
  }

  void hazards(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of("bbox", "region", "zoning", "zone", "classification", "limit", "simplify",
        CountryParam.NAME));
    String c = ctx.queryParam("classification");
    Classification classification = c == null ? null
        : EventParsing.enumValue(Classification.class, mapper.getNodeFactory().textNode(c), "classification");
    int limit = HttpApi.intParam(ctx, "limit", 10_000, 1, 100_000);
    var zone = zonings == null ? null : zonings.zoneShape(ctx.queryParam("zoning"), ctx.queryParam("zone"));
    List<HazardRow> rows = map.hazards(bbox(ctx.queryParam("bbox")), classification, ctx.queryParam("region"), zone,
        country.of(ctx), limit, simplify(ctx));
    featureCollection(ctx, rows.size(), limit, out -> {
      for (HazardRow h : rows) {
        feature(out, h.id(), h.geometry(), o -> hazardProperties(o, h));
      }
    });
  }

  void hazard(Context ctx) throws Exception {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw LedgerException.badRequest("invalid-id", "a hazard id is a number, got '" + ctx.pathParam("id") + "'")
          .with("map.hazardIdNotANumber", "got", ctx.pathParam("id"));
    }
    MapService.HazardDetail detail = map.hazard(id);
    HazardRow current = detail.hazard();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (JsonGenerator out = mapper.getFactory().createGenerator(buffer)) {
      feature(out, id, current == null ? null : current.geometry(), o -> {
        if (current == null) {
          o.writeNumberField("id", detail.id());
          o.writeStringField("status", "released");
          o.writeNumberField("areaKm2", 0);
        } else {
          hazardProperties(o, current);
          o.writeStringField("status", "active");
        }
        o.writeArrayFieldStart("history");
        for (HazardHistoryRow row : detail.history()) {
          o.writeStartObject();
          o.writeStringField("eventId", row.eventId().toString());
          o.writeStringField("eventType", row.eventType().name());
          o.writeStringField("date", row.date().toString());
          o.writeStringField("partner", row.partner());
          if (row.grant() != null) {
            o.writeStringField("grant", row.grant());
          }
          o.writeStringField("kind", row.kind().label());
          o.writeStringField("region", row.region());
          o.writeNumberField("km2", Km2.of(row.m2()));
          o.writeEndObject();
        }
        o.writeEndArray();
      });
    }
    ctx.contentType("application/geo+json").result(buffer.toByteArray());
  }

  void releases(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of("bbox", "asOf", "limit", "simplify", CountryParam.NAME));
    int limit = HttpApi.intParam(ctx, "limit", 10_000, 1, 100_000);
    List<ReleasedPiece> rows = map.releases(bbox(ctx.queryParam("bbox")), HttpApi.dateParam(ctx, "asOf"),
        country.of(ctx), limit, simplify(ctx));
    featureCollection(ctx, rows.size(), limit, out -> {
      for (ReleasedPiece p : rows) {
        feature(out, null, p.geometry(), o -> {
          o.writeStringField("outcome", p.kind().label());
          o.writeStringField("eventId", p.eventId().toString());
          o.writeStringField("eventType", p.eventType().name());
          o.writeStringField("date", p.date().toString());
          o.writeStringField("partner", p.partner());
          if (p.grant() != null) {
            o.writeStringField("grant", p.grant());
          }
          o.writeStringField("region", p.region());
          o.writeStringField("landUse", LandUse.key(p.landUse()));
          o.writeNumberField("hazardId", p.hazardId());
          o.writeNumberField("areaKm2", Km2.of(p.m2()));
          o.writeNumberField("areaHa", Math.round(p.m2() / 100.0) / 100.0);
        });
      }
    });
  }

  void regionBoundaries(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of("simplify", CountryParam.NAME));
    List<RegionShape> shapes = map.regionShapes(simplify(ctx), country.of(ctx));
    featureCollection(ctx, shapes.size(), Integer.MAX_VALUE, out -> {
      for (RegionShape r : shapes) {
        feature(out, null, r.geometry(), o -> {
          o.writeStringField("code", r.code());
          o.writeStringField("name", r.name());
          o.writeStringField("nameUk", r.nameUk());
          o.writeNumberField("areaKm2", Km2.of(r.areaM2()));
        });
      }
    });
  }

  private static void hazardProperties(JsonGenerator out, HazardRow h) throws IOException {
    out.writeNumberField("id", h.id());
    out.writeStringField("classification", h.classification().name());
    out.writeArrayFieldStart("hazardTypes");
    for (HazardType t : h.hazardTypes()) {
      out.writeString(t.name());
    }
    out.writeEndArray();
    out.writeNumberField("areaKm2", Km2.of(h.areaM2()));
    out.writeNumberField("areaHa", Math.round(h.areaM2() / 100.0) / 100.0);
  }

  private void featureCollection(Context ctx, int count, int limit, JsonWriter features) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(1024, count * 2048));
    try (JsonGenerator out = mapper.getFactory().createGenerator(buffer)) {
      out.writeStartObject();
      out.writeStringField("type", "FeatureCollection");
      out.writeNumberField("numberReturned", count);
      out.writeBooleanField("truncated", count == limit);
      out.writeArrayFieldStart("features");
      features.write(out);
      out.writeEndArray();
      out.writeEndObject();
    }
    ctx.contentType("application/geo+json").result(buffer.toByteArray());
  }

  private static void feature(JsonGenerator out, Long id, Geometry geometry, JsonWriter properties)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("type", "Feature");
    if (id != null) {
      out.writeNumberField("id", id);
    }
    out.writeObjectFieldStart("properties");
    properties.write(out);
    out.writeEndObject();
    out.writeFieldName("geometry");
    if (geometry == null) {
      out.writeNull();
    } else {
      GeoJsonGeometry.write(geometry, out);
    }
    out.writeEndObject();
  }

  private static double simplify(Context ctx) {
    String v = ctx.queryParam("simplify");
    if (v == null || v.isEmpty()) {
      return 0;
    }
    double tolerance;
    try {
      tolerance = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      tolerance = -1;
    }
    if (!(tolerance >= 0 && tolerance <= 1)) {
      throw LedgerException.badRequest("invalid-parameter",
          "'simplify' is a tolerance in degrees from 0 to 1, got '" + v + "'").with("map.invalidSimplify", "got", v);
    }
    return tolerance;
  }

  static Envelope bbox(String v) {
    if (v == null || v.isEmpty()) {
      return null;
    }
    String[] parts = v.split(",");
    try {
      if (parts.length != 4) {
        throw new NumberFormatException();
      }
      double minLon = Double.parseDouble(parts[0]), minLat = Double.parseDouble(parts[1]);
      double maxLon = Double.parseDouble(parts[2]), maxLat = Double.parseDouble(parts[3]);
      if (!(minLon <= maxLon && minLat <= maxLat && minLon >= -180 && maxLon <= 180 && minLat >= -90
          && maxLat <= 90)) {
        throw new NumberFormatException();
      }
      return new Envelope(minLon, maxLon, minLat, maxLat);
    } catch (NumberFormatException e) {
      throw LedgerException.badRequest("invalid-parameter",
          "'bbox' must be minLon,minLat,maxLon,maxLat in degrees, got '" + v + "'").with("map.invalidBbox", "got", v);
    }
  }
}
