package org.landrelease.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.Geometries;
import org.landrelease.geometry.Reprojection;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

/**
 * One feature table of a GeoPackage (mil.nga geopackage-java). The table's SRS says its CRS; the GeoPackage
 * "undefined" systems (srs_id 0 and -1) say nothing, which is refused as missing-crs.
 */
final class GeoPackageSource implements FeatureSource {
  private final GeoPackage geoPackage;
  private final FeatureDao dao;
  private final List<String> columns;
  private final Reprojection crs;

  private GeoPackageSource(GeoPackage geoPackage, FeatureDao dao, List<String> columns, Reprojection crs) {
    this.geoPackage = geoPackage;
    this.dao = dao;
    this.columns = columns;
    this.crs = crs;
  }

  static GeoPackageSource open(Path file, String layer) {
    GeoPackage gp;
    try {
      gp = GeoPackageManager.open(file.toFile(), false);
    } catch (RuntimeException e) {
      throw FeatureSources.unreadable("GeoPackage", rootMessage(e));
    }
    try {
      List<String> tables = gp.getFeatureTables();
      String table = chooseTable(tables, layer);
      FeatureDao dao = gp.getFeatureDao(table);
      List<String> columns = new ArrayList<>();
      for (String c : dao.getColumnNames()) {
        if (!c.equals(dao.getGeometryColumnName()) && !c.equals(dao.getPkColumnName())) {
          columns.add(c);
        }
      }
      return new GeoPackageSource(gp, dao, List.copyOf(columns), crsOf(dao.getSrs(), table));
    } catch (LedgerException e) {
      gp.close();
      throw e;
    } catch (RuntimeException e) {
      gp.close();
      throw FeatureSources.unreadable("GeoPackage", rootMessage(e));
    }
  }

  private static String chooseTable(List<String> tables, String layer) {
    if (layer != null) {
      if (!tables.contains(layer)) {
        throw LedgerException.unprocessable("unknown-layer", "the GeoPackage has no feature table '" + layer
            + "'; its feature tables are " + tables).with("file.noSuchTable", "layer", layer, "tables", tables);
      }
      return layer;
    }
    if (tables.size() != 1) {
      throw LedgerException.unprocessable(tables.isEmpty() ? "no-features" : "choose-layer", tables.isEmpty()
          ? "the GeoPackage has no feature table"
          : "the GeoPackage has feature tables " + tables + "; name one with the 'layer' parameter")
          .with(tables.isEmpty() ? "file.gpkgNoTable" : "file.gpkgTables", "tables", tables);
    }
    return tables.get(0);
  }

  private static Reprojection crsOf(SpatialReferenceSystem srs, String table) {
    if (srs == null || srs.getSrsId() == 0 || srs.getSrsId() == -1) {
      throw LedgerException.unprocessable("missing-crs", "feature table '" + table + "' has an undefined spatial "
          + "reference system (srs_id " + (srs == null ? "none" : srs.getSrsId()) + "); the ledger cannot tell "
          + "where its coordinates are. Assign a CRS (e.g. ogr2ogr -a_srs EPSG:4326) and import again")
              .with("file.gpkgUndefinedCrs", "table", table, "srs", srs == null ? "none" : srs.getSrsId());
    }
    String where = "the SRS of feature table '" + table + "'";
    if ("EPSG".equalsIgnoreCase(srs.getOrganization())) {
      try {
        return Reprojection.fromEpsg((int) srs.getOrganizationCoordsysId());
      } catch (IllegalArgumentException e) {
        // fall back to its definition
      }
    }
    String definition = srs.getDefinition();
    if (definition == null || definition.isBlank() || definition.trim().equalsIgnoreCase("undefined")) {
      throw LedgerException.unprocessable("missing-crs", where + " has no usable definition")
          .with("file.crsNoDefinition", "where", where);
    }
    return FeatureSources.crsOfWkt(definition, where);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.length() > 200 ? m.substring(0, 200) + "..." : m;
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public Reprojection crs() {
    return crs;
  }

  @Override
  public void forEach(Sink sink) throws Exception {
    WKBReader wkb = new WKBReader(Geometries.FACTORY);
    int index = 0;
    FeatureResultSet rs = dao.queryForAll();
    try {
      while (rs.moveToNext()) {
        FeatureRow row = rs.getRow();
        index++;
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String c : columns) {
          attributes.put(c, row.getValue(c));
        }
        Geometry geometry = null;
        String problem = null;
        try {
          GeoPackageGeometryData data = row.getGeometry();
          if (data != null && !data.isEmpty() && data.getWkb() != null) {
            geometry = wkb.read(data.getWkb());
          }
        } catch (Exception e) {
          problem = "unreadable geometry: " + rootMessage(e);
        }
        sink.accept(new SourceFeature(index, String.valueOf(row.getId()), geometry, problem, attributes));
      }
    } finally {
      rs.close();
    }
  }

  @Override
  public void close() {
    geoPackage.close();
  }
}
