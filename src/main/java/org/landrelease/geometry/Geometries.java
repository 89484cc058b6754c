package org.landrelease.geometry;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The one geometry factory and precision model of the ledger. */
public final class Geometries {
  /** WGS84 lon/lat. */
  public static final int SRID = 4326;
  /** Snap-rounding grid for overlays: 1e-7 degree, about 1 cm. */
  public static final PrecisionModel PRECISION = new PrecisionModel(1e7);
  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

  private Geometries() {}
}
