package org.landrelease.domain;

import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/** A current hazard area: its polygon(s), classification, hazard types, geodesic area and the regions it touches. */
public record HazardRow(long id, Geometry geometry, Classification classification, Set<HazardType> hazardTypes,
    double areaM2, String regions) {}
