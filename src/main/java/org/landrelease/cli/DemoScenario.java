package org.landrelease.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventType;
import org.landrelease.domain.HazardType;
import org.landrelease.geometry.GeodesicArea;
import org.landrelease.geometry.GeoJsonGeometry;
import org.landrelease.geometry.Geometries;
import org.landrelease.geometry.GeometryException;
import org.landrelease.geometry.Overlay;
import org.landrelease.geometry.RegionBoundaries;
import org.landrelease.geometry.RegionIndex;
import org.landrelease.geometry.RegionPart;
import org.landrelease.geometry.RegionShape;
import org.landrelease.http.EventJson;
import org.landrelease.http.Json;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.quadtree.Quadtree;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Generates the synthetic demonstration scenario in data/demo: funding.json (partners and grants) and
 * events.ndjson.gz (one GeoJSON Feature per event, in date order).
 *
 * <p>The scenario is made up, but it follows Ukraine's published national trajectory: about 174,000 km² of
 * potentially contaminated land reported at the start of 2023, concentrated in the oblasts that were occupied or on
 * the front line, about 156,000 km² remaining at the end of 2023 and 139,000 km² at the end of 2024, with releases
 * continuing in 2025. Most released land is cancelled by non-technical survey. Partners and grants follow the Dutch
 * funding of mine action in Ukraine (UNDP, UNOPS, DRC, iMMAP) next to other donors' grants.
 *
 * <p>Everything is deterministic (fixed seeds). To land on the yearly figures, the generator runs the ledger's own
 * arithmetic while it writes: it keeps every hazard's current geometry, counts a release as the geodesic area of
 * hazard ∩ footprint and replaces the hazard by hazard − footprint, with the same overlay and area classes as the
 * service. Each event body is parsed with the service's own parser before it is written, so a refused event is an
 * error here, not at load time.
 *
 * <p>Options: --out DIR (default data/demo), --regions FILE (default data/ukraine-oblasts.geojson).
 */
public final class DemoScenario {
  static final long SEED = 0x1A7D_2023_0174L;
  static final String DATASET = "synthetic demonstration scenario (not real data): "
      + "Ukraine land release 2023-2025 following the national trajectory, Dutch-funded and other partners";

  private static final double KM2 = 1e6;
  /** Reported at the start of 2023. */
  static final double REPORTED_KM2 = 174_000;
  /** Grid of hazard cells, in degrees: about 8.5 km × 8.9 km. */
  private static final double CELL_LON = 0.115;
  private static final double CELL_LAT = 0.08;
  /** Hazards are clipped to the region shrunk by this much, so rounding to 6 decimals cannot leave the region. */
  private static final double INSET_DEG = 3e-6;
  private static final PrecisionModel SIX_DECIMALS = new PrecisionModel(1e6);
  /** Parts of a clipped hazard smaller than this are dropped. */
  private static final double MIN_PART_M2 = 20_000;
  /** A hazard is no longer chosen for a release when less than this remains of it. */
  private static final double MIN_SELECTABLE_M2 = 50_000;
  /** Clearance footprints are field-sized: 500 ha at most. */
  private static final double MAX_CLEARANCE_M2 = 5 * KM2;
  /** The last release of a year is sized to land within this of the year's target. */
  private static final double TARGET_TOLERANCE_M2 = 0.05 * KM2;

  private static final EventType NTS = EventType.NON_TECHNICAL_SURVEY;
  private static final EventType TS = EventType.TECHNICAL_SURVEY;
  private static final EventType CLR = EventType.CLEARANCE;
  private static final EventType REPORT = EventType.HAZARD_REPORT;

  enum Zone { FRONT, NORTH, SOUTH }

  /**
   * An oblast's contamination: the km² reported in January 2023, the direction (east, north) in which it
   * concentrates (the front line or the border), how strongly releases are drawn to it per km² remaining, and the
   * share of its hazards reported as confirmed (CHA).
   */
  record OblastPlan(String code, double km2, double dirEast, double dirNorth, double releaseWeight, double chaShare,
      Zone zone) {}

  /** In processing order: an oblast's shortfall carries over to the next; the last ones have room to spare. */
  static final List<OblastPlan> OBLASTS = List.of(
      new OblastPlan("UA-14", 21_000, 0.8, -0.6, 0.45, 0.35, Zone.FRONT),   // Donetsk
      new OblastPlan("UA-09", 20_500, -0.4, -0.9, 0.05, 0.35, Zone.FRONT),  // Luhansk
      new OblastPlan("UA-63", 22_500, 0.7, -0.7, 2.4, 0.25, Zone.FRONT),    // Kharkiv
      new OblastPlan("UA-23", 19_500, 0.6, -0.8, 0.4, 0.35, Zone.FRONT),    // Zaporizhzhia
      new OblastPlan("UA-65", 20_500, 0.4, -0.9, 1.1, 0.3, Zone.FRONT),     // Kherson
      new OblastPlan("UA-48", 12_500, 1.0, -0.2, 2.8, 0.2, Zone.SOUTH),     // Mykolaiv
      new OblastPlan("UA-59", 11_500, 0.6, 0.8, 1.8, 0.2, Zone.NORTH),      // Sumy
      new OblastPlan("UA-32", 13_000, -0.4, 0.9, 3.8, 0.15, Zone.NORTH),    // Kyiv Oblast (Kyiv City excluded)
      new OblastPlan("UA-18", 3_000, 0.7, 0.7, 3.8, 0.1, Zone.NORTH),       // Zhytomyr
      new OblastPlan("UA-51", 2_000, 1.0, -0.3, 3.0, 0.1, Zone.SOUTH),      // Odesa
      new OblastPlan("UA-53", 2_000, 0.7, 0.7, 3.0, 0.1, Zone.SOUTH),       // Poltava
      new OblastPlan("UA-74", 16_000, 0.2, 1.0, 3.3, 0.15, Zone.NORTH),     // Chernihiv
      new OblastPlan("UA-12", 10_000, 0.7, -0.7, 1.9, 0.2, Zone.SOUTH));    // Dnipropetrovsk

  /** A year of releases: its dates and the contaminated area (reported − released) it ends at. */
  record YearPlan(int year, LocalDate first, LocalDate last, double contaminatedKm2) {}

