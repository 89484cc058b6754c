package org.landrelease.store;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.landrelease.domain.Queryable;
import org.landrelease.geometry.Geometries;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature filter as a parameterised SQL condition: property names become the table's column expressions, and every
 * value the user wrote is a bound parameter, never text in the statement.
 */
final class FilterSql {
  private final Map<String, Queryable> queryables;
  private final String geometryColumn;
  private final StringBuilder sql;
  private final List<Object> args;

  private FilterSql(FeatureTable table, StringBuilder sql, List<Object> args) {
    this.queryables = new java.util.HashMap<>();
    table.queryables().forEach(q -> queryables.put(q.name(), q));
    this.geometryColumn = table.geometry;
    this.sql = sql;
    this.args = args;
  }

  static void append(FeatureTable table, FeatureFilter filter, StringBuilder sql, List<Object> args) {
    new FilterSql(table, sql, args).write(filter);
  }

  private void write(FeatureFilter f) {
    if (f instanceof FeatureFilter.And a) {
      binary(a.left(), "AND", a.right());
    } else if (f instanceof FeatureFilter.Or o) {
      binary(o.left(), "OR", o.right());
    } else if (f instanceof FeatureFilter.Not n) {
      sql.append("NOT (");
      write(n.inner());
      sql.append(')');
    } else if (f instanceof FeatureFilter.Compare c) {
      sql.append(column(c.property())).append(' ').append(c.op().sql).append(" ?");
      args.add(value(c.value()));
    } else if (f instanceof FeatureFilter.Like l) {
      sql.append(column(l.property())).append(" LIKE ? ESCAPE '\\'");
      args.add(l.pattern());
    } else if (f instanceof FeatureFilter.In in) {
      sql.append(column(in.property())).append(" IN (");
      for (int i = 0; i < in.values().size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
        args.add(value(in.values().get(i)));
      }
      sql.append(')');
    } else if (f instanceof FeatureFilter.Between b) {
      sql.append(column(b.property())).append(" BETWEEN ? AND ?");
      args.add(value(b.low()));
      args.add(value(b.high()));
    } else if (f instanceof FeatureFilter.IsNull n) {
      sql.append(column(n.property())).append(" IS NULL");
    } else if (f instanceof FeatureFilter.Intersects i) {
      // the bounding-box test first: alone, ST_Intersects does not use the spatial index
      Geometry g = i.geometry().copy();
      g.setSRID(Geometries.SRID);
      sql.append('(').append(geometryColumn).append(" && ? AND ST_Intersects(").append(geometryColumn)
          .append(", ?))");
      args.add(g);
      args.add(g);
    } else if (f instanceof FeatureFilter.Constant c) {
      sql.append(c.value() ? "1 = 1" : "1 = 0");
    } else {
      throw new IllegalArgumentException("unknown filter " + f);
    }
  }

  private void binary(FeatureFilter left, String op, FeatureFilter right) {
    sql.append('(');
    write(left);
    sql.append(' ').append(op).append(' ');
    write(right);
    sql.append(')');
  }

  private String column(String property) {
    Queryable q = queryables.get(property);
    if (q == null) {
      throw new IllegalArgumentException("no queryable " + property);
    }
    return q.column();
  }

  private static Object value(Object v) {
    return v instanceof LocalDate d ? Date.valueOf(d) : v;
  }
}
