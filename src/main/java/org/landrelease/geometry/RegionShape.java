package org.landrelease.geometry;

import org.locationtech.jts.geom.Geometry;

/** A region's boundary as loaded from the boundaries file, with its geodesic area. */
public record RegionShape(String code, String name, String nameUk, Geometry geometry, double areaM2) {}
