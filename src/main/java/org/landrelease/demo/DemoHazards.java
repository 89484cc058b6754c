package org.landrelease.demo;

import static org.landrelease.demo.DemoTrajectory.KM2;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.landrelease.demo.DemoLedger.Hazard;
import org.landrelease.demo.DemoTrajectory.OblastPlan;
import org.landrelease.demo.DemoTrajectory.Zone;
import org.landrelease.domain.EventType;
import org.landrelease.domain.HazardType;
import org.landrelease.geometry.GeodesicArea;
import org.landrelease.geometry.Geometries;
import org.landrelease.geometry.Overlay;
import org.landrelease.geometry.RegionShape;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * The hazards reported in January 2023: a grid of cells over each oblast, the cells nearest the front line or the
 * border first, each filled by one irregular polygon, until the oblast's km² are reached.
 */
final class DemoHazards {
  /** Grid of hazard cells, in degrees: about 8.5 km × 8.9 km. */
  static final double CELL_LON = 0.115;
  static final double CELL_LAT = 0.08;
  /** Hazards are clipped to the region shrunk by this much, so rounding to 6 decimals cannot leave the region. */
  private static final double INSET_DEG = 3e-6;
  private static final PrecisionModel SIX_DECIMALS = new PrecisionModel(1e6);
  /** Parts of a clipped hazard smaller than this are dropped. */
  private static final double MIN_PART_M2 = 20_000;

  private final DemoPlan plan;
  private final DemoLedger ledger;
  private final SplittableRandom geo;
  private final ObjectMapper mapper;
  /** The plan's grid: Ukraine's cells scaled. */
  private final double cellLon;
  private final double cellLat;

  DemoHazards(DemoPlan plan, DemoLedger ledger, SplittableRandom geo, ObjectMapper mapper) {
    this.plan = plan;
    this.cellLon = CELL_LON * plan.scale();
    this.cellLat = CELL_LAT * plan.scale();
    this.ledger = ledger;
    this.geo = geo;
    this.mapper = mapper;
  }

  /** Draws the hazards, reports them in a shuffled order and returns the reports that added land. */
  List<DemoEvent> generate() {
    record Candidate(OblastPlan oblast, long i, long j, double score) {}
    List<Hazard> made = new ArrayList<>();
    double planned = 0;
    double actual = 0;
    for (int o = 0; o < plan.regions().size(); o++) {
      OblastPlan oblast = plan.regions().get(o);
      RegionShape region = ledger.region(oblast.code());
      if (region == null) {
        throw new IllegalStateException("region " + oblast.code() + " is not in the boundaries file");
      }
      Geometry inset = BufferOp.bufferOp(region.geometry(), -INSET_DEG,
          new BufferParameters(2, BufferParameters.CAP_ROUND, BufferParameters.JOIN_MITRE, 5));
      PreparedGeometry prepared = PreparedGeometryFactory.prepare(inset);
      Envelope env = inset.getEnvelopeInternal();
      double cx = env.centre().x;
      double cy = env.centre().y;
      double half = Math.max(env.getWidth() * Math.cos(Math.toRadians(cy)), env.getHeight()) / 2;
      double norm = Math.hypot(oblast.dirEast(), oblast.dirNorth());
      // a smooth random field so the hazards come in patches, not salt and pepper
      double[] wave = {geo.nextDouble(1, 3), geo.nextDouble(1, 3), geo.nextDouble(0, 2 * Math.PI),
          geo.nextDouble(0, 2 * Math.PI)};
      List<Candidate> cells = new ArrayList<>();
      for (long i = (long) Math.floor(env.getMinX() / cellLon); i * cellLon < env.getMaxX(); i++) {
        for (long j = (long) Math.floor(env.getMinY() / cellLat); j * cellLat < env.getMaxY(); j++) {
          Geometry rect = Geometries.FACTORY.toGeometry(
              new Envelope(i * cellLon, (i + 1) * cellLon, j * cellLat, (j + 1) * cellLat));
          if (!prepared.intersects(rect)) {
            continue;
          }
          double ex = ((i + 0.5) * cellLon - cx) * Math.cos(Math.toRadians(cy)) / half;
          double ny = ((j + 0.5) * cellLat - cy) / half;
          double score = (ex * oblast.dirEast() + ny * oblast.dirNorth()) / norm
              + 0.35 * Math.sin(wave[0] * 3 * ex + wave[2]) * Math.cos(wave[1] * 3 * ny + wave[3])
              + 0.3 * DemoRandom.gaussian(geo);
          cells.add(new Candidate(oblast, i, j, score));
        }
      }
      cells.sort((a, b) -> Double.compare(b.score, a.score));
      planned += oblast.km2() * KM2;
      boolean last = o == plan.regions().size() - 1;
      double goal = last ? plan.reportedKm2() * KM2 : planned;
      for (Candidate c : cells) {
        if (actual >= goal) {
          break;
        }
        Geometry g = cellHazard(c.i, c.j, inset);
        if (g == null) {
          continue;
        }
        double m2 = GeodesicArea.m2(g);
        made.add(new Hazard(oblast, g, m2, hazardTypes(oblast.zone(), geo), new long[] {c.i, c.j}));
        actual += m2;
      }
      if (last && actual < goal) {
        throw new IllegalStateException("the regions have no room for " + plan.reportedKm2() + " km²");
      }
    }
    // reported in a shuffled order, so the dates of January do not run oblast by oblast
    for (int k = made.size() - 1; k > 0; k--) {
      int m = geo.nextInt(k + 1);
      Hazard t = made.get(k);
      made.set(k, made.get(m));
      made.set(m, t);
    }
    List<DemoEvent> reports = new ArrayList<>();
    for (Hazard h : made) {
      DemoEvent d = report(h);
      if (d != null) {
        reports.add(d);
      }
    }
    return reports;
  }

