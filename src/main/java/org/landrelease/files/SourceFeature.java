package org.landrelease.files;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as a file holds it: its position in the file (1-based, file order), its feature id if the format has
 * one, its geometry in the file's CRS (null when the feature has none, or when it could not be read: then
 * geometryProblem says why) and its attributes by column name.
 */
public record SourceFeature(int index, String fid, Geometry geometry, String geometryProblem,
    Map<String, Object> attributes) {}
