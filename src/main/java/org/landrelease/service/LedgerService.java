package org.landrelease.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.landrelease.store.LedgerLock;
import org.landrelease.domain.Account;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventResult;
import org.landrelease.domain.EventStatus;
import org.landrelease.domain.EventType;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.Role;
import org.landrelease.domain.StoredEvent;
import org.landrelease.domain.Transition;
import org.landrelease.geometry.GeodesicArea;
import org.landrelease.geometry.RegionIndex;
import org.landrelease.store.EventStore;
import org.landrelease.store.LedgerStore;

/**
 * The approval workflow of the ledger. An event enters SUBMITTED and changes no figure; a reviewer approves it, and
 * only then is its geometry applied, against the hazards as they are at that moment, in approval order. So two
 * releases over the same land can never both count it. One writer at a time: every change is committed in one
 * transaction before it is acknowledged.
 */
public final class LedgerService {
  private final LedgerStore store;
  private final EventStore events;
  private final FundingService funding;
  private volatile RegionIndex regions;
  private final LedgerTotals totals;
  private final LedgerLock writeLock;
  private final Clock clock;
  private volatile LandChange land;
  /** Brings the region index level with the database before a write (another instance may have replaced it). */
  private volatile RegionCheck regionCheck = () -> {};
  private final ZoningService zonings;

  /** The totals must already hold what the store holds (LedgerTotals.load). */
  public LedgerService(LedgerStore store, EventStore events, FundingService funding, RegionIndex regions, LedgerTotals totals,
      LedgerLock writeLock, Clock clock) throws SQLException {
    this(store, events, funding, regions, totals, writeLock, clock, null);
  }

  /** With zonings (may be null: none): every piece written is split by each loaded zoning in the same transaction. */
  public LedgerService(LedgerStore store, EventStore events, FundingService funding, RegionIndex regions, LedgerTotals totals,
      LedgerLock writeLock, Clock clock, ZoningService zonings) throws SQLException {
    this.zonings = zonings;
    this.store = store;
    this.events = events;
    this.funding = funding;
    this.regions = regions;
    this.totals = totals;
    this.writeLock = writeLock;
    this.clock = clock;
    this.land = new LandChange(store, regions);
  }

  public RegionIndex regions() {
    return regions;
  }

  /** A check, under the write lock, that the region index is the database's current one. */
  @FunctionalInterface
  public interface RegionCheck {
    void ensureCurrent() throws SQLException;
  }

  /**
   * Splits by a new region index from now on (a country loaded or replaced; caller holds the write lock, or is
   * starting up).
   */
  public void useRegions(RegionIndex index) throws SQLException {
    this.land = new LandChange(store, index);
    this.regions = index;
  }

  public void regionCheck(RegionCheck check) {
    this.regionCheck = check;
  }

  /**
   * Records a submitted event, or returns the first result again when the same event is posted twice. A field
   * account submits for its own partner only; a reversal takes its partner, grant and footprint from its target.
   */
  public Applied submit(EventCommand posted, Account actor) throws SQLException {
    Checked checked = checked(posted, actor);
    writeLock.lock();
    try {
      Applied[] out = new Applied[1];
      store.inTransaction(() -> out[0] = writeSubmitted(checked, actor));
      return out[0];
    } finally {
      writeLock.unlock();
    }
  }

  /** In the open transaction (caller holds the lock): the submission, or the first answer again for a replay. */
  private Applied writeSubmitted(Checked checked, Account actor) throws SQLException {
    EventCommand cmd = checked.cmd();
    Optional<StoredEvent> existing = store.eventForWrite(cmd.id(), false);
    if (existing.isPresent()) {
      return new Applied(replay(existing.get(), cmd), false);
    }
    Instant now = clock.instant();
    StoredEvent event = new StoredEvent(store.nextEventSequence(), cmd,
        "," + String.join(",", checked.touched()) + ",", checked.footprintM2(), checked.footprintM2(),
        EventStatus.SUBMITTED, now, actor.name(), null, null);
    store.writeSubmission(event, new Transition(null, EventStatus.SUBMITTED, actor.name(), now, null));
    return new Applied(EventResults.of(event, List.of()), true);
  }

  /** The answer to one event of a batch: submitted (or replayed), or the refusal that left it out. */
  public record Submitted(Applied applied, LedgerException refusal) {}

