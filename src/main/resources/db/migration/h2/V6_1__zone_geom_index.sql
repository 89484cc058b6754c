-- zones are searched by box (the zone filter of events and hazards): H2GIS's R-tree
CREATE SPATIAL INDEX IF NOT EXISTS zoning_zone_geom_idx ON zoning_zone(geom);
