-- zones are searched by box (the zone filter of events and hazards): PostGIS's GiST
CREATE INDEX IF NOT EXISTS zoning_zone_geom_idx ON zoning_zone USING GIST (geom);
