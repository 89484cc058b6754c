package org.landrelease.store;

import java.util.Set;
import org.landrelease.domain.Classification;
import org.landrelease.domain.HazardType;
import org.locationtech.jts.geom.Geometry;

/** A current hazard area: its polygon(s), classification, hazard types, geodesic area and the regions it touches. */
public record HazardRow(long id, Geometry geometry, Classification classification, Set<HazardType> hazardTypes,
    double areaM2, String regions) {}
