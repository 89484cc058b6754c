package org.landrelease.service.cql2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits CQL2 text into tokens, each with the position (1-based character) where it starts, for error messages. */
final class Cql2Lexer {
  enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL, GEOMETRY, END }

  record Token(Kind kind, String text, int position) {
    boolean is(String word) {
      return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
    }
  }

  /** Geometry literals are handed whole, up to their closing parenthesis, to the WKT reader. */
  private static final Set<String> WKT = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
      "MULTIPOLYGON", "GEOMETRYCOLLECTION");

  private Cql2Lexer() {}

  static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    int i = 0, n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        StringBuilder s = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw Cql2Parser.error("a string starting here is not closed with '", start + 1);
          }
          if (text.charAt(i) == '\'') {
            if (i + 1 < n && text.charAt(i + 1) == '\'') {
              s.append('\'');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          s.append(text.charAt(i++));
        }
        out.add(new Token(Kind.STRING, s.toString(), start + 1));
      } else if (c == '"') {
        int close = text.indexOf('"', i + 1);
        if (close < 0) {
          throw Cql2Parser.error("a quoted property name starting here is not closed with \"", start + 1);
        }
        out.add(new Token(Kind.QUOTED_NAME, text.substring(i + 1, close), start + 1));
        i = close + 1;
      } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < n
          && (Character.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '.') && numberMayStart(out))) {
        i++;
        while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == 'e'
            || text.charAt(i) == 'E' || ((text.charAt(i) == '-' || text.charAt(i) == '+')
            && (text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E')))) {
          i++;
        }
        out.add(new Token(Kind.NUMBER, text.substring(start, i), start + 1));
      } else if (Character.isLetter(c) || c == '_') {
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
            || text.charAt(i) == ':' || text.charAt(i) == '.')) {
          i++;
        }
        String word = text.substring(start, i);
        if (WKT.contains(word.toUpperCase(Locale.ROOT))) {
          i = closingParen(text, i, start);
          out.add(new Token(Kind.GEOMETRY, text.substring(start, i), start + 1));
        } else {
          out.add(new Token(Kind.WORD, word, start + 1));
        }
      } else if (c == '<' || c == '>') {
        i++;
        if (i < n && (text.charAt(i) == '=' || (c == '<' && text.charAt(i) == '>'))) {
          i++;
        }
        out.add(new Token(Kind.SYMBOL, text.substring(start, i), start + 1));
      } else if ("=(),".indexOf(c) >= 0) {
        i++;
        out.add(new Token(Kind.SYMBOL, String.valueOf(c), start + 1));
      } else {
        throw Cql2Parser.error("unexpected character '" + c + "'", start + 1);
      }
    }
    out.add(new Token(Kind.END, "", n + 1));
    return out;
  }

  /** A sign starts a number only where a value is expected, not after a value (there is no arithmetic here). */
  private static boolean numberMayStart(List<Token> before) {
    if (before.isEmpty()) {
      return true;
    }
    Token last = before.get(before.size() - 1);
    return last.kind() == Kind.SYMBOL || last.kind() == Kind.WORD && !last.text().isEmpty();
  }

  /** The index after the parenthesis that closes the one following a WKT keyword (EMPTY has none). */
  private static int closingParen(String text, int i, int start) {
    int open = i;
    while (open < text.length() && Character.isWhitespace(text.charAt(open))) {
      open++;
    }
    if (text.regionMatches(true, open, "EMPTY", 0, 5)) {
      return open + 5;
    }
    if (open >= text.length() || text.charAt(open) != '(') {
      throw Cql2Parser.error("a geometry literal needs its coordinates in parentheses", start + 1);
    }
    int depth = 0;
    for (int j = open; j < text.length(); j++) {
      if (text.charAt(j) == '(') {
        depth++;
      } else if (text.charAt(j) == ')' && --depth == 0) {
        return j + 1;
      }
    }
    throw Cql2Parser.error("a geometry literal starting here is not closed", start + 1);
  }
}
