package org.landrelease.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.landrelease.domain.Classification;
import org.landrelease.domain.HazardType;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.GeoJsonGeometry;
import org.landrelease.service.Km2;
import org.landrelease.service.MapService;
import org.landrelease.service.ReportService;
import org.landrelease.store.HazardRow;
import org.locationtech.jts.geom.Envelope;

/** Figures and map layers: summary, released-by, regions, hazards. */
final class StatsResource {
  private final ReportService reports;
  private final MapService map;
  private final ObjectMapper mapper;

  StatsResource(ReportService reports, MapService map, ObjectMapper mapper) {
    this.reports = reports;
    this.map = map;
    this.mapper = mapper;
  }

  void summary(Context ctx) {
    HttpApi.allowOnly(ctx, Set.of("asOf"));
    ctx.json(reports.summary(HttpApi.dateParam(ctx, "asOf")));
  }

  void released(Context ctx) {
    HttpApi.allowOnly(ctx, Set.of("by", "from", "to"));
    String by = ctx.queryParam("by");
    if (by == null) {
      throw LedgerException.badRequest("missing-parameter",
          "'by' is required: region, partner, grant, donor, type or month");
    }
    ReportService.By group;
    try {
      group = ReportService.By.valueOf(by.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw LedgerException.badRequest("invalid-parameter",
          "'by' must be region, partner, grant, donor, type or month, got '" + by + "'");
    }
    ctx.json(reports.released(group, HttpApi.dateParam(ctx, "from"), HttpApi.dateParam(ctx, "to")));
  }

  void regions(Context ctx) {
    HttpApi.allowOnly(ctx, Set.of("asOf"));
    ctx.json(reports.regions(HttpApi.dateParam(ctx, "asOf")));
  }

  void hazards(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of("bbox", "region", "classification", "limit", "simplify"));
    Envelope bbox = bbox(ctx.queryParam("bbox"));
    String c = ctx.queryParam("classification");
    Classification classification = c == null ? null
        : EventJson.enumValue(Classification.class, mapper.getNodeFactory().textNode(c), "classification");
    int limit = HttpApi.intParam(ctx, "limit", 10_000, 1, 100_000);
    double simplify = 0;
    if (ctx.queryParam("simplify") != null) {
      try {
        simplify = Double.parseDouble(ctx.queryParam("simplify"));
      } catch (NumberFormatException e) {
        simplify = -1;
      }
      if (!(simplify >= 0 && simplify <= 1)) {
        throw LedgerException.badRequest("invalid-parameter",
            "'simplify' is a tolerance in degrees from 0 to 1, got '" + ctx.queryParam("simplify") + "'");
      }
    }
    List<HazardRow> rows = map.hazards(bbox, classification, ctx.queryParam("region"), limit, simplify);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(1024, rows.size() * 4096));
    try (JsonGenerator out = mapper.getFactory().createGenerator(buffer)) {
      out.writeStartObject();
      out.writeStringField("type", "FeatureCollection");
      out.writeNumberField("numberReturned", rows.size());
      out.writeBooleanField("truncated", rows.size() == limit);
      out.writeArrayFieldStart("features");
      for (HazardRow h : rows) {
        out.writeStartObject();
        out.writeStringField("type", "Feature");
        out.writeNumberField("id", h.id());
        out.writeObjectFieldStart("properties");
        out.writeNumberField("id", h.id());
        out.writeStringField("classification", h.classification().name());
        out.writeArrayFieldStart("hazardTypes");
        for (HazardType t : h.hazardTypes()) {
          out.writeString(t.name());
        }
        out.writeEndArray();
        out.writeNumberField("areaKm2", Km2.of(h.areaM2()));
        out.writeNumberField("areaHa", Math.round(h.areaM2() / 100.0) / 100.0);
        out.writeEndObject();
        out.writeFieldName("geometry");
        GeoJsonGeometry.write(h.geometry(), out);
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    ctx.contentType("application/geo+json").result(buffer.toByteArray());
  }

  private static Envelope bbox(String v) {
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
          "'bbox' must be minLon,minLat,maxLon,maxLat in degrees, got '" + v + "'");
    }
  }
}
