package org.landrelease.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** When the demo's events happen: field work slows in winter and at weekends. */
final class DemoCalendar {
  /** Relative amount of field work per month, January first. */
  private static final double[] MONTH = {0.45, 0.5, 0.75, 1.0, 1.2, 1.3, 1.3, 1.3, 1.2, 1.1, 0.8, 0.5};

  private DemoCalendar() {}

  /** n sorted dates between first and last: fewer in winter and on Sundays when seasonal. */
  static List<LocalDate> dates(int n, LocalDate first, LocalDate last, boolean seasonal, SplittableRandom r) {
    List<LocalDate> days = new ArrayList<>();
    List<Double> cumulative = new ArrayList<>();
    double sum = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      double w = seasonal ? MONTH[d.getMonthValue() - 1] : 1;
      w *= d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.2 : d.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.6 : 1;
      sum += w;
      days.add(d);
      cumulative.add(sum);
    }
    double[] u = new double[n];
    for (int k = 0; k < n; k++) {
      u[k] = r.nextDouble() * sum;
    }
    Arrays.sort(u);
    List<LocalDate> out = new ArrayList<>(n);
    int at = 0;
    for (double x : u) {
      while (at < days.size() - 1 && cumulative.get(at) < x) {
        at++;
      }
      out.add(days.get(at));
    }
    return out;
  }
}
