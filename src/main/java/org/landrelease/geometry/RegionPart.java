package org.landrelease.geometry;

import org.locationtech.jts.geom.Geometry;

/** The part of a piece inside one region (or outside all of them, under the code "unassigned"). */
public record RegionPart(String code, Geometry geometry, double m2) {}
