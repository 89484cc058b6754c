package org.landrelease.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.landrelease.domain.EventCommand;
import org.landrelease.domain.EventResult;
import org.landrelease.domain.EventStatus;
import org.landrelease.domain.PieceKind;
import org.landrelease.domain.PieceRow;
import org.landrelease.domain.StoredEvent;

/**
 * Builds an event's result from its pieces, the same way when it is approved and when it is read back. An event that
 * is not approved has changed nothing, so its figures are null, not zero.
 */
final class EventResults {
  private EventResults() {}

  static EventResult of(StoredEvent event, List<PieceRow> pieces) {
    EventCommand cmd = event.command();
    boolean release = EventChange.readsAsRelease(cmd.type());
    boolean approved = event.status() == EventStatus.APPROVED;
    Map<String, Double> byRegion = new TreeMap<>();
    Map<Long, Double> byHazard = new TreeMap<>();
    double changed = 0;
    double reclassified = 0;
    for (PieceRow p : pieces) {
      if (p.kind() == PieceKind.RECLASSIFIED) {
        reclassified += p.m2();
      }
      // a report's figures, in all and per region and hazard, are what it added; a release's, what it released
      if (EventChange.counts(cmd.type(), p.kind())) {
        changed += p.m2();
        byRegion.merge(p.region(), p.m2(), Double::sum);
        byHazard.merge(p.hazardId(), p.m2(), Double::sum);
      }
    }
    List<EventResult.RegionShare> regions = new ArrayList<>();
    byRegion.forEach((code, m2) -> regions.add(new EventResult.RegionShare(code, Km2.of(m2))));
    List<EventResult.HazardShare> hazards = new ArrayList<>();
    byHazard.forEach((id, m2) -> hazards.add(new EventResult.HazardShare(id, Km2.of(m2))));
    return new EventResult(cmd.id(), cmd.type(), event.status().name(), cmd.date(), cmd.partner(), cmd.grant(),
        event.sequence(), Km2.of(event.footprintM2()), approved && !release ? Km2.of(changed) : null,
        approved && !release ? Km2.of(reclassified) : null, approved && release ? Km2.of(changed) : null,
        approved ? Km2.of(event.outsideM2()) : null, event.countedOn(), cmd.reverses(), regions, hazards);
  }
}
