package org.landrelease.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text a person reads, named by its key under {@code problem.detail.} of the language files, with the arguments of
 * its {@code {name}} placeholders. The English text stays the exception's message for logs; the HTTP layer answers in
 * the reader's language. An argument that is itself a Message is translated too (IsValidOp's reason inside
 * "invalid Polygon: {reason}").
 */
public record Message(String key, Map<String, Object> args) {
  public Message {
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }

  /** A key and its arguments as name, value, name, value...; a null value is shown as "none". */
  public static Message of(String key, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("arguments come in name, value pairs: " + key);
    }
    Map<String, Object> args = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object v = namesAndValues[i + 1];
      args.put((String) namesAndValues[i], v == null ? "none" : v);
    }
    return new Message(key, args);
  }
}
