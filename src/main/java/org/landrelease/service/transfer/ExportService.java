package org.landrelease.service.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.landrelease.domain.Country;
import org.landrelease.domain.LedgerException;
import org.landrelease.files.FeatureSchema;
import org.landrelease.files.FeatureWriter;
import org.landrelease.files.FileFormat;
import org.landrelease.geometry.RegionShape;
import org.landrelease.service.FundingService;
import org.landrelease.service.LedgerService;
import org.landrelease.store.ExportStore;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Writes a layer of the ledger to a file: current hazards, released pieces, approved events or regions, with their
 * geodesic areas (GeodesicArea.m2, as stored) in km² and ha. Rows stream from the database to the file.
 */
public final class ExportService {
  public enum Layer { HAZARDS, RELEASES, EVENTS, REGIONS }

  /** What to export; the country (an ISO 3166-1 code the ledger holds, or null) keeps that country's rows only. */
  public record ExportRequest(Layer layer, FileFormat format, LocalDate asOf, String partner, String grant,
      String region, String country) {
    public ExportRequest(Layer layer, FileFormat format, LocalDate asOf, String partner, String grant, String region) {
      this(layer, format, asOf, partner, grant, region, null);
    }
  }

  private final ExportStore store;
  private final LedgerService ledger;
  private final FundingService funding;

  public ExportService(ExportStore store, LedgerService ledger, FundingService funding) {
    this.store = store;
    this.ledger = ledger;
    this.funding = funding;
  }

  public static Layer layer(String name) {
    try {
      return Layer.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw LedgerException.badRequest("invalid-layer", "'layer' must be one of "
          + Arrays.stream(Layer.values()).map(l -> l.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + name + "'")
              .with("transfer.invalidLayer", "layers",
                  Arrays.stream(Layer.values()).map(l -> l.name().toLowerCase(Locale.ROOT)).toList(), "got", name);
    }
  }

  /** The download's file name, such as landrelease-releases-2024-06-30.gpkg. */
  public static String fileName(ExportRequest r) {
    return "landrelease-" + r.layer().name().toLowerCase(Locale.ROOT) + (r.asOf() == null ? "" : "-" + r.asOf())
        + r.format().suffix();
  }

  /** Writes the layer to the file and returns how many features it holds. */
  public int export(ExportRequest r, Path file) throws SQLException, IOException {
    RegionShape region = r.region() == null ? null : ledger.regions().regions().stream()
        .filter(s -> s.code().equals(r.region())).findFirst()
        .orElseThrow(() -> LedgerException.notFound("no region '" + r.region() + "'")
            .with("region.unknown", "region", r.region()));
    // a misspelt partner or grant would otherwise be an empty file, read as "released nothing"
    if (r.partner() != null && funding.partner(r.partner()) == null) {
      throw LedgerException.notFound("no partner '" + r.partner() + "'")
          .with("partner.unknownNotFound", "partner", r.partner());
    }
    if (r.grant() != null && funding.grant(r.grant()) == null) {
      throw LedgerException.notFound("no grant '" + r.grant() + "'").with("grant.unknown", "grant", r.grant());
    }
    refuseFiltersThatDoNotApply(r);
    FeatureSchema schema = ExportLayers.schema(r.layer());
    int[] count = {0};
    try (FeatureWriter out = FeatureWriter.open(r.format(), file, schema)) {
      ExportStore.Filter filter = new ExportStore.Filter(r.asOf(), r.partner(), r.grant(), r.region(),
          r.country());
      switch (r.layer()) {
        case HAZARDS -> {
          PreparedGeometry shape = region == null ? null : PreparedGeometryFactory.prepare(region.geometry());
          store.hazards(r.region(), r.country(), h -> {
            // exact region filter, as the map's: hazards that still have land in the region
            if (shape == null || shape.intersects(h.geometry())) {
              out.write(h.geometry(), ExportLayers.hazard(h));
              count[0]++;
            }
          });
        }
        case RELEASES -> store.releases(filter, p -> {
          out.write(p.geometry(), ExportLayers.release(p));
          count[0]++;
        });
        case EVENTS -> store.events(filter, e -> {
          out.write(e.command().footprint(), ExportLayers.event(e));
          count[0]++;
        });
        case REGIONS -> {
          for (RegionShape s : ledger.regions().regions()) {
            if ((region == null || s == region)
                && (r.country() == null || r.country().equals(Country.ofRegion(s.code())))) {
              out.write(s.geometry(), ExportLayers.region(s));
              count[0]++;
            }
          }
        }
      }
      out.finish();
    }
    return count[0];
  }

  private static void refuseFiltersThatDoNotApply(ExportRequest r) {
    List<String> given = new ArrayList<>();
    if (r.asOf() != null) {
      given.add("asOf");
    }
    if (r.partner() != null) {
      given.add("partner");
    }
    if (r.grant() != null) {
      given.add("grant");
    }
    if (r.layer() == Layer.HAZARDS && r.asOf() != null) {
      throw LedgerException.unprocessable("as-of-not-supported", "hazards are the ledger's current state: it keeps "
          + "no past hazard geometry, so 'asOf' cannot apply; export layer=releases or layer=events with asOf")
              .with("transfer.asOfOnHazards");
    }
    if ((r.layer() == Layer.HAZARDS || r.layer() == Layer.REGIONS) && !given.isEmpty()) {
      throw LedgerException.unprocessable("filter-not-applicable", "layer " + r.layer().name().toLowerCase(
          Locale.ROOT) + " has no partner, grant or date; " + given + " cannot filter it (use region)")
              .with("transfer.filterNotApplicable", "layer", r.layer().name().toLowerCase(Locale.ROOT), "given", given);
    }
  }


}
