package org.landrelease.store;

import org.landrelease.domain.PieceKind;
import org.locationtech.jts.geom.Geometry;

/** One piece of land an event added, reclassified or released, in one hazard and one region. */
public record PieceRow(long hazardId, String region, PieceKind kind, double m2, Geometry geometry) {}
