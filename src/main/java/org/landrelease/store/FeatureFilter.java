package org.landrelease.store;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A filter on the features of a collection, as the store can run it: the tree a CQL2 expression parses into. Property
 * names are queryables of the collection; literal values are already of the property's type (String, Double, Long,
 * LocalDate); geometries are in CRS84 (longitude, latitude).
 */
public sealed interface FeatureFilter {
  enum Op {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    public final String sql;

    Op(String sql) {
      this.sql = sql;
    }

    /** The operator that gives the same answer with its operands swapped: 5 < x is x > 5. */
    public Op flipped() {
      return switch (this) {
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
        default -> this;
      };
    }
  }

  record And(FeatureFilter left, FeatureFilter right) implements FeatureFilter {}

  record Or(FeatureFilter left, FeatureFilter right) implements FeatureFilter {}

  record Not(FeatureFilter inner) implements FeatureFilter {}

  record Compare(String property, Op op, Object value) implements FeatureFilter {}

  record Like(String property, String pattern) implements FeatureFilter {}

  record In(String property, List<Object> values) implements FeatureFilter {}

  record Between(String property, Object low, Object high) implements FeatureFilter {}

  record IsNull(String property) implements FeatureFilter {}

  record Intersects(Geometry geometry) implements FeatureFilter {}

  record Constant(boolean value) implements FeatureFilter {}
}
