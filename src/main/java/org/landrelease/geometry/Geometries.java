package org.landrelease.geometry;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The one geometry factory and precision model of the ledger. */
public final class Geometries {
  /** WGS84 lon/lat. */
  public static final int SRID = 4326;
  /**
   * Snap-rounding grid for overlays: 1e-8 degree, about 1 mm. Each new vertex an overlay makes moves by up to half a
   * grid step, which changes a hazard's area by about (edge length × 0.5 mm) / 2: well under 0.1 m² for field edges.
   */
  public static final PrecisionModel PRECISION = new PrecisionModel(1e8);
  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

  private Geometries() {}
}
