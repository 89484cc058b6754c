-- The spatial indexes of the layout of schema 2: H2GIS's R-tree. Every geometry the ledger searches by box has one.
CREATE SPATIAL INDEX IF NOT EXISTS hazard_geom_idx ON hazard(geom);
CREATE SPATIAL INDEX IF NOT EXISTS piece_shape_geom_idx ON piece_shape(geom);
