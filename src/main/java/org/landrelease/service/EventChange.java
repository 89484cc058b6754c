package org.landrelease.service;

import org.landrelease.domain.EventStatus;
import org.landrelease.domain.EventType;
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.StoredEvent;

/**
 * What an event changed, in its own terms and with the reversal sign: the one rule behind the API's event list, an
 * event's result and the exported events layer. A release reports the land it released, a hazard report the land it
 * added; a reversal reads as a negative release (the land it made contaminated again). An event that is not approved
 * changed nothing, so it has no figure (null, not zero).
 */
public final class EventChange {
  private EventChange() {}

  /** A release, or a reversal (whose pieces are releases of negative area): its change is a released area. */
  public static boolean readsAsRelease(EventType type) {
    return type.isRelease() || type == EventType.REVERSAL;
  }

  /** The name of the figure: "releasedKm2" for releases and reversals, "addedKm2" for hazard reports. */
  public static String figure(EventType type) {
    return readsAsRelease(type) ? "releasedKm2" : "addedKm2";
  }

  /** Whether a piece of an event of this type is part of what the event changed. */
  public static boolean counts(EventType type, PieceKind kind) {
    return readsAsRelease(type) ? kind.isRelease() : kind == PieceKind.ADDED;
  }

  /**
   * The m² an approved event changed, from its stored figures without reading its pieces: approval writes outside =
   * footprint − changed, so changed = footprint − outside, negative for a reversal. Null when not approved.
   */
  public static Double changedM2(StoredEvent e) {
    if (e.status() != EventStatus.APPROVED) {
      return null;
    }
    double changed = e.footprintM2() - e.outsideM2();
    return e.command().type() == EventType.REVERSAL ? -changed : changed;
  }

  /** As changedM2, in km² rounded to the square metre before the sign is applied (so −x reads as −(x)). */
  public static Double changedKm2(StoredEvent e) {
    Double m2 = changedM2(e);
    return m2 == null ? null : Math.signum(m2) * Km2.of(Math.abs(m2));
  }

  /**
   * The footprint that was not contaminated (or, for a report, already was), from the stored figures: an approved
   * release or report only. A reversal's footprint is its target's, so its outside area says nothing of it.
   */
  public static Double outsideM2(StoredEvent e) {
    return e.status() == EventStatus.APPROVED && e.command().type() != EventType.REVERSAL ? e.outsideM2() : null;
  }
}