  /**
   * A field team's batch (offline sync), submitted in its order as one after the other through submit, committed in
   * groups (WriteGroups): none is answered before its group is committed, and a refused event (a rule, another body
   * under a used id) does not undo the others. The rules that read no ledger state are checked before the lock.
   */
  public List<Submitted> submitAll(List<EventCommand> posted, Account actor) throws SQLException {
    List<WriteGroups.Step<Applied>> steps = new java.util.ArrayList<>(posted.size());
    for (EventCommand cmd : posted) {
      LedgerException refused = null;
      Checked checked = null;
      try {
        checked = checked(cmd, actor);
      } catch (LedgerException e) {
        refused = e;
      }
      Checked c = checked;
      LedgerException r = refused;
      steps.add(() -> {
        if (r != null) {
          throw r;
        }
        return writeSubmitted(c, actor);
      });
    }
    return WriteGroups.run(writeLock, store, steps, written -> {}).stream()
        .map(o -> new Submitted(o.value(), o.refusal())).toList();
  }

  /**
   * A command that passed every rule, completed (a reversal's target filled in), the regions it touches and its
   * footprint's area.
   */
  private record Checked(EventCommand cmd, List<String> touched, double footprintM2) {}

  private Checked checked(EventCommand posted, Account actor) throws SQLException {
    EventCommand cmd = posted.type() == EventType.REVERSAL ? Reversals.complete(posted, events) : posted;
    if (actor.is(Role.FIELD) && !cmd.partner().equals(actor.partner())) {
      throw LedgerException.forbidden("other-partner", "account '" + actor.name() + "' submits for partner '"
          + actor.partner() + "' only, not '" + cmd.partner() + "'")
          .with("access.otherPartner", "account", actor.name(), "own", actor.partner(), "partner", cmd.partner());
    }
    if (cmd.type() == EventType.REVERSAL) {
      Reversals.checkDate(cmd, LocalDate.now(clock));
    } else {
      EventRules.check(cmd, funding, LocalDate.now(clock));
    }
    List<String> touched = regions.touching(cmd.footprint());
    if (touched.isEmpty()) {
      regionCheck.ensureCurrent();
      touched = regions.touching(cmd.footprint());
    }
    if (touched.isEmpty()) {
      var c = cmd.footprint().getInteriorPoint().getCoordinate();
      throw new LedgerException(LedgerException.Kind.UNPROCESSABLE, "outside-regions",
          "the footprint lies outside every region of the ledger", new double[] {c.x, c.y})
          .with("event.outsideRegions");
    }
    CountryRules.accountWorksIn(actor, touched, cmd.footprint(), regions, "submit events");
    if (cmd.type() != EventType.REVERSAL && cmd.grant() != null) {
      // a reversal restores land its target released and names the target's grant: it was checked then
      CountryRules.grantCovers(funding.grant(cmd.grant()), touched, cmd.footprint(), regions);
    }
    return new Checked(cmd, touched, GeodesicArea.m2(cmd.footprint()));
  }

  /**
   * The country rules of a decision on a submitted event: a reviewer bound to countries decides on their events
   * only, and an approval checks the grant's countries again, since an administrator may have changed them.
   */
  private void mayDecide(StoredEvent event, Account reviewer, boolean approving) {
    List<String> touched = java.util.Arrays.stream(event.regions().split(",")).filter(r -> !r.isEmpty()).toList();
    EventCommand cmd = event.command();
    CountryRules.accountWorksIn(reviewer, touched, cmd.footprint(), regions,
        approving ? "approve events" : "reject events");
    if (approving && cmd.type() != EventType.REVERSAL && cmd.grant() != null && funding.grant(cmd.grant()) != null) {
      CountryRules.grantCovers(funding.grant(cmd.grant()), touched, cmd.footprint(), regions);
    }
  }

  /**
   * Checks an event as submit would and stores nothing (an import's dry run). Returns true when the same event is
   * already in the ledger; the same id with another body is a conflict.
   */
  public boolean check(EventCommand posted, Account actor) throws SQLException {
    EventCommand cmd = checked(posted, actor).cmd();
    Optional<StoredEvent> existing = events.event(cmd.id(), false);
    if (existing.isPresent() && !existing.get().command().requestHash().equals(cmd.requestHash())) {
      throw LedgerException.conflict("event " + cmd.id() + " already exists with a different body")
          .with("event.idReused", "id", cmd.id());
    }
    return existing.isPresent();
  }

