-- Read-only views for GIS officers who open the ledger in QGIS's PostGIS connection, as the OGC collections show it:
-- the current hazards, the land released (not reversed), and the approved events with their footprints. Areas are
-- the ledger's own ellipsoidal areas, in km². Grant SELECT on these views (not on the tables) to a read-only role.
CREATE VIEW hazards AS
  SELECT id, classification, hazard_types, area_m2 / 1000000 AS area_km2, regions, origin_event, updated_event, geom
  FROM hazard;
CREATE VIEW releases AS
  SELECT p.id, e.id AS event_id, e.type AS event_type, p.kind AS outcome, p.region, p.partner_id AS partner,
    p.grant_id, p.event_date AS counted_on, p.area_m2 / 1000000 AS area_km2, p.hazard_id, s.geom
  FROM piece p JOIN piece_shape s ON s.piece_id = p.id JOIN event e ON e.seq = p.event_seq
  WHERE p.kind IN ('CANCELLED', 'REDUCED', 'CLEARED') AND p.area_m2 > 0 AND p.reversed_on IS NULL;
CREATE VIEW events AS
  SELECT e.seq, e.id, e.type, e.event_date, e.counted_on, e.partner_id AS partner, e.grant_id, e.classification,
    e.footprint_m2 / 1000000 AS footprint_km2, e.outside_m2 / 1000000 AS outside_km2, e.regions, f.footprint AS geom
  FROM event e JOIN event_footprint f ON f.seq = e.seq
  WHERE e.status = 'APPROVED';
