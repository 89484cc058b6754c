package org.landrelease.geometry;

import org.locationtech.jts.geom.Geometry;

/** One zone of a zoning as loaded: its code, name, optional class (land cover), boundary and geodesic area. */
public record ZoneShape(String code, String name, String zoneClass, Geometry geometry, double areaM2) {}