  /**
   * Approves a submitted event and applies it now. The result is what it released (or added) at this moment, which
   * can be less than when it was submitted if another event took the same land in between.
   */
  public EventResult approve(UUID id, Account reviewer, String note) throws SQLException {
    writeLock.lock();
    try {
      StoredEvent event = submitted(id, true);
      mayDecide(event, reviewer, true);
      Instant now = clock.instant();
      Approval[] a = new Approval[1];
      store.inTransaction(() -> a[0] = applyApproved(event, null, new Transition(EventStatus.SUBMITTED,
          EventStatus.APPROVED, reviewer.name(), now, note), countedOn(event.command().date(), now)),
          () -> a[0].count(totals));
      return a[0].result();
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Records an event of the past as submitted and approved at once, counted on its own date: for loading the
   * history of a programme (the demo, a migration), never for new field results.
   */
  public Applied record(EventCommand cmd, Account system) throws SQLException {
    Applied submitted = submit(cmd, system);
    if (!submitted.created()) {
      return submitted;
    }
    writeLock.lock();
    try {
      StoredEvent event = submitted(cmd.id(), true);
      Approval[] a = new Approval[1];
      store.inTransaction(() -> a[0] = applyApproved(event, null, new Transition(EventStatus.SUBMITTED,
          EventStatus.APPROVED, system.name(), clock.instant(), "historical record"), event.command().date()),
          () -> a[0].count(totals));
      return new Applied(a[0].result(), true);
    } finally {
      writeLock.unlock();
    }
  }

  /** Rejects a submitted event with a reason; it will never count. */
  public EventResult reject(UUID id, Account reviewer, String reason) throws SQLException {
    return decide(id, EventStatus.REJECTED, reviewer, checkedReason(reason), null);
  }

  /** Withdraws a submitted event; only the account that submitted it may. */
  public EventResult withdraw(UUID id, Account submitter, String reason) throws SQLException {
    return decide(id, EventStatus.WITHDRAWN, submitter, reason, submitter.name());
  }

  private EventResult decide(UUID id, EventStatus to, Account actor, String reason, String mustBeSubmitter)
      throws SQLException {
    writeLock.lock();
    try {
      StoredEvent event = submitted(id, false);
      if (to == EventStatus.REJECTED) {
        mayDecide(event, actor, false);
      }
      if (mustBeSubmitter != null && !mustBeSubmitter.equals(event.submittedBy())) {
        throw LedgerException.forbidden("not-submitter", "event " + id + " was submitted by '" + event.submittedBy()
            + "'; only that account may withdraw it")
            .with("access.notSubmitter", "id", id, "account", event.submittedBy());
      }
      EventResult[] result = new EventResult[1];
      store.inTransaction(() -> result[0] = writeDecision(event, to, actor, reason));
      return result[0];
    } finally {
      writeLock.unlock();
    }
  }

  /** Writes a reviewer's rejection of a submitted event in the open transaction. */
  private EventResult writeRejection(UUID id, Account reviewer, String reason) throws SQLException {
    StoredEvent event = submitted(id, false);
    mayDecide(event, reviewer, false);
    return writeDecision(event, EventStatus.REJECTED, reviewer, reason);
  }

  private EventResult writeDecision(StoredEvent event, EventStatus to, Account actor, String reason)
      throws SQLException {
    Instant now = clock.instant();
    StoredEvent decided = event.decided(to, now);
    store.writeDecision(decided, new Transition(EventStatus.SUBMITTED, to, actor.name(), now, reason));
    return EventResults.of(decided, List.of());
  }

  /** The event, which must still be SUBMITTED (caller holds the write lock). */
  private StoredEvent submitted(UUID id, boolean withFootprint) throws SQLException {
    StoredEvent event = store.eventForWrite(id, withFootprint)
        .orElseThrow(() -> LedgerException.notFound("no event " + id).with("event.unknown", "id", id));
    if (event.status() != EventStatus.SUBMITTED) {
      throw new LedgerException(LedgerException.Kind.CONFLICT, "already-decided",
          "event " + id + " is " + event.status() + ", not SUBMITTED; a decided event never changes")
          .with("event.alreadyDecided", "id", id, "status", event.status());
    }
    return event;
  }

  /** An approval written in the open transaction: what it answers, and what it adds to the running totals. */
  private record Approval(EventResult result, long applied, LocalDate countedOn, String partner, String grant,
      List<org.landrelease.domain.PieceRow> pieces, double hazardDeltaM2, String regions) {
    /** Counts the approval in the running totals, once it is committed. */
    void count(LedgerTotals totals) {
      totals.addEvent(applied, countedOn, partner, grant, pieces, hazardDeltaM2, regions);
    }
  }

  /** Applies an approved event in the open transaction; the caller commits (or rolls back) and then counts it. */
  private Approval applyApproved(StoredEvent event, Transition submission, Transition approval, LocalDate countedOn)
      throws SQLException {
    regionCheck.ensureCurrent();
    EventCommand cmd = event.command();
    Long reversedSeq = null;
    LandChange.Change change;
    PieceKind kind;
    if (cmd.type() == EventType.REVERSAL) {
      StoredEvent target = Reversals.approvableTarget(cmd, events, store);
      reversedSeq = target.sequence();
      change = land.restore(store.piecesToRestore(target.sequence()));
      kind = PieceKind.of(target.command().type().outcome());
    } else if (cmd.type().isRelease()) {
      change = land.release(cmd);
      kind = PieceKind.of(cmd.type().outcome());
    } else {
      change = land.report(cmd);
      kind = PieceKind.ADDED;
    }
    double changedM2 = Math.abs(change.changedM2(kind));
    StoredEvent approved = event.approved(Math.max(0, event.footprintM2() - changedM2), approval.at(), countedOn);
    List<org.landrelease.domain.PieceZoneArea> zoneAreas = zonings == null ? List.of() : zonings.split(change.pieces);
    long applied = store.writeApproval(approved, submission, approval, change.pieces, zoneAreas, change.writes,
        reversedSeq, change.hazardDeltaM2);
    return new Approval(EventResults.of(approved, change.pieces), applied, countedOn, cmd.partner(), cmd.grant(),
        change.pieces, change.hazardDeltaM2, event.regions());
  }

  /** One decision of a reviewer's batch: approve (reject false) or reject with a reason. */
  public record Decision(UUID event, boolean reject, String reason) {}

  /** The answer to one decision of a batch: its result, or the refusal that left it undecided. */
  public record Decided(EventResult result, LedgerException refusal) {}

  /**
   * A reviewer's decisions, taken one after the other in the order given, as one after the other through
   * approve/reject: each approval is applied against the hazards as the previous decisions left them and answers
   * what it released at that moment. They are committed in groups (WriteGroups), and none is answered before its
   * group is committed. A refused decision (unknown event, already decided, no reason) is rolled back to the point
   * before it and does not undo the others. If a commit itself fails, the whole group is refused and nothing of it
   * is stored.
   */
  public List<Decided> decideAll(List<Decision> decisions, Account reviewer) throws SQLException {
    List<WriteGroups.Step<Object>> steps = new java.util.ArrayList<>(decisions.size());
    for (Decision d : decisions) {
      steps.add(() -> {
        if (d.reject()) {
          return writeRejection(d.event(), reviewer, checkedReason(d.reason()));
        }
        StoredEvent event = submitted(d.event(), true);
        mayDecide(event, reviewer, true);
        Instant now = clock.instant();
        return applyApproved(event, null, new Transition(EventStatus.SUBMITTED, EventStatus.APPROVED,
            reviewer.name(), now, d.reason()), countedOn(event.command().date(), now));
      });
    }
    // approvals count in the running totals once their group is committed, in their order
    return WriteGroups.run(writeLock, store, steps, written -> written.forEach(w -> {
      if (w instanceof Approval a) {
        a.count(totals);
      }
    })).stream().map(o -> new Decided(o.value() == null ? null
        : o.value() instanceof Approval a ? a.result() : (EventResult) o.value(), o.refusal())).toList();
  }

  private static String checkedReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw LedgerException.badRequest("reason-required", "a rejection needs a 'reason' the field team can act on")
          .with("review.reasonRequired");
    }
    return reason;
  }

  /** An approved event counts from the later of its own date and the day it was approved (UTC). */
  static LocalDate countedOn(LocalDate eventDate, Instant approvedAt) {
    LocalDate approvedOn = approvedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    return eventDate.isAfter(approvedOn) ? eventDate : approvedOn;
  }

  private EventResult replay(StoredEvent stored, EventCommand cmd) throws SQLException {
    if (!stored.command().requestHash().equals(cmd.requestHash())) {
      throw LedgerException.conflict("event " + cmd.id() + " already exists with a different body")
          .with("event.idReused", "id", cmd.id());
    }
    return EventResults.of(stored, events.piecesOfEvent(stored.sequence()));
  }

  public Optional<EventResult> result(UUID id) throws SQLException {
    Optional<StoredEvent> e = events.event(id, false);
    if (e.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(EventResults.of(e.get(), events.piecesOfEvent(e.get().sequence())));
  }

  public List<Transition> history(long sequence) throws SQLException {
    return events.transitions(sequence);
  }
}
