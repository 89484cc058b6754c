package org.landrelease.domain;

import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * One piece of land an event added, reclassified, released or restored, in one hazard and one region. The
 * classification and hazard types are the hazard's when the piece was cut, so a reversal can restore it as it was.
 * A restored piece has a negative area and the kind (and land use) of the release it undoes. landUse is the one the
 * releasing event recorded, null for pieces of hazard reports and for releases that recorded none.
 */
public record PieceRow(long hazardId, String region, PieceKind kind, double m2, Geometry geometry,
    Classification classification, Set<HazardType> hazardTypes, LandUse landUse) {}
