package org.landrelease.files;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.landrelease.geometry.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;

/**
 * A GeoPackage with one MULTIPOLYGON feature table in EPSG:4326 (mil.nga geopackage-java), written in transactions
 * of a few thousand rows; the table's extent in gpkg_contents and its R-tree spatial index are made when the file is
 * finished.
 */
final class GeoPackageWriter implements FeatureWriter {
  private static final int ROWS_PER_TRANSACTION = 2000;
  private final GeoPackage gp;
  private final FeatureDao dao;
  private final FeatureSchema schema;
  private final WKBWriter wkb = new WKBWriter();
  private final Envelope extent = new Envelope();
  private final long srsId;
  private int rows;

  GeoPackageWriter(Path file, FeatureSchema schema) throws IOException {
    this.schema = schema;
    GeoPackageManager.create(file.toFile());
    gp = GeoPackageManager.open(file.toFile());
    try {
      SpatialReferenceSystem srs = gp.getSpatialReferenceSystemDao().getOrCreateFromEpsg(Geometries.SRID);
      srsId = srs.getSrsId();
      GeometryColumns gc = new GeometryColumns();
      gc.setId(new TableColumnKey(schema.layer(), "geom"));
      gc.setGeometryType(GeometryType.MULTIPOLYGON);
      gc.setZ((byte) 0);
      gc.setM((byte) 0);
      gc.setSrs(srs);
      List<FeatureColumn> columns = new ArrayList<>();
      for (FeatureSchema.Field f : schema.fields()) {
        columns.add(FeatureColumn.createColumn(f.name(), switch (f.type()) {
          case TEXT -> GeoPackageDataType.TEXT;
          case INTEGER -> GeoPackageDataType.INTEGER;
          case REAL -> GeoPackageDataType.DOUBLE;
          case DATE -> GeoPackageDataType.DATE;
        }));
      }
      gp.createFeatureTable(FeatureTableMetadata.create(gc, "fid", columns, new BoundingBox(-180, -90, 180, 90)));
      dao = gp.getFeatureDao(schema.layer());
      gp.beginTransaction();
    } catch (java.sql.SQLException | RuntimeException e) {
      gp.close();
      throw new IOException("cannot create the GeoPackage: " + e.getMessage(), e);
    }
  }

  @Override
  public void write(Geometry geometry, List<Object> values) throws IOException {
    Geometry multi = geometry instanceof Polygon p ? Geometries.FACTORY.createMultiPolygon(new Polygon[] {p})
        : geometry;
    if (!(multi instanceof MultiPolygon)) {
      throw new IOException("a GeoPackage MULTIPOLYGON layer cannot hold a " + geometry.getGeometryType());
    }
    extent.expandToInclude(multi.getEnvelopeInternal());
    FeatureRow row = dao.newRow();
    row.setGeometry(GeoPackageGeometryData.createBuildEnvelopeAndWrite(srsId,
        mil.nga.sf.wkb.GeometryReader.readGeometry(wkb.write(multi))));
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      row.setValue(schema.fields().get(i).name(), v instanceof LocalDate d ? d.toString() : v);
    }
    dao.create(row);
    if (++rows % ROWS_PER_TRANSACTION == 0) {
      gp.endAndBeginTransaction();
    }
  }

  @Override
  public void finish() throws IOException {
    gp.endTransaction(true);
    try {
      Contents contents = dao.getContents();
      if (!extent.isNull()) {
        contents.setMinX(extent.getMinX());
        contents.setMinY(extent.getMinY());
        contents.setMaxX(extent.getMaxX());
        contents.setMaxY(extent.getMaxY());
      }
      gp.getContentsDao().update(contents);
    } catch (java.sql.SQLException e) {
      throw new IOException("cannot record the GeoPackage extent: " + e.getMessage(), e);
    }
    try {
      // the gpkg_rtree_index extension, as GDAL writes it: QGIS and GDAL find features by extent without a scan
      new RTreeIndexExtension(gp).create(dao.getTable());
    } catch (RuntimeException e) {
      throw new IOException("cannot index the GeoPackage: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (gp.inTransaction()) {
      gp.endTransaction(false);
    }
    gp.close();
  }
}
