-- The spatial indexes of the layout of schema 2: PostGIS's GiST. Every geometry the ledger searches by box has one.
CREATE INDEX IF NOT EXISTS hazard_geom_idx ON hazard USING GIST (geom);
CREATE INDEX IF NOT EXISTS piece_shape_geom_idx ON piece_shape USING GIST (geom);
