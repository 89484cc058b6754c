package org.landrelease.service.cql2;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Queryable;
import org.landrelease.geometry.Geometries;
import org.landrelease.geometry.OgcCrs;
import org.landrelease.service.cql2.Cql2Lexer.Kind;
import org.landrelease.service.cql2.Cql2Lexer.Token;
import org.landrelease.store.FeatureFilter;
import org.landrelease.store.FeatureFilter.Op;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A recursive-descent parser of CQL2 text (basic CQL2, LIKE/BETWEEN/IN, DATE/TIMESTAMP literals, S_INTERSECTS with a
 * WKT or BBOX literal) into a feature filter. Properties are checked against the collection's queryables and literals
 * against the property's type; errors name the position (1-based character) in the filter text.
 */
public final class Cql2Parser {
  /** The name of the geometry in filters, as the queryables publish it. */
  public static final String GEOMETRY = "geometry";

  private final List<Token> tokens;
  private final Map<String, Queryable> queryables;
  private final OgcCrs filterCrs;
  private int next;

  private Cql2Parser(String text, Map<String, Queryable> queryables, OgcCrs filterCrs) {
    this.tokens = Cql2Lexer.tokens(text);
    this.queryables = queryables;
    this.filterCrs = filterCrs;
  }

  /** Parses a filter; geometry literals are in filterCrs and come out in CRS84. */
  public static FeatureFilter parse(String text, List<Queryable> queryables, OgcCrs filterCrs) {
    Map<String, Queryable> byName = new java.util.HashMap<>();
    queryables.forEach(q -> byName.put(q.name(), q));
    Cql2Parser p = new Cql2Parser(text, byName, filterCrs);
    FeatureFilter f = p.or();
    if (p.peek().kind() != Kind.END) {
      throw error("unexpected '" + p.peek().text() + "'; expected AND, OR or the end of the filter",
          p.peek().position());
    }
    return f;
  }

  static LedgerException error(String detail, int position) {
    return LedgerException.badRequest("invalid-filter", "invalid CQL2 filter at position " + position + ": " + detail)
        .with("ogc.invalidFilter", "position", position, "reason", detail);
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    return tokens.get(next++);
  }

  private boolean accept(String word) {
    if (peek().is(word)) {
      next++;
      return true;
    }
    return false;
  }

  private void expect(String word) {
    if (!accept(word)) {
      throw error("expected '" + word + "', found " + describe(peek()), peek().position());
    }
  }

  private static String describe(Token t) {
    return t.kind() == Kind.END ? "the end of the filter" : "'" + t.text() + "'";
  }

  private FeatureFilter or() {
    FeatureFilter left = and();
    while (accept("OR")) {
      left = new FeatureFilter.Or(left, and());
    }
    return left;
  }

  private FeatureFilter and() {
    FeatureFilter left = not();
    while (accept("AND")) {
      left = new FeatureFilter.And(left, not());
    }
    return left;
  }

  private FeatureFilter not() {
    if (accept("NOT")) {
      return new FeatureFilter.Not(not());
    }
    return primary();
  }

  private FeatureFilter primary() {
    Token t = peek();
    if (accept("(")) {
      FeatureFilter inner = or();
      expect(")");
      return inner;
    }
    if (t.is("TRUE") || t.is("FALSE")) {
      next++;
      return new FeatureFilter.Constant(t.is("TRUE"));
    }
    if (t.is("S_INTERSECTS")) {
      next++;
      return intersects();
    }
    return predicate();
  }

  private FeatureFilter intersects() {
    expect("(");
    Geometry a = spatialArgument(), b;
    expect(",");
    b = spatialArgument();
    expect(")");
    if ((a == null) == (b == null)) {
      throw error("S_INTERSECTS compares the property '" + GEOMETRY + "' with a geometry literal",
          peek().position());
    }
    return new FeatureFilter.Intersects(a == null ? b : a);
  }

  /** The geometry property (null) or a literal in CRS84. */
  private Geometry spatialArgument() {
    Token t = take();
    if (t.kind() == Kind.GEOMETRY) {
      try {
        Geometry g = new WKTReader(Geometries.FACTORY).read(t.text());
        org.locationtech.jts.operation.valid.IsValidOp valid = new org.locationtech.jts.operation.valid.IsValidOp(g);
        if (!valid.isValid()) {
          // the database would fail on it; say why, and where, as the ledger does for event geometries
          throw error("the geometry literal is not valid: " + valid.getValidationError(), t.position());
        }
        return filterCrs.toCrs84(g);
      } catch (ParseException e) {
        throw error("the geometry literal is not valid WKT: " + e.getMessage(), t.position());
      }
    }
    if (t.is("BBOX")) {
      expect("(");
      double[] v = new double[4];
      for (int i = 0; i < 4; i++) {
        if (i > 0) {
          expect(",");
        }
        v[i] = number(take());
      }
      expect(")");
      return Geometries.FACTORY.toGeometry(filterCrs.toCrs84(v[0], v[1], v[2], v[3]));
    }
    if (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_NAME) {
      if (!t.text().equals(GEOMETRY)) {
        throw error("'" + t.text() + "' is not a spatial queryable; use '" + GEOMETRY + "'", t.position());
      }
      return null;
    }
    throw error("expected '" + GEOMETRY + "', a WKT geometry or BBOX(...), found " + describe(t), t.position());
  }

