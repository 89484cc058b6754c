package org.landrelease.geometry;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.proj.LongLatProjection;

/**
 * Moves a geometry from a source CRS into the ledger's WGS84 lon/lat (EPSG:4326), with proj4j. The source is named by
 * an EPSG code ("EPSG:32636", "urn:ogc:def:crs:EPSG::32636", "CRS84") or given as WKT (a .prj or a GeoPackage SRS
 * definition; OGC and ESRI WKT 1 are read through mil.nga.proj, which builds the proj4j CRS).
 */
public final class Reprojection {
  /** The identity: the source is already WGS84 lon/lat. */
  public static final Reprojection WGS84 = new Reprojection("EPSG:4326", null);
  private static final CRSFactory CRS = new CRSFactory();
  private static final Pattern EPSG = Pattern.compile("(?:EPSG:+(?:[0-9.]*:)?|/EPSG/[0-9.]+/)([0-9]+)$");

  private final String name;
  private final CoordinateTransform transform;

  private Reprojection(String name, CoordinateTransform transform) {
    this.name = name;
    this.transform = transform;
  }

  /** The CRS by name; IllegalArgumentException if proj4j does not know it. */
  public static Reprojection fromName(String crsName) {
    String n = crsName.trim();
    String upper = n.toUpperCase(Locale.ROOT);
    if (upper.endsWith("CRS84") || upper.endsWith("CRS:84")) {
      return WGS84;
    }
    Matcher m = EPSG.matcher(upper);
    if (!m.find()) {
      throw new IllegalArgumentException("'" + crsName + "' is not a CRS name such as EPSG:32636");
    }
    return fromEpsg(Integer.parseInt(m.group(1)));
  }

  public static Reprojection fromEpsg(int code) {
    if (code == Geometries.SRID) {
      return WGS84;
    }
    try {
      return of("EPSG:" + code, CRS.createFromName("EPSG:" + code));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("EPSG:" + code + " is not a CRS this service knows", e);
    }
  }

  /** The CRS a WKT definition describes; IllegalArgumentException if it cannot be read. */
  public static Reprojection fromWkt(String wkt) {
    try {
      mil.nga.proj.Projection p = mil.nga.proj.ProjectionFactory.getProjectionByDefinition(wkt.trim());
      String label = p.getAuthority() != null && !p.getAuthority().isBlank()
          ? p.getAuthority() + ":" + p.getCode() : wktName(wkt);
      if ("EPSG".equalsIgnoreCase(p.getAuthority()) && String.valueOf(Geometries.SRID).equals(p.getCode())) {
        return WGS84;
      }
      return of(label, p.getCrs());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot read the CRS definition " + abbreviate(wkt), e);
    }
  }

  private static Reprojection of(String name, CoordinateReferenceSystem source) {
    CoordinateReferenceSystem wgs84 = CRS.createFromName("EPSG:4326");
    if (source.getProjection() instanceof LongLatProjection && source.getDatum().isEqual(wgs84.getDatum())) {
      return new Reprojection(name, null);
    }
    return new Reprojection(name, new CoordinateTransformFactory().createTransform(source, wgs84));
  }

  /** The name a WKT gives its CRS, such as WGS_1984_UTM_Zone_36N. */
  private static String wktName(String wkt) {
    Matcher m = Pattern.compile("^\\s*[A-Z_]+\\[\"([^\"]+)\"").matcher(wkt);
    return m.find() ? m.group(1) : abbreviate(wkt);
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").trim();
    return one.length() > 60 ? one.substring(0, 60) + "..." : one;
  }

  /** The source CRS as a label, such as EPSG:32636. */
  public String name() {
    return name;
  }

  public boolean isIdentity() {
    return transform == null;
  }

  /** A copy of the geometry in lon/lat with SRID 4326; the geometry itself is not changed. */
  public Geometry toWgs84(Geometry g) {
    Geometry out = Geometries.FACTORY.createGeometry(g);
    if (transform == null) {
      return out;
    }
    out.apply(new ProjFilter(transform, false, false));
    out.geometryChanged();
    return out;
  }
}
