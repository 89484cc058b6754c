package org.landrelease.files;

import java.util.List;

/**
 * The attribute columns of an exported layer. Names are at most 10 characters (the Shapefile limit), so every
 * format carries the same names.
 */
public record FeatureSchema(String layer, List<Field> fields) {
  public enum Type { TEXT, INTEGER, REAL, DATE }

  public record Field(String name, Type type) {
    public Field {
      if (name.length() > 10) {
        throw new IllegalArgumentException("field name over 10 characters: " + name);
      }
    }
  }

  public static Field text(String name) {
    return new Field(name, Type.TEXT);
  }

  public static Field integer(String name) {
    return new Field(name, Type.INTEGER);
  }

  public static Field real(String name) {
    return new Field(name, Type.REAL);
  }

  public static Field date(String name) {
    return new Field(name, Type.DATE);
  }
}