  private FeatureFilter predicate() {
    Token left = take();
    Queryable property = property(left);
    if (property == null) {
      // a literal on the left: only a comparison with a property on the right can follow
      Token op = take();
      Op operator = operator(op);
      Queryable right = property(take());
      if (right == null) {
        throw error("a comparison needs a queryable property on one side", left.position());
      }
      return new FeatureFilter.Compare(right.name(), operator.flipped(), literal(left, right));
    }
    if (accept("IS")) {
      boolean negate = accept("NOT");
      expect("NULL");
      FeatureFilter f = new FeatureFilter.IsNull(property.name());
      return negate ? new FeatureFilter.Not(f) : f;
    }
    boolean negate = accept("NOT");
    FeatureFilter f;
    if (accept("LIKE")) {
      Token pattern = take();
      if (pattern.kind() != Kind.STRING || property.type() != Queryable.Type.STRING) {
        throw error("LIKE compares a text property with a 'pattern'", pattern.position());
      }
      f = new FeatureFilter.Like(property.name(), pattern.text());
    } else if (accept("BETWEEN")) {
      Object low = literal(take(), property);
      expect("AND");
      f = new FeatureFilter.Between(property.name(), low, literal(take(), property));
    } else if (accept("IN")) {
      expect("(");
      List<Object> values = new ArrayList<>();
      do {
        values.add(literal(take(), property));
      } while (accept(","));
      expect(")");
      f = new FeatureFilter.In(property.name(), values);
    } else if (negate) {
      throw error("expected LIKE, BETWEEN or IN after NOT, found " + describe(peek()), peek().position());
    } else {
      Op op = operator(take());
      f = new FeatureFilter.Compare(property.name(), op, literal(take(), property));
    }
    return negate ? new FeatureFilter.Not(f) : f;
  }

  /** The queryable a token names, or null when the token is a literal; an unknown name is an error. */
  private Queryable property(Token t) {
    boolean name = t.kind() == Kind.QUOTED_NAME || t.kind() == Kind.WORD && !isLiteralWord(t);
    if (!name) {
      return null;
    }
    Queryable q = queryables.get(t.text());
    if (q == null) {
      throw error("unknown queryable '" + t.text() + "'; this collection has " + queryables.keySet().stream()
          .sorted().toList(), t.position());
    }
    return q;
  }

  private static boolean isLiteralWord(Token t) {
    return t.is("DATE") || t.is("TIMESTAMP") || t.is("TRUE") || t.is("FALSE");
  }

  private Op operator(Token t) {
    return switch (t.kind() == Kind.SYMBOL ? t.text() : "") {
      case "=" -> Op.EQ;
      case "<>" -> Op.NE;
      case "<" -> Op.LT;
      case "<=" -> Op.LE;
      case ">" -> Op.GT;
      case ">=" -> Op.GE;
      default -> throw error("expected a comparison (=, <>, <, <=, >, >=), IS, LIKE, BETWEEN or IN, found "
          + describe(t), t.position());
    };
  }

  /** A literal of the property's type: text, a number, or a date (DATE('...'), TIMESTAMP('...') or 'YYYY-MM-DD'). */
  private Object literal(Token t, Queryable property) {
    switch (property.type()) {
      case STRING -> {
        if (t.kind() != Kind.STRING) {
          throw error("'" + property.name() + "' is text; compare it with a 'quoted string', found " + describe(t),
              t.position());
        }
        return t.text();
      }
      case NUMBER -> {
        return number(t);
      }
      case INTEGER -> {
        double v = number(t);
        if (v != Math.rint(v)) {
          return v;
        }
        return (long) v;
      }
      default -> {
        return date(t, property);
      }
    }
  }

  private static double number(Token t) {
    if (t.kind() != Kind.NUMBER) {
      throw error("expected a number, found " + describe(t), t.position());
    }
    try {
      return Double.parseDouble(t.text());
    } catch (NumberFormatException e) {
      throw error("'" + t.text() + "' is not a number", t.position());
    }
  }

  private LocalDate date(Token t, Queryable property) {
    String text;
    if (t.is("DATE") || t.is("TIMESTAMP")) {
      expect("(");
      Token s = take();
      if (s.kind() != Kind.STRING) {
        throw error(t.text() + "(...) takes a 'quoted' value", s.position());
      }
      expect(")");
      text = s.text();
    } else if (t.kind() == Kind.STRING) {
      text = t.text();
    } else {
      throw error("'" + property.name() + "' is a date; compare it with DATE('YYYY-MM-DD'), found " + describe(t),
          t.position());
    }
    try {
      return text.length() <= 10 ? LocalDate.parse(text)
          : OffsetDateTime.parse(text).atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      throw error("'" + text + "' is not a date (YYYY-MM-DD) or timestamp (RFC 3339)", t.position());
    }
  }
}
