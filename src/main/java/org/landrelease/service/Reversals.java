package org.landrelease.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventStatus;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.StoredEvent;
import org.landrelease.store.EventStore;
import org.landrelease.store.LedgerStore;

/**
 * The rules of a correction. An approved event is never edited or deleted: a REVERSAL undoes an approved release,
 * once, and its land becomes contaminated again. A wrong hazard report is not reversed; land found clean is
 * cancelled by survey, and re-contaminated land is reported again.
 */
final class Reversals {
  private Reversals() {}

  /** The reversal with the partner, grant and footprint of its target, which must be an approved release. */
  static EventCommand complete(EventCommand cmd, EventStore events) throws SQLException {
    StoredEvent target = target(cmd.reverses(), events);
    if (cmd.partner() != null && !cmd.partner().equals(target.command().partner())) {
      throw LedgerException.unprocessable("partner-mismatch", "event " + cmd.reverses() + " belongs to partner '"
          + target.command().partner() + "', not '" + cmd.partner() + "'")
          .with("reversal.partnerMismatch", "id", cmd.reverses(), "owner", target.command().partner(),
              "partner", cmd.partner());
    }
    if (cmd.date().isBefore(target.command().date())) {
      throw LedgerException.unprocessable("reversal-before-event", "a reversal dated " + cmd.date()
          + " cannot undo an event of " + target.command().date())
          .with("reversal.beforeEvent", "date", cmd.date(), "eventDate", target.command().date());
    }
    StoredEvent withFootprint = events.event(target.command().id(), true).orElseThrow();
    return cmd.reversing(target.command().partner(), target.command().grant(), withFootprint.command().footprint());
  }

  static void checkDate(EventCommand cmd, LocalDate today) {
    if (cmd.date().isAfter(today)) {
      throw LedgerException.unprocessable("future-date",
          "date " + cmd.date() + " is in the future (today is " + today + " UTC)")
          .with("event.futureDate", "date", cmd.date(), "today", today);
    }
  }

  /** At approval: the target, still approved and not reversed yet (caller holds the write lock). */
  static StoredEvent approvableTarget(EventCommand cmd, EventStore events, LedgerStore store) throws SQLException {
    StoredEvent target = target(cmd.reverses(), events);
    Optional<UUID> earlier = store.approvedReversalOf(cmd.reverses());
    if (earlier.isPresent()) {
      throw new LedgerException(LedgerException.Kind.CONFLICT, "already-reversed",
          "event " + cmd.reverses() + " was already reversed by event " + earlier.get())
          .with("reversal.alreadyReversed", "id", cmd.reverses(), "by", earlier.get());
    }
    return target;
  }

  private static StoredEvent target(UUID id, EventStore events) throws SQLException {
    StoredEvent target = events.event(id, false).orElseThrow(() -> LedgerException.unprocessable("unknown-target",
        "a reversal must name an approved event; there is no event " + id).with("reversal.unknownTarget", "id", id));
    if (target.status() != EventStatus.APPROVED) {
      throw LedgerException.unprocessable("target-not-approved", "event " + id + " is " + target.status()
          + "; only an approved event can be reversed (withdraw or reject a submitted one)")
          .with("reversal.targetNotApproved", "id", id, "status", target.status());
    }
    if (!target.command().type().isRelease()) {
      throw LedgerException.unprocessable("target-not-a-release", "event " + id + " is a "
          + target.command().type() + "; only releases are reversed (report land again, or cancel it by survey)")
          .with("reversal.targetNotARelease", "id", id, "type", target.command().type());
    }
    return target;
  }
}
