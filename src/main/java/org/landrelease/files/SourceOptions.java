package org.landrelease.files;

/**
 * How to read an imported file, where the file itself does not say.
 *
 * @param layer     the GeoPackage table or zipped .shp to read when the file holds several (null: the only one)
 * @param crs       the CRS of a CSV's coordinates, such as EPSG:32636 (null: EPSG:4326); other formats state theirs
 * @param wktColumn the CSV column holding WKT geometry (null: a column named wkt, geometry, geom or the_geom)
 * @param lonColumn the CSV column of point longitudes, with latColumn (null: lon/lng/longitude/x)
 * @param latColumn the CSV column of point latitudes (null: lat/latitude/y)
 */
public record SourceOptions(String layer, String crs, String wktColumn, String lonColumn, String latColumn) {
  public static final SourceOptions NONE = new SourceOptions(null, null, null, null, null);
}