  /** One irregular hazard polygon filling most of a grid cell, clipped to the (inset) region; null if too small. */
  private Geometry cellHazard(long i, long j, Geometry inset) {
    // the cell's own random stream: the same cell gives the same shape on both sides of a regional boundary
    SplittableRandom r = new SplittableRandom(plan.seed() * 31 + i * 1_000_003L + j * 7919L);
    double lon = (i + 0.5) * cellLon;
    double lat = (j + 0.5) * cellLat;
    double wx = cellLon / 2 * DemoShapes.metresPerDegreeLon(lat);
    double wy = cellLat / 2 * DemoShapes.metresPerDegreeLat(lat);
    int n = 28 + r.nextInt(36);
    double[] angles = DemoShapes.angles(n, r);
    double[] harm = DemoShapes.harmonics(r);
    double[] radii = new double[n];
    for (int k = 0; k < n; k++) {
      double t = angles[k];
      double toEdge = Math.min(wx / Math.max(1e-9, Math.abs(Math.cos(t))), wy / Math.max(1e-9, Math.abs(Math.sin(t))));
      double f = 0.925 + 0.06 * DemoShapes.noise(harm, t) + r.nextDouble(-0.005, 0.005);
      radii[k] = toEdge * f;
    }
    Polygon star = new DemoShapes.Star(lon, lat, angles, radii).build(1);
    Geometry clipped = Overlay.intersection(star, inset);
    if (clipped.isEmpty()) {
      return null;
    }
    Geometry g = Overlay.polygonal(GeometryPrecisionReducer.reduce(clipped, SIX_DECIMALS));
    List<Polygon> parts = new ArrayList<>();
    for (int k = 0; k < g.getNumGeometries(); k++) {
      if (g.getGeometryN(k) instanceof Polygon p && !p.isEmpty()
          && GeodesicArea.m2(p) >= MIN_PART_M2 * plan.areaScale()) {
        parts.add(p);
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    Geometry out = parts.size() == 1 ? parts.get(0)
        : Geometries.FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
    double m2 = GeodesicArea.m2(out);
    if (!out.isValid() || m2 < 0.2 * KM2 * plan.areaScale()) {
      return null;
    }
    // a sliver the service's region index would put outside every region
    return ledger.allInRegions(out, m2) ? out : null;
  }

  private static Set<HazardType> hazardTypes(Zone zone, SplittableRandom r) {
    EnumSet<HazardType> t = EnumSet.noneOf(HazardType.class);
    double[] p = switch (zone) {
      // AP_MINE, AT_MINE, CLUSTER_MUNITION, UXO, IED, OTHER
      case FRONT -> new double[] {0.55, 0.7, 0.45, 0.9, 0.08, 0.05};
      case NORTH -> new double[] {0.2, 0.4, 0.15, 0.9, 0.25, 0.05};
      case SOUTH -> new double[] {0.2, 0.35, 0.4, 0.9, 0.05, 0.05};
    };
    for (HazardType type : HazardType.values()) {
      if (r.nextDouble() < p[type.ordinal()]) {
        t.add(type);
      }
    }
    if (t.isEmpty()) {
      t.add(HazardType.UXO);
    }
    return t;
  }

  /** Writes the hazard report of a drawn hazard and applies it; null when it adds no land. */
  private DemoEvent report(Hazard h) {
    boolean cha = geo.nextDouble() < h.oblast.chaShare();
    DemoEvent d = new DemoEvent(EventType.HAZARD_REPORT, h.oblast.code(), DemoShapes.geoJson(h.geometry, mapper),
        h.types);
    d.classification = cha ? "CHA" : "SHA";
    Hazard placed = ledger.applyReport(h, d.parse(mapper).footprint());
    if (placed == null) {
      return null;
    }
    d.addedM2 = placed.m2;
    return d;
  }
}