  static final List<YearPlan> YEARS = List.of(
      new YearPlan(2023, LocalDate.of(2023, 2, 1), LocalDate.of(2023, 12, 31), 156_000),
      new YearPlan(2024, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 12, 31), 139_000),
      new YearPlan(2025, LocalDate.of(2025, 1, 3), LocalDate.of(2025, 11, 14), 125_600));

  record PartnerPlan(String id, String name, double weight, Set<String> regions, Set<EventType> types) {}

  static final List<PartnerPlan> PARTNERS = List.of(
      new PartnerPlan("SESU", "State Emergency Service of Ukraine (SESU)", 3.0, Set.of(),
          EnumSet.allOf(EventType.class)),
      new PartnerPlan("UNDP", "United Nations Development Programme (UNDP)", 1.4, Set.of(),
          EnumSet.of(REPORT, NTS, TS)),
      new PartnerPlan("UNOPS", "United Nations Office for Project Services (UNOPS)", 1.6,
          Set.of("UA-63", "UA-65", "UA-48", "UA-32", "UA-74", "UA-59", "UA-12", "UA-23"), EnumSet.of(NTS, TS, CLR)),
      new PartnerPlan("DRC", "Danish Refugee Council (DRC)", 1.3,
          Set.of("UA-63", "UA-48", "UA-65", "UA-59", "UA-12", "UA-74"), EnumSet.allOf(EventType.class)),
      new PartnerPlan("iMMAP", "iMMAP", 0.5, Set.of(), EnumSet.of(REPORT, NTS)),
      new PartnerPlan("HALO", "The HALO Trust", 2.2,
          Set.of("UA-32", "UA-74", "UA-63", "UA-48", "UA-65", "UA-18", "UA-14", "UA-59"),
          EnumSet.allOf(EventType.class)),
      new PartnerPlan("FSD", "Swiss Foundation for Mine Action (FSD)", 1.3,
          Set.of("UA-63", "UA-74", "UA-32", "UA-59", "UA-53"), EnumSet.allOf(EventType.class)));

  record GrantPlan(String id, String donor, String partner, String title, long amount, String currency,
      LocalDate start, LocalDate end) {
    boolean covers(LocalDate d) {
      return !d.isBefore(start) && !d.isAfter(end);
    }
  }

  static final List<GrantPlan> GRANTS = List.of(
      new GrantPlan("NL-UNDP-2023", "Netherlands", "UNDP",
          "Mine action in Ukraine: national capacity and land release (2023)", 10_000_000, "EUR",
          LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)),
      new GrantPlan("NL-UNDP-2025", "Netherlands", "UNDP",
          "Mine action in Ukraine: national capacity and land release (2025)", 10_000_000, "EUR",
          LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
      new GrantPlan("NL-UNOPS-2024", "Netherlands", "UNOPS", "Humanitarian mine action in Ukraine (2024)",
          14_000_000, "EUR", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
      new GrantPlan("NL-DRC-2023", "Netherlands", "DRC",
          "Humanitarian mine action in eastern and southern Ukraine", 6_500_000, "EUR",
          LocalDate.of(2023, 4, 1), LocalDate.of(2025, 3, 31)),
      new GrantPlan("NL-IMMAP-2024", "Netherlands", "iMMAP", "Information management for mine action in Ukraine",
          2_000_000, "EUR", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)),
      new GrantPlan("JP-UNDP-2023", "Japan", "UNDP", "Mine action equipment and national capacity", 15_000_000,
          "USD", LocalDate.of(2023, 4, 1), LocalDate.of(2025, 12, 31)),
      new GrantPlan("US-HALO-2023", "United States", "HALO", "Humanitarian demining in northern and eastern Ukraine",
          30_000_000, "USD", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31)),
      new GrantPlan("UK-HALO-2024", "United Kingdom", "HALO", "Survey and clearance in liberated areas", 12_000_000,
          "EUR", LocalDate.of(2024, 4, 1), LocalDate.of(2025, 12, 31)),
      new GrantPlan("EU-FSD-2023", "European Union", "FSD", "Mine action in Kharkiv and Chernihiv oblasts",
          9_000_000, "EUR", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31)),
      new GrantPlan("US-FSD-2024", "United States", "FSD", "Survey and clearance of agricultural land", 10_000_000,
          "USD", LocalDate.of(2024, 7, 1), LocalDate.of(2025, 12, 31)),
      new GrantPlan("EU-SESU-2023", "European Union", "SESU", "Equipment and capacity for pyrotechnic units",
          15_000_000, "EUR", LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31)),
      new GrantPlan("JP-SESU-2024", "Japan", "SESU", "Demining machines and survey capacity", 20_000_000, "USD",
          LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)),
      new GrantPlan("EU-DRC-2025", "European Union", "DRC", "Humanitarian mine action in Ukraine (2025)", 4_000_000,
          "EUR", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));

  // ------------------------------------------------------------------------------------------------------------------

  /** A hazard as the ledger holds it: its current geometry and area. */
  static final class Hazard {
    final OblastPlan oblast;
    final Envelope envelope;
    final Set<HazardType> types;
    Geometry geometry;
    double m2;
    int slot = -1; // position in its oblast's list of hazards a release may be planned on, or -1

    Hazard(OblastPlan oblast, Geometry geometry, double m2, Set<HazardType> types) {
      this.oblast = oblast;
      this.geometry = geometry;
      this.m2 = m2;
      this.envelope = geometry.getEnvelopeInternal();
      this.types = types;
    }
  }

  /** An event to write: its body without id, date, partner and grant, which are given once the order is known. */
  static final class Draft {
    final EventType type;
    final String region;
    final ObjectNode geometry;
    final Set<HazardType> hazardTypes;
    String classification;
    String method;
    Map<HazardType, Integer> devices;
    String notes;
    double releasedM2;
    double addedM2;
    LocalDate date;
    String partner;
    String grant;

    Draft(EventType type, String region, ObjectNode geometry, Set<HazardType> hazardTypes) {
      this.type = type;
      this.region = region;
      this.geometry = geometry;
      this.hazardTypes = hazardTypes;
    }
  }

  /** A star-shaped polygon around a centre: angles and radii in metres, scaled as a whole. */
  record Star(double lon, double lat, double[] angles, double[] radii) {
    Star scaled(double scale) {
      double[] r = radii.clone();
      for (int k = 0; k < r.length; k++) {
        r[k] *= scale;
      }
      return new Star(lon, lat, angles, r);
    }

    Polygon build(double scale) {
      double kx = metresPerDegreeLon(lat);
      double ky = metresPerDegreeLat(lat);
      Coordinate[] ring = new Coordinate[angles.length + 1];
      for (int k = 0; k < angles.length; k++) {
        double r = radii[k] * scale;
        ring[k] = new Coordinate(round6(lon + r * Math.cos(angles[k]) / kx),
            round6(lat + r * Math.sin(angles[k]) / ky));
      }
      ring[angles.length] = ring[0].copy();
      return Geometries.FACTORY.createPolygon(ring);
    }
  }

  // ------------------------------------------------------------------------------------------------------------------

  private final ObjectMapper mapper = Json.mapper();
  private final SplittableRandom geo = new SplittableRandom(SEED);
  private final SplittableRandom attr = new SplittableRandom(SEED ^ 0x5DEECE66DL);
  private final Map<String, RegionShape> regions = new LinkedHashMap<>();
  private final RegionIndex regionIndex;
  private final Quadtree index = new Quadtree();
  private final List<Hazard> hazards = new ArrayList<>();
  private final Map<String, List<Hazard>> selectable = new HashMap<>();
  private final Map<String, double[]> remainingByOblast = new HashMap<>();
  private final Map<Long, List<Hazard>> byCell = new HashMap<>();
  private final Map<Hazard, long[]> cellOf = new HashMap<>();
  private final List<Draft> reports = new ArrayList<>();
  private final Map<Integer, List<Draft>> releases = new LinkedHashMap<>();
  /** Releases by placement: inside one hazard, across a hazard's edge, over two or more hazards. */
  private final int[] placements = new int[3];
  private double reportedM2;
  private double releasedM2;
  private int maxVertices;
  private int lastMet;
  private int outsidePieces;

  private DemoScenario(List<RegionShape> shapes) {
    shapes.forEach(r -> regions.put(r.code(), r));
    regionIndex = new RegionIndex(shapes, 0.2);
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of("data/demo");
    Path regionsFile = Path.of("data/ukraine-oblasts.geojson");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--regions" -> regionsFile = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (use --out DIR, --regions FILE)");
      }
    }
    long t0 = System.nanoTime();
    DemoScenario scenario = new DemoScenario(RegionBoundaries.read(regionsFile));
    scenario.generateHazards();
    for (YearPlan year : YEARS) {
      scenario.generateReleases(year);
    }
    scenario.assignDatesAndPartners();
    scenario.write(out);
    System.out.printf("Generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  // --- hazards ------------------------------------------------------------------------------------------------------

  private void generateHazards() {
    record Candidate(OblastPlan oblast, long i, long j, double score) {}
    List<Hazard> made = new ArrayList<>();
    double planned = 0;
    double actual = 0;
    for (int o = 0; o < OBLASTS.size(); o++) {
      OblastPlan plan = OBLASTS.get(o);
      RegionShape region = regions.get(plan.code());
      if (region == null) {
        throw new IllegalStateException("region " + plan.code() + " is not in the boundaries file");
      }
      Geometry inset = BufferOp.bufferOp(region.geometry(), -INSET_DEG,
          new BufferParameters(2, BufferParameters.CAP_ROUND, BufferParameters.JOIN_MITRE, 5));
      PreparedGeometry prepared = PreparedGeometryFactory.prepare(inset);
      Envelope env = inset.getEnvelopeInternal();
      double cx = env.centre().x;
      double cy = env.centre().y;
      double half = Math.max(env.getWidth() * Math.cos(Math.toRadians(cy)), env.getHeight()) / 2;
      double norm = Math.hypot(plan.dirEast(), plan.dirNorth());
      // a smooth random field so the hazards come in patches, not salt and pepper
      double[] wave = {geo.nextDouble(1, 3), geo.nextDouble(1, 3), geo.nextDouble(0, 2 * Math.PI),
          geo.nextDouble(0, 2 * Math.PI)};
      List<Candidate> cells = new ArrayList<>();
      for (long i = (long) Math.floor(env.getMinX() / CELL_LON); i * CELL_LON < env.getMaxX(); i++) {
        for (long j = (long) Math.floor(env.getMinY() / CELL_LAT); j * CELL_LAT < env.getMaxY(); j++) {
          Geometry rect = Geometries.FACTORY.toGeometry(
              new Envelope(i * CELL_LON, (i + 1) * CELL_LON, j * CELL_LAT, (j + 1) * CELL_LAT));
          if (!prepared.intersects(rect)) {
            continue;
          }
          double ex = ((i + 0.5) * CELL_LON - cx) * Math.cos(Math.toRadians(cy)) / half;
          double ny = ((j + 0.5) * CELL_LAT - cy) / half;
          double score = (ex * plan.dirEast() + ny * plan.dirNorth()) / norm
              + 0.35 * Math.sin(wave[0] * 3 * ex + wave[2]) * Math.cos(wave[1] * 3 * ny + wave[3])
              + 0.3 * gaussian(geo);
          cells.add(new Candidate(plan, i, j, score));
        }
      }
      cells.sort((a, b) -> Double.compare(b.score, a.score));
      planned += plan.km2() * KM2;
      boolean last = o == OBLASTS.size() - 1;
      double goal = last ? REPORTED_KM2 * KM2 : planned;
      for (Candidate c : cells) {
        if (actual >= goal) {
          break;
        }
        Geometry g = cellHazard(c.i, c.j, inset);
        if (g == null) {
          continue;
        }
        double m2 = GeodesicArea.m2(g);
        Hazard h = new Hazard(plan, g, m2, hazardTypes(plan.zone(), geo));
        made.add(h);
        cellOf.put(h, new long[] {c.i, c.j});
        actual += m2;
      }
      if (last && actual < goal) {
        throw new IllegalStateException("the oblasts have no room for " + REPORTED_KM2 + " km²");
      }
    }
    // reported in a shuffled order, so the dates of January do not run oblast by oblast
    for (int k = made.size() - 1; k > 0; k--) {
      int m = geo.nextInt(k + 1);
      Hazard t = made.get(k);
      made.set(k, made.get(m));
      made.set(m, t);
    }
    for (Hazard h : made) {
      report(h);
    }
  }

  /** One irregular hazard polygon filling most of a grid cell, clipped to the (inset) region; null if too small. */
  private Geometry cellHazard(long i, long j, Geometry inset) {
    // the cell's own random stream: the same cell gives the same shape on both sides of a regional boundary
    SplittableRandom r = new SplittableRandom(SEED * 31 + i * 1_000_003L + j * 7919L);
    double lon = (i + 0.5) * CELL_LON;
    double lat = (j + 0.5) * CELL_LAT;
    double wx = CELL_LON / 2 * metresPerDegreeLon(lat);
    double wy = CELL_LAT / 2 * metresPerDegreeLat(lat);
    int n = 28 + r.nextInt(36);
    double[] angles = angles(n, r);
    double[] harm = harmonics(r);
    double[] radii = new double[n];
    for (int k = 0; k < n; k++) {
      double t = angles[k];
      double toEdge = Math.min(wx / Math.max(1e-9, Math.abs(Math.cos(t))), wy / Math.max(1e-9, Math.abs(Math.sin(t))));
      double f = 0.925 + 0.06 * noise(harm, t) + r.nextDouble(-0.005, 0.005);
      radii[k] = toEdge * f;
    }
    Polygon star = new Star(lon, lat, angles, radii).build(1);
    Geometry clipped = Overlay.intersection(star, inset);
    if (clipped.isEmpty()) {
      return null;
    }
    Geometry g = Overlay.polygonal(GeometryPrecisionReducer.reduce(clipped, SIX_DECIMALS));
    List<Polygon> parts = new ArrayList<>();
    for (int k = 0; k < g.getNumGeometries(); k++) {
      if (g.getGeometryN(k) instanceof Polygon p && !p.isEmpty() && GeodesicArea.m2(p) >= MIN_PART_M2) {
        parts.add(p);
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    Geometry out = parts.size() == 1 ? parts.get(0)
        : Geometries.FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
    double m2 = GeodesicArea.m2(out);
    if (!out.isValid() || m2 < 0.2 * KM2) {
      return null;
    }
    for (RegionPart part : regionIndex.split(out, m2)) {
      if (part.code().equals(RegionIndex.UNASSIGNED)) {
        return null; // a sliver the service's region index would put outside every region
      }
    }
    return out;
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

  /** Applies a hazard report as the ledger does: it adds the part of its footprint not yet in a hazard. */
  private void report(Hazard h) {
    boolean cha = geo.nextDouble() < h.oblast.chaShare();
    ObjectNode geometry = geoJson(h.geometry);
    Draft d = new Draft(REPORT, h.oblast.code(), geometry, h.types);
    d.classification = cha ? "CHA" : "SHA";
    Geometry footprint = parse(d, REPORT).footprint();
    Geometry added = footprint;
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(footprint);
    for (Hazard other : near(footprint.getEnvelopeInternal())) {
      if (prepared.intersects(other.geometry)) {
        added = Overlay.difference(added, other.geometry);
      }
    }
    if (added.isEmpty()) {
      return;
    }
    double m2 = added == footprint ? GeodesicArea.m2(footprint) : GeodesicArea.m2(added);
    if (!allInRegions(added, m2)) {
      outsidePieces++;
    }
    Hazard placed = new Hazard(h.oblast, added, m2, h.types);
    hazards.add(placed);
    index.insert(placed.envelope, placed);
    long[] cell = cellOf.get(h);
    byCell.computeIfAbsent(cellKey(cell[0], cell[1]), k -> new ArrayList<>()).add(placed);
    cellOf.put(placed, cell);
    remainingByOblast.computeIfAbsent(h.oblast.code(), k -> new double[1])[0] += m2;
    if (m2 >= MIN_SELECTABLE_M2) {
      List<Hazard> list = selectable.computeIfAbsent(h.oblast.code(), k -> new ArrayList<>());
      placed.slot = list.size();
      list.add(placed);
    }
    reportedM2 += m2;
    d.addedM2 = m2;
    reports.add(d);
    maxVertices = Math.max(maxVertices, footprint.getNumPoints());
  }

  @SuppressWarnings("unchecked")
  private List<Hazard> near(Envelope env) {
    List<Hazard> out = new ArrayList<>();
    for (Hazard h : (List<Hazard>) index.query(env)) {
      if (h.m2 > 0 && !h.geometry.isEmpty() && h.envelope.intersects(env)) {
        out.add(h);
      }
    }
    return out;
  }

  private static long cellKey(long i, long j) {
    return i * 1_000_000L + j;
  }

  // --- releases -----------------------------------------------------------------------------------------------------

  private void generateReleases(YearPlan year) {
    List<Draft> drafts = new ArrayList<>();
    double[] byType = new double[3];
    int[] counts = new int[3];
    double target = year.contaminatedKm2() * KM2;
    int failures = 0;
    while (true) {
      double need = reportedM2 - releasedM2 - target;
      if (need < TARGET_TOLERANCE_M2) {
        break;
      }
      if (failures > 10_000) {
        throw new IllegalStateException("cannot place more releases in " + year.year());
      }
      Hazard h = pickHazard();
      if (h == null) {
        throw new IllegalStateException("no hazard left to release in " + year.year());
      }
      EventType type = pickType(byType, counts);
      Star star = releaseStar(type, h);
      Polygon raw = star == null ? null : star.build(1);
      if (raw != null && type == CLR) {
        double m2 = GeodesicArea.m2(raw);
        if (m2 > MAX_CLEARANCE_M2) { // field-sized: at most 500 ha
          star = star.scaled(Math.sqrt(MAX_CLEARANCE_M2 / m2) * 0.99);
          raw = star.build(1);
        }
      }
      Geometry footprint = serviceView(raw);
      if (footprint == null) {
        failures++;
        continue;
      }
      double released = releaseOf(footprint);
      if (Double.isNaN(released) || released <= 0) {
        failures++;
        continue;
      }
      if (released > need) {
        // the year's last release: shrink it about its centre until it lands on the target
        double lo = 0;
        double hi = 1;
        Polygon best = null;
        double bestReleased = 0;
        for (int it = 0; it < 40; it++) {
          double mid = (lo + hi) / 2;
          Polygon p = star.build(mid);
          Geometry view = serviceView(p);
          double r = view == null ? Double.NaN : releaseOf(view);
          if (Double.isNaN(r) || r > need) {
            hi = mid;
          } else {
            lo = mid;
            best = p;
            bestReleased = r;
            if (need - r < TARGET_TOLERANCE_M2 / 2) {
              break;
            }
          }
        }
        if (best == null || GeodesicArea.m2(best) < 100) {
          break; // within tolerance already, or nothing left to shrink
        }
        raw = best;
        released = bestReleased;
      }
      Draft d = new Draft(type, h.oblast.code(), geoJson(raw), null);
      if (type == CLR) {
        d.method = pick(attr, new String[] {"MANUAL", "MECHANICAL", "MDD", "COMBINED"},
            new double[] {0.35, 0.3, 0.1, 0.25});
        d.devices = devices(h.types, released / KM2);
      }
      d.notes = notes(type, d, attr);
      Geometry parsed = parse(d, type).footprint();
      double footprintM2 = GeodesicArea.m2(parsed);
      d.releasedM2 = commitRelease(parsed);
      placements[lastMet > 1 ? 2 : d.releasedM2 < footprintM2 * 0.999 ? 1 : 0]++;
      releasedM2 += d.releasedM2;
      byType[type.ordinal() - 1] += d.releasedM2;
      counts[type.ordinal() - 1]++;
      drafts.add(d);
      maxVertices = Math.max(maxVertices, parsed.getNumPoints());
    }
    releases.put(year.year(), drafts);
  }

  /** An oblast by its release weight × land remaining there, then one of its hazards. */
  private Hazard pickHazard() {
    double total = 0;
    double[] w = new double[OBLASTS.size()];
    for (int k = 0; k < w.length; k++) {
      OblastPlan o = OBLASTS.get(k);
      List<Hazard> list = selectable.get(o.code());
      if (list != null && !list.isEmpty()) {
        w[k] = o.releaseWeight() * remainingByOblast.get(o.code())[0];
        total += w[k];
      }
    }
    if (total <= 0) {
      return null;
    }
    double x = geo.nextDouble(total);
    int k = 0;
    while (k < w.length - 1 && (x -= w[k]) >= 0) {
      k++;
    }
    while (w[k] == 0) {
      k--;
    }
    List<Hazard> list = selectable.get(OBLASTS.get(k).code());
    return list.get(geo.nextInt(list.size()));
  }

  /** Target shares of the land released in a year: NTS, TS, CLEARANCE. */
  private static final double[] SHARE = {0.81, 0.155, 0.035};
  /** Prior mean km² released per event of each type, before the year has its own figures. */
  private static final double[] PRIOR_KM2 = {20, 4, 0.9};

  /** A type in proportion to its target share over its mean release, steered to keep the year on its shares. */
  private EventType pickType(double[] byType, int[] counts) {
    double total = byType[0] + byType[1] + byType[2];
    double[] w = new double[3];
    double sum = 0;
    for (int k = 0; k < 3; k++) {
      double mean = (byType[k] + PRIOR_KM2[k] * KM2 * 5) / (counts[k] + 5);
      double steer = clamp((SHARE[k] * total + KM2) / (byType[k] + KM2), 0.5, 2);
      w[k] = SHARE[k] / mean * steer;
      sum += w[k];
    }
    double x = geo.nextDouble(sum);
    return x < w[0] ? NTS : x < w[0] + w[1] ? TS : CLR;
  }

  private Star releaseStar(EventType type, Hazard h) {
    double u = geo.nextDouble();
    if (type == NTS && u < 0.4) {
      return wholeHazardStar(h);
    }
    double areaKm2 = switch (type) {
      case NON_TECHNICAL_SURVEY -> clamp(Math.exp(Math.log(8) + 0.6 * gaussian(geo)), 2, 40);
      case TECHNICAL_SURVEY -> clamp(Math.exp(Math.log(4.5) + 0.6 * gaussian(geo)), 0.5, 15);
      default -> Math.exp(geo.nextDouble(Math.log(0.02), Math.log(5))); // 2 to 500 ha
    };
    double radius = Math.sqrt(areaKm2 * KM2 / Math.PI);
    Coordinate centre;
    double place = geo.nextDouble();
    if (type != CLR && place < 0.1) {
      // over two hazards: on the line between this hazard's cell and a neighbour's
      Hazard other = neighbour(h);
      if (other == null) {
        centre = pointIn(h.geometry);
      } else {
        long[] a = cellOf.get(h);
        long[] b = cellOf.get(other);
        centre = new Coordinate((a[0] + b[0] + 1) * CELL_LON / 2, (a[1] + b[1] + 1) * CELL_LAT / 2);
        radius = Math.max(radius, 1500);
      }
    } else if (place < (type == CLR ? 0.2 : 0.35)) {
      centre = pointOnEdge(h.geometry); // across the hazard's edge
    } else {
      centre = pointIn(h.geometry);
    }
    if (centre == null) {
      return null;
    }
    int n = switch (type) {
      case CLEARANCE -> 20 + geo.nextInt(17);
      case TECHNICAL_SURVEY -> 24 + geo.nextInt(25);
      default -> 32 + geo.nextInt(41);
    };
    double[] angles = angles(n, geo);
    double[] harm = harmonics(geo);
    double amp = geo.nextDouble(0.15, 0.4);
    double[] radii = new double[n];
    for (int k = 0; k < n; k++) {
      radii[k] = radius * (1 + amp * noise(harm, angles[k]) + geo.nextDouble(-0.04, 0.04));
    }
    return new Star(centre.x, centre.y, angles, radii);
  }

  /** An NTS that cancels a whole hazard: a star around the hazard's convex hull, a little larger than it. */
  private Star wholeHazardStar(Hazard h) {
    Geometry hull = h.geometry.convexHull();
    if (!(hull instanceof Polygon)) {
      return null;
    }
    Coordinate c = hull.getCentroid().getCoordinate();
    double kx = metresPerDegreeLon(c.y);
    double ky = metresPerDegreeLat(c.y);
    Coordinate[] cs = hull.getCoordinates();
    double[] xs = new double[cs.length];
    double[] ys = new double[cs.length];
    for (int k = 0; k < cs.length; k++) {
      xs[k] = (cs[k].x - c.x) * kx;
      ys[k] = (cs[k].y - c.y) * ky;
    }
    int n = 48 + geo.nextInt(49);
    double[] angles = angles(n, geo);
    double[] harm = harmonics(geo);
    double[] radii = new double[n];
    for (int k = 0; k < n; k++) {
      double d = rayToPolygon(xs, ys, Math.cos(angles[k]), Math.sin(angles[k]));
      radii[k] = d * (1.03 + 0.02 * noise(harm, angles[k])) + 40;
    }
    return new Star(c.x, c.y, angles, radii);
  }

  /** Distance from the origin along (dx, dy) to the boundary of a convex ring around the origin. */
  private static double rayToPolygon(double[] xs, double[] ys, double dx, double dy) {
    double best = 0;
    for (int k = 0; k + 1 < xs.length; k++) {
      double ex = xs[k + 1] - xs[k];
      double ey = ys[k + 1] - ys[k];
      double den = dx * ey - dy * ex;
      if (Math.abs(den) < 1e-12) {
        continue;
      }
      double t = (xs[k] * ey - ys[k] * ex) / den;
      double s = (xs[k] * dy - ys[k] * dx) / den;
      if (t > 0 && s >= -1e-9 && s <= 1 + 1e-9) {
        best = Math.max(best, t);
      }
    }
    return best;
  }

  private Hazard neighbour(Hazard h) {
    long[] c = cellOf.get(h);
    List<Hazard> options = new ArrayList<>();
    for (long[] d : new long[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
      for (Hazard o : byCell.getOrDefault(cellKey(c[0] + d[0], c[1] + d[1]), List.of())) {
        if (o.m2 >= MIN_SELECTABLE_M2) {
          options.add(o);
        }
      }
    }
    return options.isEmpty() ? null : options.get(geo.nextInt(options.size()));
  }

  private Coordinate pointIn(Geometry g) {
    Envelope env = g.getEnvelopeInternal();
    PreparedGeometry p = PreparedGeometryFactory.prepare(g);
    for (int k = 0; k < 200; k++) {
      Coordinate c = new Coordinate(env.getMinX() + geo.nextDouble() * env.getWidth(),
          env.getMinY() + geo.nextDouble() * env.getHeight());
      if (p.containsProperly(Geometries.FACTORY.createPoint(c))) {
        return c;
      }
    }
    return null;
  }

  private Coordinate pointOnEdge(Geometry g) {
    Polygon largest = null;
    for (int k = 0; k < g.getNumGeometries(); k++) {
      if (g.getGeometryN(k) instanceof Polygon p && (largest == null || p.getArea() > largest.getArea())) {
        largest = p;
      }
    }
    if (largest == null) {
      return null;
    }
    LineString ring = largest.getExteriorRing();
    int n = ring.getNumPoints() - 1;
    int k = geo.nextInt(n);
    Coordinate a = ring.getCoordinateN(k);
    Coordinate b = ring.getCoordinateN(k + 1);
    double t = geo.nextDouble();
    return new Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
  }

  /**
   * The area a release would count: the geodesic area of hazard ∩ footprint over every hazard it meets; NaN when a
   * piece would leave a numerical residue outside every region in the service's region split (such a footprint is
   * not used, so the demo has no "outside every region" row).
   */
  private double releaseOf(Geometry footprint) {
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(footprint);
    double sum = 0;
    for (Hazard h : near(footprint.getEnvelopeInternal())) {
      if (!prepared.intersects(h.geometry)) {
        continue;
      }
      boolean whole = prepared.covers(h.geometry);
      Geometry piece = whole ? h.geometry : Overlay.intersection(h.geometry, footprint);
      if (piece.isEmpty()) {
        continue;
      }
      double m2 = whole ? h.m2 : GeodesicArea.m2(piece);
      if (!allInRegions(piece, m2)) {
        return Double.NaN;
      }
      sum += m2;
    }
    return sum;
  }

  /** Whether the service's region index splits a piece without a part outside every region. */
  private boolean allInRegions(Geometry piece, double m2) {
    for (RegionPart part : regionIndex.split(piece, m2)) {
      if (part.code().equals(RegionIndex.UNASSIGNED)) {
        return false;
      }
    }
    return true;
  }

  /** A polygon as the service will hold it: written as GeoJSON and read back by its parser; null if refused. */
  private Geometry serviceView(Polygon p) {
    if (p == null || !p.isValid()) {
      return null;
    }
    try {
      return GeoJsonGeometry.readPolygonal(geoJson(p), 100_000);
    } catch (GeometryException e) {
      return null;
    }
  }

  /** Applies a release as the ledger does: every hazard it meets loses the footprint; returns the released m². */
  private double commitRelease(Geometry footprint) {
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(footprint);
    double sum = 0;
    lastMet = 0;
    for (Hazard h : near(footprint.getEnvelopeInternal())) {
      if (!prepared.intersects(h.geometry)) {
        continue;
      }
      boolean whole = prepared.covers(h.geometry);
      Geometry piece = whole ? h.geometry : Overlay.intersection(h.geometry, footprint);
      if (piece.isEmpty()) {
        continue;
      }
      double pieceM2 = whole ? h.m2 : GeodesicArea.m2(piece);
      if (!allInRegions(piece, pieceM2)) {
        outsidePieces++;
      }
      sum += pieceM2;
      lastMet++;
      Geometry rest = whole ? null : Overlay.difference(h.geometry, footprint);
      double restM2 = rest == null || rest.isEmpty() ? 0 : GeodesicArea.m2(rest);
      remainingByOblast.get(h.oblast.code())[0] += restM2 - h.m2;
      h.geometry = rest == null ? Geometries.FACTORY.createMultiPolygon() : rest;
      h.m2 = restM2;
      if (restM2 < MIN_SELECTABLE_M2 && h.slot >= 0) {
        List<Hazard> list = selectable.get(h.oblast.code());
        Hazard moved = list.remove(list.size() - 1);
        if (moved != h) {
          list.set(h.slot, moved);
          moved.slot = h.slot;
        }
        h.slot = -1;
      }
    }
    return sum;
  }

  private Map<HazardType, Integer> devices(Set<HazardType> types, double km2) {
    if (attr.nextDouble() < 0.2) {
      return null; // nothing found
    }
    Map<HazardType, Integer> out = new EnumMap<>(HazardType.class);
    for (HazardType t : types) {
      double lambda = switch (t) {
        case AP_MINE -> 1 + 12 * km2;
        case AT_MINE -> 0.5 + 4 * km2;
        case CLUSTER_MUNITION -> 1 + 8 * km2;
        case UXO -> 2 + 15 * km2;
        case IED -> 0.2 + km2;
        case OTHER -> 0.3;
      };
      int count = poisson(attr, Math.min(lambda, 80));
      if (count > 0) {
        out.put(t, count);
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static String notes(EventType type, Draft d, SplittableRandom r) {
    if (r.nextDouble() > 0.3) {
      return null;
    }
    String[] options = switch (type) {
      case NON_TECHNICAL_SURVEY -> new String[] {
          "Synthetic: no evidence of explosive ordnance after community liaison; area cancelled.",
          "Synthetic: land in use by farmers since 2022 without accidents; cancelled.",
          "Synthetic: SHA boundary redrawn after NTS; outer part cancelled."};
      case TECHNICAL_SURVEY -> new String[] {
          "Synthetic: technical survey with mechanical assets; no contamination in reduced part.",
          "Synthetic: TS lanes negative; area reduced, confirmed part remains."};
      default -> new String[] {
          "Synthetic: cleared to 30 cm and handed over to the community.",
          "Synthetic: agricultural field cleared and released for sowing.",
          "Synthetic: roadside verge cleared."};
    };
    return options[r.nextInt(options.length)];
  }

  // --- dates, partners, grants --------------------------------------------------------------------------------------

  private void assignDatesAndPartners() {
    List<LocalDate> reportDates = dates(reports.size(), LocalDate.of(2023, 1, 2), LocalDate.of(2023, 1, 31), false);
    for (int k = 0; k < reports.size(); k++) {
      reports.get(k).date = reportDates.get(k);
      assignPartner(reports.get(k), 0.5);
    }
    for (YearPlan year : YEARS) {
      List<Draft> drafts = releases.get(year.year());
      List<LocalDate> ds = dates(drafts.size(), year.first(), year.last(), true);
      for (int k = 0; k < drafts.size(); k++) {
        drafts.get(k).date = ds.get(k);
        assignPartner(drafts.get(k), 0.95);
      }
    }
  }

  /** n sorted dates between first and last: fewer in winter and on Sundays when seasonal. */
  private List<LocalDate> dates(int n, LocalDate first, LocalDate last, boolean seasonal) {
    double[] month = {0.45, 0.5, 0.75, 1.0, 1.2, 1.3, 1.3, 1.3, 1.2, 1.1, 0.8, 0.5};
    List<LocalDate> days = new ArrayList<>();
    List<Double> cumulative = new ArrayList<>();
    double sum = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      double w = seasonal ? month[d.getMonthValue() - 1] : 1;
      w *= d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.2 : d.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.6 : 1;
      sum += w;
      days.add(d);
      cumulative.add(sum);
    }
    double[] u = new double[n];
    for (int k = 0; k < n; k++) {
      u[k] = attr.nextDouble() * sum;
    }
    Arrays.sort(u);
    List<LocalDate> out = new ArrayList<>(n);
    int at = 0;
    for (double x : u) {
      while (at < days.size() - 1 && cumulative.get(at) < x) {
        at++;
      }
      out.add(days.get(at));
    }
    return out;
  }

  private void assignPartner(Draft d, double grantShare) {
    List<PartnerPlan> options = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    double sum = 0;
    for (PartnerPlan p : PARTNERS) {
      if (!p.types().contains(d.type) || (activeGrants(p.id(), d.date).isEmpty() && !p.id().equals("SESU"))) {
        continue;
      }
      double w = p.weight() * (p.regions().isEmpty() || p.regions().contains(d.region) ? 1 : 0.08);
      options.add(p);
      weights.add(w);
      sum += w;
    }
    double x = attr.nextDouble(sum);
    int k = 0;
    while (k < options.size() - 1 && (x -= weights.get(k)) >= 0) {
      k++;
    }
    PartnerPlan p = options.get(k);
    d.partner = p.id();
    List<GrantPlan> active = activeGrants(p.id(), d.date);
    double share = p.id().equals("SESU") ? grantShare * 0.8 : grantShare;
    if (active.isEmpty() || attr.nextDouble() >= share) {
      d.grant = null;
      return;
    }
    // a grant in proportion to its funding per year
    double[] gw = new double[active.size()];
    double gsum = 0;
    for (int g = 0; g < gw.length; g++) {
      GrantPlan gp = active.get(g);
      double years = (gp.end().toEpochDay() - gp.start().toEpochDay() + 1) / 365.25;
      gw[g] = gp.amount() * (gp.currency().equals("USD") ? 0.92 : 1) / years;
      gsum += gw[g];
    }
    double gx = attr.nextDouble(gsum);
    int g = 0;
    while (g < gw.length - 1 && (gx -= gw[g]) >= 0) {
      g++;
    }
    d.grant = active.get(g).id();
  }

  private static List<GrantPlan> activeGrants(String partner, LocalDate date) {
    return GRANTS.stream().filter(g -> g.partner().equals(partner) && g.covers(date)).toList();
  }

  // --- output -------------------------------------------------------------------------------------------------------

  private ObjectNode body(Draft d, int sequence) {
    ObjectNode b = mapper.createObjectNode();
    b.put("id", UUID.nameUUIDFromBytes(("landrelease-demo-event-" + sequence).getBytes(StandardCharsets.UTF_8))
        .toString());
    b.put("type", d.type.name());
    b.put("date", d.date == null ? "2023-01-01" : d.date.toString());
    b.put("partner", d.partner == null ? "SESU" : d.partner);
    if (d.grant != null) {
      b.put("grant", d.grant);
    }
    if (d.classification != null) {
      b.put("classification", d.classification);
    }
    if (d.hazardTypes != null) {
      ArrayNode types = b.putArray("hazardTypes");
      d.hazardTypes.forEach(t -> types.add(t.name()));
    }
    if (d.method != null) {
      b.put("method", d.method);
    }
    if (d.devices != null) {
      ObjectNode dev = b.putObject("devicesFound");
      d.devices.forEach((t, n) -> dev.put(t.name(), n));
    }
    if (d.notes != null) {
      b.put("notes", d.notes);
    }
    b.set("geometry", d.geometry);
    return b;
  }

  /** Parses a draft with the service's own parser: the footprint exactly as the service will see it. */
  private EventCommand parse(Draft d, EventType type) {
    EventCommand cmd = EventJson.parse(body(d, 0), mapper);
    if (cmd.type() != type) {
      throw new IllegalStateException("parsed type " + cmd.type());
    }
    return cmd;
  }

  private void write(Path dir) throws Exception {
    Files.createDirectories(dir);
    List<Draft> all = new ArrayList<>(reports);
    releases.values().forEach(all::addAll);
    LocalDate previous = LocalDate.MIN;
    Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
    Path events = dir.resolve(DemoLoader.EVENTS_FILE);
    Path tmp = dir.resolve(DemoLoader.EVENTS_FILE + ".tmp");
    try (Writer out = new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
      int seq = 0;
      for (Draft d : all) {
        if (d.date.isBefore(previous)) {
          throw new IllegalStateException("events out of date order at " + d.date);
        }
        previous = d.date;
        ObjectNode body = body(d, ++seq);
        EventCommand cmd = EventJson.parse(body, mapper); // refuses what the service would refuse
        if (d.grant != null) {
          GrantPlan g = GRANTS.stream().filter(x -> x.id().equals(d.grant)).findFirst().orElseThrow();
          if (!g.partner().equals(d.partner) || !g.covers(d.date)) {
            throw new IllegalStateException("grant " + g.id() + " does not fund " + d.partner + " on " + d.date);
          }
        }
        if (cmd.date().isAfter(LocalDate.of(2025, 12, 31))) {
          throw new IllegalStateException("event after 2025: " + cmd.date());
        }
        counts.merge(d.type, 1, Integer::sum);
        out.write(mapper.writeValueAsString(FeatureEvents.toFeature(body, mapper)));
        out.write('\n');
      }
    }
    Files.move(tmp, events, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    ObjectNode funding = mapper.createObjectNode();
    funding.put("dataset", DATASET);
    funding.put("events", all.size());
    ArrayNode partners = funding.putArray("partners");
    for (PartnerPlan p : PARTNERS) {
      partners.addObject().put("id", p.id()).put("name", p.name());
    }
    ArrayNode grants = funding.putArray("grants");
    for (GrantPlan g : GRANTS) {
      grants.addObject().put("id", g.id()).put("donor", g.donor()).put("partner", g.partner())
          .put("title", g.title()).put("amount", BigDecimal.valueOf(g.amount())).put("currency", g.currency())
          .put("start", g.start().toString()).put("end", g.end().toString());
    }
    Files.writeString(dir.resolve(DemoLoader.FUNDING_FILE),
        mapper.writerWithDefaultPrettyPrinter().writeValueAsString(funding) + "\n");

    printSummary(all, counts, events);
  }

  private void printSummary(List<Draft> all, Map<EventType, Integer> counts, Path events) throws Exception {
    System.out.println("Synthetic demo scenario (simulated with the ledger's overlay and area arithmetic):");
    System.out.printf("  hazard reports: %,d, dated %s to %s, reported %,.1f km² (%,d hazards in %d oblasts)%n",
        reports.size(), reports.get(0).date, reports.get(reports.size() - 1).date, reportedM2 / KM2, hazards.size(),
        OBLASTS.size());
    Map<String, double[]> perOblast = new LinkedHashMap<>();
    for (Draft d : reports) {
      perOblast.computeIfAbsent(d.region, k -> new double[2])[0] += d.addedM2;
    }
    for (List<Draft> ds : releases.values()) {
      for (Draft d : ds) {
        perOblast.computeIfAbsent(d.region, k -> new double[2])[1] += d.releasedM2;
      }
    }
    perOblast.forEach((code, v) -> System.out.printf("    %-6s %-16s reported %,9.1f km²  released (planned there) %,8.1f km²%n",
        code, regions.get(code).name(), v[0] / KM2, v[1] / KM2));
    double released = 0;
    for (var e : releases.entrySet()) {
      double[] m2 = new double[3];
      int[] n = new int[3];
      for (Draft d : e.getValue()) {
        m2[d.type.ordinal() - 1] += d.releasedM2;
        n[d.type.ordinal() - 1]++;
      }
      double year = m2[0] + m2[1] + m2[2];
      released += year;
      List<Draft> ds = e.getValue();
      System.out.printf("  %d: %,d releases (%s to %s): NTS %,d / %,.1f km², TS %,d / %,.1f km², CLEARANCE %,d / %,.1f km²;"
          + " released %,.1f km² (NTS %.1f%%); contaminated at year end %,.1f km²%n", e.getKey(), ds.size(),
          ds.get(0).date, ds.get(ds.size() - 1).date, n[0], m2[0] / KM2, n[1], m2[1] / KM2, n[2], m2[2] / KM2,
          year / KM2, 100 * m2[0] / year, (reportedM2 - released) / KM2);
    }
    Map<String, Integer> byPartner = new LinkedHashMap<>();
    Map<String, Integer> byGrant = new LinkedHashMap<>();
    for (Draft d : all) {
      byPartner.merge(d.partner, 1, Integer::sum);
      byGrant.merge(d.grant == null ? "(none)" : d.grant, 1, Integer::sum);
    }
    System.out.println("  events by type: " + counts + ", total " + all.size());
    System.out.printf("  releases inside one hazard: %,d; across a hazard's edge: %,d; over two or more hazards: %,d%n",
        placements[0], placements[1], placements[2]);
    System.out.println("  events by partner: " + byPartner);
    System.out.println("  events by grant: " + byGrant);
    System.out.println("  largest polygon: " + maxVertices + " vertices");
    System.out.printf("  pieces the region index would put outside every region: %d%n", outsidePieces);
    System.out.printf("  wrote %s (%,d bytes) and %s%n", events, Files.size(events),
        events.resolveSibling(DemoLoader.FUNDING_FILE));
  }

  // --- geometry helpers ---------------------------------------------------------------------------------------------

  /** GeoJSON of a polygonal geometry with 6-decimal positions, exterior rings counter-clockwise (RFC 7946). */
  private ObjectNode geoJson(Geometry g) {
    ObjectNode node = mapper.createObjectNode();
    if (g instanceof Polygon p) {
      node.put("type", "Polygon");
      polygon(p, node.putArray("coordinates"));
    } else {
      node.put("type", "MultiPolygon");
      ArrayNode polys = node.putArray("coordinates");
      for (int k = 0; k < g.getNumGeometries(); k++) {
        polygon((Polygon) g.getGeometryN(k), polys.addArray());
      }
    }
    return node;
  }

  private static void polygon(Polygon p, ArrayNode rings) {
    ring(p.getExteriorRing().getCoordinates(), true, rings.addArray());
    for (int k = 0; k < p.getNumInteriorRing(); k++) {
      ring(p.getInteriorRingN(k).getCoordinates(), false, rings.addArray());
    }
  }

  private static void ring(Coordinate[] cs, boolean ccw, ArrayNode out) {
    boolean reverse = Orientation.isCCW(cs) != ccw;
    for (int k = 0; k < cs.length; k++) {
      Coordinate c = cs[reverse ? cs.length - 1 - k : k];
      out.addArray().add(round6(c.x)).add(round6(c.y));
    }
  }

  static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  static double metresPerDegreeLon(double lat) {
    double phi = Math.toRadians(lat);
    return 111_412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi);
  }

  static double metresPerDegreeLat(double lat) {
    double phi = Math.toRadians(lat);
    return 111_132.92 - 559.82 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
  }

  /** n increasing angles around the circle, evenly spaced with a little jitter. */
  private static double[] angles(int n, SplittableRandom r) {
    double start = r.nextDouble(2 * Math.PI);
    double[] a = new double[n];
    for (int k = 0; k < n; k++) {
      a[k] = start + 2 * Math.PI * (k + r.nextDouble(-0.35, 0.35)) / n;
    }
    return a;
  }

  /** Amplitudes and phases of a few low harmonics: an irregular outline. */
  private static double[] harmonics(SplittableRandom r) {
    double[] h = new double[8];
    for (int m = 0; m < 4; m++) {
      h[2 * m] = r.nextDouble(0.2, 1) / (m + 1);
      h[2 * m + 1] = r.nextDouble(2 * Math.PI);
    }
    return h;
  }

  /** The harmonics at angle t, in -1..1. */
  private static double noise(double[] h, double t) {
    double sum = 0;
    double norm = 0;
    for (int m = 0; m < 4; m++) {
      sum += h[2 * m] * Math.cos((m + 2) * t + h[2 * m + 1]);
      norm += h[2 * m];
    }
    return sum / norm;
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static int poisson(SplittableRandom r, double lambda) {
    if (lambda > 30) {
      return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * gaussian(r)));
    }
    double l = Math.exp(-lambda);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private static String pick(SplittableRandom r, String[] values, double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double x = r.nextDouble(sum);
    for (int k = 0; k < values.length; k++) {
      if ((x -= weights[k]) < 0) {
        return values[k];
      }
    }
    return values[values.length - 1];
  }
}
