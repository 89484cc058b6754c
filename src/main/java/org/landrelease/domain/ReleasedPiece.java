package org.landrelease.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;

/** A released piece with what released it, for the map. */
public record ReleasedPiece(long hazardId, String region, PieceKind kind, double m2, LocalDate date,
    String partner, String grant, UUID eventId, EventType eventType, LandUse landUse, Geometry geometry) {}
