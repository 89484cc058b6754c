package org.landrelease.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.h2gis.functions.io.dbf.internal.DbaseFileException;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.shp.SHPWrite;
import org.h2gis.functions.io.shp.internal.SHPDriver;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.landrelease.geometry.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A zipped Shapefile (.shp, .shx, .dbf, .prj in WGS84, .cpg UTF-8), written by H2GIS SHPWRITE from a table in a
 * private in-memory H2 database (never the ledger's). Text is cut at 254 characters, the DBF limit.
 */
final class ShapefileWriter implements FeatureWriter {
  /** ESRI WKT of WGS84 lon/lat, as ArcGIS, QGIS and GDAL write it. */
  static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
      + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
  private final Path zip;
  private final FeatureSchema schema;
  private final Path dir;
  private final Connection db;
  private final PreparedStatement insert;
  private int pending;
  private int rows;

  ShapefileWriter(Path zip, FeatureSchema schema) throws IOException {
    this.zip = zip;
    this.schema = schema;
    this.dir = Files.createTempDirectory("export-shp");
    try {
      db = DriverManager.getConnection("jdbc:h2:mem:", "sa", "");
      StringBuilder ddl = new StringBuilder("CREATE TABLE OUT (\"geom\" GEOMETRY(MULTIPOLYGON)");
      StringBuilder marks = new StringBuilder("?");
      for (FeatureSchema.Field f : schema.fields()) {
        ddl.append(", \"").append(f.name()).append("\" ").append(switch (f.type()) {
          case TEXT -> "VARCHAR(254)";
          case INTEGER -> "BIGINT";
          case REAL -> "DOUBLE PRECISION";
          case DATE -> "DATE";
        });
        marks.append(", ?");
      }
      try (Statement st = db.createStatement()) {
        st.execute(ddl.append(')').toString());
      }
      insert = db.prepareStatement("INSERT INTO OUT VALUES (" + marks + ")");
    } catch (SQLException e) {
      ShapefileSource.deleteAll(dir);
      throw new IOException("cannot prepare the Shapefile: " + e.getMessage(), e);
    }
  }

  @Override
  public void write(Geometry geometry, List<Object> values) throws IOException {
    Geometry multi = geometry instanceof Polygon p ? Geometries.FACTORY.createMultiPolygon(new Polygon[] {p})
        : geometry;
    try {
      multi.setSRID(0);
      insert.setObject(1, multi);
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i);
        if (v instanceof String s && s.length() > 254) {
          v = s.substring(0, 254);
        }
        insert.setObject(i + 2, v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v);
      }
      insert.addBatch();
      rows++;
      if (++pending == 1000) {
        insert.executeBatch();
        pending = 0;
      }
    } catch (SQLException e) {
      throw new IOException("cannot write a Shapefile row: " + e.getMessage(), e);
    }
  }

  @Override
  public void finish() throws IOException {
    String base = schema.layer();
    try {
      if (rows == 0) {
        writeEmpty(dir.resolve(base + ".shp"));
      } else {
        insert.executeBatch();
        SHPWrite.exportTable(db, dir.resolve(base + ".shp").toString(), "OUT", "UTF-8", true);
      }
    } catch (SQLException e) {
      throw new IOException("cannot write the Shapefile: " + e.getMessage(), e);
    }
    Files.writeString(dir.resolve(base + ".prj"), WGS84_PRJ, StandardCharsets.US_ASCII);
    Files.writeString(dir.resolve(base + ".cpg"), "UTF-8", StandardCharsets.US_ASCII);
    List<Path> parts = new ArrayList<>();
    for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
      parts.add(dir.resolve(base + "." + ext));
    }
    try (OutputStream out = Files.newOutputStream(zip)) {
      ZipEntries.zip(parts, out);
    }
  }

  /**
   * A polygon Shapefile with the layer's fields and no record. SHPWRITE cannot write one (it learns the shape type
   * from the rows), so the driver under it writes the headers; the field types are those SHPWRITE gives.
   */
  private void writeEmpty(Path shp) throws IOException {
    DbaseFileHeader header = new DbaseFileHeader();
    header.setEncoding("UTF-8");
    try {
      for (FeatureSchema.Field f : schema.fields()) {
        switch (f.type()) {
          case TEXT -> header.addColumn(f.name(), 'C', 254, 0);
          case INTEGER -> header.addColumn(f.name(), 'N', 18, 0);
          case REAL -> header.addColumn(f.name(), 'F', 20, 18);
          case DATE -> header.addColumn(f.name(), 'D', 8, 0);
        }
      }
    } catch (DbaseFileException e) {
      throw new IOException("cannot describe the Shapefile's fields: " + e.getMessage(), e);
    }
    SHPDriver driver = new SHPDriver();
    driver.initDriver(shp.toFile(), ShapeType.POLYGON, header);
    driver.close();
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // in memory: nothing to lose
    }
    ShapefileSource.deleteAll(dir);
  }
}
