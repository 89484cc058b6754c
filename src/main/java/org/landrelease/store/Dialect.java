package org.landrelease.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.landrelease.geometry.Geometries;
import org.postgresql.util.PGobject;

/**
 * Where the two stores differ, all of it. The SQL text is the same on both: geometry parameters are plain '?' and
 * columns are read as they are, and only the Java side of the exchange differs. H2GIS hands JTS geometries over
 * as they are; PostgreSQL takes and gives (E)WKB, sent as a typed 'geometry' parameter so that '&&' and the GiST
 * index see a geometry, not text.
 */
public enum Dialect {
  H2GIS("h2"),
  POSTGIS("postgresql");

  /** The folder of this store's own migrations under db/migration, beside db/migration/common. */
  final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  /** Binds a geometry parameter; the geometry is in EPSG:4326 (lon/lat). */
  static void setGeometry(PreparedStatement ps, int index, Geometry g) throws SQLException {
    if (ps.isWrapperFor(org.postgresql.PGStatement.class)) {
      Geometry withSrid = g;
      if (g.getSRID() != Geometries.SRID) {
        withSrid = g.copy();
        withSrid.setSRID(Geometries.SRID);
      }
      PGobject o = new PGobject();
      o.setType("geometry");
      o.setValue(WKBWriter.toHex(new WKBWriter(2, true).write(withSrid)));
      ps.setObject(index, o);
    } else {
      ps.setObject(index, g);
    }
  }

  /** Reads a geometry column: a JTS geometry from H2GIS, hex EWKB from PostgreSQL. */
  static Geometry geometry(ResultSet rs, int column) throws SQLException {
    Object o = rs.getObject(column);
    if (o == null || o instanceof Geometry) {
      return (Geometry) o;
    }
    try {
      byte[] wkb = o instanceof byte[] b ? b : WKBReader.hexToBytes(o.toString());
      Geometry g = new WKBReader(Geometries.FACTORY).read(wkb);
      g.setSRID(Geometries.SRID);
      return g;
    } catch (ParseException e) {
      throw new SQLException("unreadable geometry in column " + column, e);
    }
  }
}
