package org.landrelease.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A donor's funding of one partner for a period. */
public record Grant(String id, String donor, String partner, String title, BigDecimal amount, String currency,
    LocalDate start, LocalDate end) {

  public boolean covers(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }
}
