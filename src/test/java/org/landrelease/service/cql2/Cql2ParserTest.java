package org.landrelease.service.cql2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Queryable;
import org.landrelease.geometry.OgcCrs;
import org.landrelease.store.FeatureFilter;
import org.landrelease.store.FeatureFilter.And;
import org.landrelease.store.FeatureFilter.Compare;
import org.landrelease.store.FeatureFilter.Intersects;
import org.landrelease.store.FeatureFilter.Not;
import org.landrelease.store.FeatureFilter.Op;
import org.landrelease.store.FeatureFilter.Or;

/** CQL2 text in, filter tree out; one situation per test. */
class Cql2ParserTest {
  private static final List<Queryable> QUERYABLES = List.of(
      Queryable.of("name", Queryable.Type.STRING, "", "name"),
      Queryable.of("area", Queryable.Type.NUMBER, "", "area"),
      Queryable.of("n", Queryable.Type.INTEGER, "", "n"),
      Queryable.of("day", Queryable.Type.DATE, "", "day"));

  private static FeatureFilter parse(String text) {
    return Cql2Parser.parse(text, QUERYABLES, OgcCrs.CRS84);
  }

  private static String error(String text) {
    return assertThrows(LedgerException.class, () -> parse(text)).getMessage();
  }

  @Test
  void andBindsTighterThanOr() {
    assertEquals(new Or(new Compare("name", Op.EQ, "a"), new And(new Compare("area", Op.GT, 1.0),
        new Compare("n", Op.LE, 2L))), parse("name = 'a' OR area > 1 AND n <= 2"));
  }

  @Test
  void parenthesesAndNotChangeTheGrouping() {
    assertEquals(new Not(new Or(new Compare("name", Op.EQ, "a"), new Compare("name", Op.NE, "b"))),
        parse("NOT (name = 'a' or name <> 'b')"));
  }

  @Test
  void literalOnTheLeftFlipsTheOperator() {
    assertEquals(new Compare("area", Op.GT, 5.0), parse("5 < area"));
  }

  @Test
  void quotesInStringsAreDoubled() {
    assertEquals(new Compare("name", Op.EQ, "O'Brien"), parse("\"name\" = 'O''Brien'"));
  }

  @Test
  void dateAndTimestampLiteralsBecomeDays() {
    assertEquals(new Compare("day", Op.GE, LocalDate.of(2024, 1, 1)), parse("day >= DATE('2024-01-01')"));
    assertEquals(new Compare("day", Op.LT, LocalDate.of(2024, 1, 2)),
        parse("day < TIMESTAMP('2024-01-02T01:00:00+03:00')".replace("+03:00", "Z")));
  }

  @Test
  void bboxLiteralIsAPolygonInCrs84() {
    FeatureFilter f = parse("S_INTERSECTS(geometry, BBOX(30, 50, 31, 51))");
    assertEquals("POLYGON ((30 50, 30 51, 31 51, 31 50, 30 50))", ((Intersects) f).geometry().toText());
  }

  @Test
  void wktLiteralInUtmIsReprojected() {
    FeatureFilter f = Cql2Parser.parse("S_INTERSECTS(POINT(285015.763 5542944.019), geometry)", QUERYABLES,
        OgcCrs.of("http://www.opengis.net/def/crs/EPSG/0/32636").orElseThrow());
    var c = ((Intersects) f).geometry().getCoordinate();
    assertEquals(30.0, c.x, 1e-7);
    assertEquals(50.0, c.y, 1e-7);
  }

  @Test
  void unknownPropertyIsNamedWithThoseThatExist() {
    String m = error("colour = 'red'");
    assertTrue(m.contains("position 1") && m.contains("unknown queryable 'colour'") && m.contains("area"), m);
  }

  @Test
  void errorsGiveThePosition() {
    assertTrue(error("area > 1 AND AND").contains("position 14"), error("area > 1 AND AND"));
    assertTrue(error("name = 'x").contains("position 8"));
    assertTrue(error("(area > 1").contains("position 10"));
    assertTrue(error("area > 1 name").contains("position 10"));
    assertTrue(error("area ! 1").contains("position 6"));
  }

  @Test
  void typeMismatchesAreRefused() {
    assertTrue(error("name = 3").contains("'name' is text"));
    assertTrue(error("area = 'big'").contains("expected a number"));
    assertTrue(error("day = DATE('tomorrow')").contains("not a date"));
    assertTrue(error("S_INTERSECTS(name, POINT(1 2))").contains("not a spatial queryable"));
    assertTrue(error("S_INTERSECTS(geometry, POINT(1))").contains("not valid WKT"));
    assertTrue(error("S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))").contains("Self-intersection"));
  }
}
