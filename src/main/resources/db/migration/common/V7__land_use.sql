-- Land use after release, as the field team recorded it in its completion report (issue 12): AGRICULTURE,
-- RESIDENTIAL, INFRASTRUCTURE, FOREST, WATER or OTHER; NULL when it was not recorded (figures say 'unknown').
-- It is kept on the event as submitted, and on each piece the event released, so that figures by land use are sums
-- over pieces like every other figure (and a reversal's restoring pieces carry the land use of the release they undo).
ALTER TABLE event ADD COLUMN land_use VARCHAR(16);
ALTER TABLE piece ADD COLUMN land_use VARCHAR(16);
-- the releases view of QGIS users gets the land use at its end (PostgreSQL appends view columns only at the end,
-- and geom moves with it: drop and create, same text on both stores)
DROP VIEW releases;
CREATE VIEW releases AS
  SELECT p.id, e.id AS event_id, e.type AS event_type, p.kind AS outcome, p.region, p.partner_id AS partner,
    p.grant_id, p.event_date AS counted_on, p.area_m2 / 1000000 AS area_km2, p.hazard_id,
    COALESCE(p.land_use, 'unknown') AS land_use, s.geom
  FROM piece p JOIN piece_shape s ON s.piece_id = p.id JOIN event e ON e.seq = p.event_seq
  WHERE p.kind IN ('CANCELLED', 'REDUCED', 'CLEARED') AND p.area_m2 > 0 AND p.reversed_on IS NULL;
DROP VIEW events;
CREATE VIEW events AS
  SELECT e.seq, e.id, e.type, e.event_date, e.counted_on, e.partner_id AS partner, e.grant_id, e.classification,
    e.footprint_m2 / 1000000 AS footprint_km2, e.outside_m2 / 1000000 AS outside_km2, e.regions, e.land_use,
    f.footprint AS geom
  FROM event e JOIN event_footprint f ON f.seq = e.seq
  WHERE e.status = 'APPROVED';
