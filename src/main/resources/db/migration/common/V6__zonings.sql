-- Zonings: named polygon layers (raion, hromada, landcover...) that every piece is split by, beside the regions.
-- zoning_zone holds the zones as loaded (code order decides a sliver claimed by two zones); piece_zone the split of
-- every piece by every zoning, in geodesic m², with the land outside all zones under the code 'outside'. The
-- piece's kind, date, partner and grant are copied in (they never change), so that every figure by zone is one scan
-- of piece_zone, as the region figures are of piece.
CREATE TABLE zoning (
  name VARCHAR(64) PRIMARY KEY,
  title VARCHAR(500) NOT NULL,
  synthetic BOOLEAN NOT NULL,
  source VARCHAR(2000),
  loaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  loaded_by VARCHAR(100) NOT NULL);
CREATE TABLE zoning_zone (
  zoning VARCHAR(64) NOT NULL REFERENCES zoning(name),
  code VARCHAR(64) NOT NULL,
  name VARCHAR(300) NOT NULL,
  zone_class VARCHAR(64),
  area_m2 DOUBLE PRECISION NOT NULL,
  geom GEOMETRY(GEOMETRY, 4326) NOT NULL,
  PRIMARY KEY (zoning, code));
CREATE TABLE piece_zone (
  zoning VARCHAR(64) NOT NULL,
  piece_id BIGINT NOT NULL,
  zone_code VARCHAR(64) NOT NULL,
  area_m2 DOUBLE PRECISION NOT NULL,
  kind VARCHAR(16) NOT NULL,
  event_date DATE NOT NULL,
  partner_id VARCHAR(64) NOT NULL,
  grant_id VARCHAR(64),
  PRIMARY KEY (zoning, piece_id, zone_code));
CREATE INDEX piece_zone_date_idx ON piece_zone(zoning, event_date);
-- bumped with every load, replacement or deletion of a zoning: another instance reloads its zonings when it changes
ALTER TABLE ledger_state ADD COLUMN zoning_version BIGINT DEFAULT 0 NOT NULL;
