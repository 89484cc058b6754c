package org.landrelease.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The test cluster itself: separate databases with PostGIS, and a committed row that survives a crash. */
class PgClusterTest {

  @Test
  void newDatabasesAreSeparateAndHavePostgis() throws Exception {
    PgCluster cluster = PgCluster.get();
    String first = cluster.createDatabase();
    String second = cluster.createDatabase();
    assertNotEquals(first, second);
    try (Connection a = connect(cluster, first); Connection b = connect(cluster, second)) {
      a.createStatement().execute("CREATE TABLE only_here (id INT)");
      assertEquals(1, count(a, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'"));
      assertEquals(0, count(b, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'"));
      for (Connection c : new Connection[] {a, b}) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT ST_Area(ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 1,0 0))', 4326))")) {
          rs.next();
          assertEquals(1.0, rs.getDouble(1), 0.0);
        }
      }
    }
  }

  @Test
  void committedRowSurvivesCrash() throws Exception {
    PgCluster cluster = PgCluster.get();
    String url = cluster.createDatabase();
    try (Connection c = connect(cluster, url); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE released (id INT PRIMARY KEY, geom geometry(POLYGON, 4326))");
      c.setAutoCommit(false);
      st.execute("INSERT INTO released VALUES (7, ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 1,0 0))', 4326))");
      c.commit();
    }
    cluster.stopImmediate();
    cluster.start();
    try (Connection c = connect(cluster, url)) {
      assertEquals(1, count(c, "SELECT count(*) FROM released WHERE id = 7 AND ST_Area(geom) = 1"));
    }
  }

  private static Connection connect(PgCluster cluster, String url) throws Exception {
    return DriverManager.getConnection(url, cluster.user(), null);
  }

  private static long count(Connection c, String sql) throws Exception {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
