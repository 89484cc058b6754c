package org.landrelease.demo;

import java.util.SplittableRandom;

/** Random draws of the demo scenario, all from its seeded generators. */
final class DemoRandom {
  private DemoRandom() {}

  /** An index in proportion to its weight. */
  static int weightedIndex(SplittableRandom r, double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double x = r.nextDouble(sum);
    int k = 0;
    while (k < weights.length - 1 && (x -= weights[k]) >= 0) {
      k++;
    }
    return k;
  }

  static String pick(SplittableRandom r, String[] values, double[] weights) {
    return values[weightedIndex(r, weights)];
  }

  /** Standard normal (Box–Muller). */
  static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Poisson by Knuth's method; its normal approximation for large means. */
  static int poisson(SplittableRandom r, double lambda) {
    if (lambda > 30) {
      return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * gaussian(r)));
    }
    double l = Math.exp(-lambda);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
