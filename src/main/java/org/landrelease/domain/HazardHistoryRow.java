package org.landrelease.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What happened to one hazard: one piece recorded against it, without geometry. */
public record HazardHistoryRow(UUID eventId, EventType eventType, LocalDate date, String partner, String grant,
    PieceKind kind, String region, double m2) {}
