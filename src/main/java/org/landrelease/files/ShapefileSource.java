package org.landrelease.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.h2gis.functions.io.shp.SHPRead;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.Reprojection;
import org.locationtech.jts.geom.Geometry;

/**
 * A zipped Shapefile (.shp, .shx, .dbf, and the .prj that says its CRS), read by H2GIS SHPREAD into a private
 * in-memory H2 database of its own, never the ledger's. The CRS comes from the .prj WKT (OGC or ESRI flavour).
 */
final class ShapefileSource implements FeatureSource {
  private final Path dir;
  private final Connection db;
  private final List<String> columns;
  private final Reprojection crs;
  private final Map<String, List<java.time.LocalDate>> dates;

  private ShapefileSource(Path dir, Connection db, List<String> columns, Reprojection crs,
      Map<String, List<java.time.LocalDate>> dates) {
    this.dir = dir;
    this.dates = dates;
    this.db = db;
    this.columns = columns;
    this.crs = crs;
  }

  static ShapefileSource open(Path zip, String layer) throws IOException {
    Path dir = Files.createTempDirectory("import-shp");
    try {
      ZipEntries.unzipShapefileParts(zip, dir);
      Path shp = chooseShp(dir, layer);
      String base = shp.getFileName().toString().replaceFirst("\\.shp$", "");
      for (String part : List.of("shx", "dbf")) {
        if (!Files.exists(dir.resolve(base + "." + part))) {
          throw FeatureSources.unreadable("zipped Shapefile", "it has " + base + ".shp but no " + base + "." + part);
        }
      }
      Path prj = dir.resolve(base + ".prj");
      if (!Files.exists(prj)) {
        throw LedgerException.unprocessable("missing-crs", "the Shapefile " + base + ".shp has no .prj, so the "
            + "ledger cannot tell in which CRS its coordinates are; add the .prj to the zip")
                .with("file.shapefileWithoutPrj", "base", base);
      }
      Reprojection crs = FeatureSources.crsOfWkt(Files.readString(prj, StandardCharsets.ISO_8859_1),
          "the .prj of " + base + ".shp");
      Path cpg = dir.resolve(base + ".cpg");
      String encoding = Files.exists(cpg) ? Files.readString(cpg, StandardCharsets.US_ASCII).trim() : null;
      Connection db = DriverManager.getConnection("jdbc:h2:mem:", "sa", "");
      try {
        SHPRead.importTable(db, shp.toAbsolutePath().toString(), "SRC", encoding, true);
        List<String> columns = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM SRC WHERE 1 = 0")) {
          ResultSetMetaData md = rs.getMetaData();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            String c = md.getColumnName(i);
            if (!c.equals("PK") && !c.equals("THE_GEOM")) {
              columns.add(c);
            }
          }
        }
        return new ShapefileSource(dir, db, List.copyOf(columns), crs,
            DbfDates.read(dir.resolve(base + ".dbf")));
      } catch (SQLException | IOException | RuntimeException e) {
        db.close();
        throw FeatureSources.unreadable("Shapefile", GeoPackageSource.rootMessage(e));
      }
    } catch (SQLException e) {
      deleteAll(dir);
      throw FeatureSources.unreadable("Shapefile", e.getMessage());
    } catch (IOException | RuntimeException e) {
      deleteAll(dir);
      throw e;
    }
  }

  private static Path chooseShp(Path dir, String layer) throws IOException {
    List<Path> shps;
    try (Stream<Path> files = Files.list(dir)) {
      shps = files.filter(f -> f.getFileName().toString().endsWith(".shp")).sorted().toList();
    }
    List<String> names = shps.stream().map(p -> p.getFileName().toString()).toList();
    if (layer != null) {
      String wanted = layer.endsWith(".shp") ? layer : layer + ".shp";
      return shps.stream().filter(p -> p.getFileName().toString().equals(wanted)).findFirst().orElseThrow(() ->
          LedgerException.unprocessable("unknown-layer", "the zip has no " + wanted + "; it has " + names)
              .with("file.zipWithout", "wanted", wanted, "names", names));
    }
    if (shps.size() != 1) {
      throw shps.isEmpty() ? FeatureSources.unreadable("zipped Shapefile", "the zip holds no .shp file")
          : LedgerException.unprocessable("choose-layer", "the zip holds " + names + "; name one with 'layer'")
              .with("file.zipChooseLayer", "names", names);
    }
    return shps.get(0);
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
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM SRC ORDER BY PK")) {
      int index = 0;
      while (rs.next()) {
        index++;
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String c : columns) {
          Object v = rs.getObject(c);
          List<java.time.LocalDate> column = dates.get(c.toUpperCase(java.util.Locale.ROOT));
          if (v == null && column != null && index <= column.size()) {
            v = column.get(index - 1); // H2GIS reads these dates as null
          }
          attributes.put(c, v instanceof java.sql.Date d ? d.toLocalDate() : v);
        }
        Object g = rs.getObject("THE_GEOM");
        sink.accept(new SourceFeature(index, String.valueOf(rs.getLong("PK")), (Geometry) g, null, attributes));
      }
    }
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // an in-memory database: nothing to lose
    }
    deleteAll(dir);
  }

  static void deleteAll(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory: the OS cleans it up eventually
    }
  }
}
