package org.landrelease.service;

/** Presents m² as km², rounded to the square metre. */
public final class Km2 {
  private Km2() {}

  public static double of(double m2) {
    return Math.round(m2) / 1e6;
  }
}
