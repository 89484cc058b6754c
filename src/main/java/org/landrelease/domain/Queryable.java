package org.landrelease.domain;

/** A property of a feature collection that can be returned and filtered on, with the SQL that reads it. */
public record Queryable(String name, Type type, String description, String column) {
  /** JSON Schema types of the queryables; DATE is a string of format date. */
  public enum Type { STRING, NUMBER, INTEGER, DATE }

  public static Queryable of(String name, Type type, String description, String column) {
    return new Queryable(name, type, description, column);
  }
}
