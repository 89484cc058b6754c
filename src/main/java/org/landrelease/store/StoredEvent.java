package org.landrelease.store;

import java.time.Instant;
import org.landrelease.domain.EventCommand;

/** An event as the ledger holds it. The command's footprint is null when it was not read. */
public record StoredEvent(long sequence, EventCommand command, String regions, double footprintM2, double outsideM2,
    String status, Instant recordedAt) {}
