package org.landrelease.service;

import java.util.Map;
import java.util.regex.Pattern;
import org.landrelease.store.FeatureFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Runs a feature filter over a feature held in memory (the regions collection), with the same meaning the SQL has;
 * as in SQL, a comparison with a missing value is not true.
 */
final class FeatureMatcher {
  private FeatureMatcher() {}

  static boolean matches(FeatureFilter f, Map<String, Object> properties, Geometry geometry) {
    if (f instanceof FeatureFilter.And a) {
      return matches(a.left(), properties, geometry) && matches(a.right(), properties, geometry);
    } else if (f instanceof FeatureFilter.Or o) {
      return matches(o.left(), properties, geometry) || matches(o.right(), properties, geometry);
    } else if (f instanceof FeatureFilter.Not n) {
      return !matches(n.inner(), properties, geometry);
    } else if (f instanceof FeatureFilter.Compare c) {
      Integer cmp = compare(properties.get(c.property()), c.value());
      if (cmp == null) {
        return false;
      }
      return switch (c.op()) {
        case EQ -> cmp == 0;
        case NE -> cmp != 0;
        case LT -> cmp < 0;
        case LE -> cmp <= 0;
        case GT -> cmp > 0;
        case GE -> cmp >= 0;
      };
    } else if (f instanceof FeatureFilter.Like l) {
      Object v = properties.get(l.property());
      return v != null && likePattern(l.pattern()).matcher(v.toString()).matches();
    } else if (f instanceof FeatureFilter.In in) {
      Object v = properties.get(in.property());
      return in.values().stream().anyMatch(x -> Integer.valueOf(0).equals(compare(v, x)));
    } else if (f instanceof FeatureFilter.Between b) {
      Integer low = compare(properties.get(b.property()), b.low());
      Integer high = compare(properties.get(b.property()), b.high());
      return low != null && high != null && low >= 0 && high <= 0;
    } else if (f instanceof FeatureFilter.IsNull n) {
      return properties.get(n.property()) == null;
    } else if (f instanceof FeatureFilter.Intersects i) {
      return geometry != null && geometry.getEnvelopeInternal().intersects(i.geometry().getEnvelopeInternal())
          && geometry.intersects(i.geometry());
    } else if (f instanceof FeatureFilter.Constant c) {
      return c.value();
    }
    throw new IllegalArgumentException("unknown filter " + f);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Integer compare(Object value, Object literal) {
    if (value == null || literal == null) {
      return null;
    }
    if (value instanceof Number a && literal instanceof Number b) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    return ((Comparable) value).compareTo(literal);
  }

  /** CQL2 LIKE: % any run of characters, _ one character, backslash escapes either. */
  private static Pattern likePattern(String like) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
