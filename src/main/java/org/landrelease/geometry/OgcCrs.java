package org.landrelease.geometry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate reference systems the OGC API offers, by their OGC URIs, and reprojection between them and the
 * ledger's storage CRS (CRS84: WGS84 longitude, latitude). EPSG:4326 is the same datum with the axes the other way
 * round (latitude, longitude), as the EPSG register defines it. Besides the three fixed ones, every WGS84 UTM zone is
 * offered (EPSG:32601–32660 north, 32701–32760 south), so that any country's field teams get metres in their zone.
 * There is one instance per URI, so instances compare by identity.
 */
public final class OgcCrs {
  private static final String EPSG_URI = "http://www.opengis.net/def/crs/EPSG/0/";
  private static final Map<String, OgcCrs> BY_URI = new LinkedHashMap<>();
  private static final CRSFactory CRS_FACTORY = new CRSFactory();
  private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
  /** Reading a CRS parses proj4j's EPSG file: once per CRS, not once per geometry (that cost 0.5 s a page). */
  private static final CoordinateReferenceSystem WGS84 = CRS_FACTORY.createFromName("EPSG:4326");

  public static final OgcCrs CRS84 = register("http://www.opengis.net/def/crs/OGC/1.3/CRS84", null, false);
  public static final OgcCrs WGS84_LAT_LON = register(EPSG_URI + 4326, null, true);
  public static final OgcCrs WEB_MERCATOR = register(EPSG_URI + 3857, "EPSG:3857", false);
  /** UTM zones are numbered 1 to 60, six degrees of longitude each, eastwards from 180° W. */
  public static final int UTM_ZONES = 60;

  static {
    for (boolean north : new boolean[] {true, false}) {
      for (int zone = 1; zone <= UTM_ZONES; zone++) {
        int epsg = utmEpsg(zone, north);
        register(EPSG_URI + epsg, "EPSG:" + epsg, false);
      }
    }
  }

  private final String uri;
  private final String proj4Name;
  private final boolean latLon;
  private volatile CoordinateReferenceSystem projected;

  private OgcCrs(String uri, String proj4Name, boolean latLon) {
    this.uri = uri;
    this.proj4Name = proj4Name;
    this.latLon = latLon;
  }

  private static OgcCrs register(String uri, String proj4Name, boolean latLon) {
    OgcCrs crs = new OgcCrs(uri, proj4Name, latLon);
    BY_URI.put(uri, crs);
    return crs;
  }

  /** WGS84 / UTM zone n north is EPSG:326nn, south EPSG:327nn. */
  private static int utmEpsg(int zone, boolean north) {
    return (north ? 32600 : 32700) + zone;
  }

  /** The WGS84 UTM zone (1–60) of the given hemisphere. */
  public static OgcCrs utm(int zone, boolean north) {
    if (zone < 1 || zone > UTM_ZONES) {
      throw new IllegalArgumentException("UTM zones are 1 to " + UTM_ZONES + ", not " + zone);
    }
    return BY_URI.get(EPSG_URI + utmEpsg(zone, north));
  }

  public String uri() {
    return uri;
  }

  /** Every CRS offered, by URI: CRS84, EPSG:4326, EPSG:3857, then the UTM zones north and south. */
  public static List<String> uris() {
    return List.copyOf(BY_URI.keySet());
  }

  /** The offered CRSs in a few words, for an error message (the full list is 123 URIs). */
  public static String offered() {
    return CRS84.uri + " (the default), " + EPSG_URI + "4326 (lat/lon), " + EPSG_URI + "3857, or a WGS84 UTM zone "
        + EPSG_URI + "32601 to 32660 (north) and 32701 to 32760 (south)";
  }

  /** The CRS of an OGC URI; the EPSG register's "EPSG:n" short form and OGC's "[OGC:CRS84]" form are accepted too. */
  public static Optional<OgcCrs> of(String uri) {
    if (uri == null) {
      return Optional.empty();
    }
    String u = uri.trim();
    if (u.startsWith("[") && u.endsWith("]")) {
      u = u.substring(1, u.length() - 1);
    }
    if (u.equalsIgnoreCase("OGC:CRS84")) {
      return Optional.of(CRS84);
    }
    if (u.toUpperCase(Locale.ROOT).startsWith("EPSG:")) {
      u = EPSG_URI + u.substring(5);
    }
    return Optional.ofNullable(BY_URI.get(u.replace("https://", "http://")));
  }

  @Override
  public String toString() {
    return proj4Name != null ? proj4Name : this == CRS84 ? "OGC:CRS84" : "EPSG:4326";
  }

  /** A geometry from CRS84 into this CRS; the input is not changed. */
  public Geometry fromCrs84(Geometry g) {
    if (this == CRS84) {
      return g;
    }
    Geometry copy = g.copy();
    copy.apply(new ProjFilter(transform(true), false, latLon));
    return copy;
  }

  /** A geometry in this CRS into CRS84; the input is not changed. */
  public Geometry toCrs84(Geometry g) {
    if (this == CRS84) {
      return g;
    }
    Geometry copy = g.copy();
    copy.apply(new ProjFilter(transform(false), latLon, false));
    copy.setSRID(Geometries.SRID);
    return copy;
  }

  /**
   * A bounding box in this CRS (its own axis order: minX,minY,maxX,maxY of the CRS) as a CRS84 envelope. The edges are
   * sampled, since a straight edge in a projection is curved in longitude and latitude.
   */
  public Envelope toCrs84(double minA, double minB, double maxA, double maxB) {
    if (this == CRS84) {
      return new Envelope(minA, maxA, minB, maxB);
    }
    Envelope out = new Envelope();
    int steps = 16;
    for (int i = 0; i <= steps; i++) {
      double a = minA + (maxA - minA) * i / steps, b = minB + (maxB - minB) * i / steps;
      for (double[] p : new double[][] {{a, minB}, {a, maxB}, {minA, b}, {maxA, b}}) {
        out.expandToInclude(point(p[0], p[1]));
      }
    }
    return out;
  }

  /** The envelope of a CRS84 box expressed in this CRS, as minX,minY,maxX,maxY in this CRS's axis order. */
  public double[] fromCrs84(Envelope e) {
    Geometry g = fromCrs84(Geometries.FACTORY.toGeometry(e));
    Envelope p = g.getEnvelopeInternal();
    return new double[] {p.getMinX(), p.getMinY(), p.getMaxX(), p.getMaxY()};
  }

  private Coordinate point(double a, double b) {
    if (this == WGS84_LAT_LON) {
      return new Coordinate(b, a);
    }
    ProjCoordinate out = new ProjCoordinate();
    transform(false).transform(new ProjCoordinate(a, b), out);
    return new Coordinate(out.x, out.y);
  }

  /** A new transform each time: proj4j transforms keep scratch state and are not safe to share between threads. */
  private CoordinateTransform transform(boolean fromCrs84) {
    if (proj4Name == null) {
      return null;
    }
    CoordinateReferenceSystem p = projected;
    if (p == null) {
      p = CRS_FACTORY.createFromName(proj4Name);
      projected = p;
    }
    return fromCrs84 ? TRANSFORMS.createTransform(WGS84, p) : TRANSFORMS.createTransform(p, WGS84);
  }
}
