package org.landrelease.domain;

/**
 * Where an event stands in the approval workflow. Only APPROVED events count in any figure; REJECTED and WITHDRAWN
 * are final and never count.
 */
public enum EventStatus {
  SUBMITTED, APPROVED, REJECTED, WITHDRAWN;

  public boolean isFinal() {
    return this != SUBMITTED;
  }
}
