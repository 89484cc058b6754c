-- The ledger as it was at schema version 2 (the layout before migrations). Events are append-only; hazards hold the
-- current state derived from them; pieces say how. Footprints and piece shapes live in tables of their own so that
-- scans of events and pieces (the running totals) never read a geometry.
CREATE TABLE IF NOT EXISTS meta (k VARCHAR(64) PRIMARY KEY, v VARCHAR(1000) NOT NULL);
CREATE TABLE IF NOT EXISTS partner (
  id VARCHAR(64) PRIMARY KEY,
  name VARCHAR(200) NOT NULL);
CREATE TABLE IF NOT EXISTS grants (
  id VARCHAR(64) PRIMARY KEY,
  donor VARCHAR(200) NOT NULL,
  partner_id VARCHAR(64) NOT NULL REFERENCES partner(id),
  title VARCHAR(500) NOT NULL,
  amount DECIMAL(20, 2),
  currency VARCHAR(3),
  start_date DATE NOT NULL,
  end_date DATE NOT NULL);
CREATE TABLE IF NOT EXISTS event (
  seq BIGINT PRIMARY KEY,
  id UUID NOT NULL UNIQUE,
  type VARCHAR(32) NOT NULL,
  event_date DATE NOT NULL,
  partner_id VARCHAR(64) NOT NULL REFERENCES partner(id),
  grant_id VARCHAR(64) REFERENCES grants(id),
  classification VARCHAR(3),
  hazard_types VARCHAR(200),
  method VARCHAR(16),
  devices_found VARCHAR(1000),
  notes VARCHAR(10000),
  regions VARCHAR(500) NOT NULL,
  footprint_m2 DOUBLE PRECISION NOT NULL,
  outside_m2 DOUBLE PRECISION NOT NULL,
  status VARCHAR(16) NOT NULL,
  request_hash VARCHAR(64) NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  submitted_by VARCHAR(100) NOT NULL,
  decided_at TIMESTAMP WITH TIME ZONE,
  counted_on DATE,
  reverses UUID,
  reason VARCHAR(2000));
CREATE INDEX IF NOT EXISTS event_status_idx ON event(status);
CREATE INDEX IF NOT EXISTS event_reverses_idx ON event(reverses);
CREATE TABLE IF NOT EXISTS event_transition (
  event_seq BIGINT NOT NULL REFERENCES event(seq),
  n INT NOT NULL,
  from_status VARCHAR(16),
  to_status VARCHAR(16) NOT NULL,
  actor VARCHAR(100) NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  reason VARCHAR(2000),
  PRIMARY KEY (event_seq, n));
CREATE TABLE IF NOT EXISTS account (
  name VARCHAR(100) PRIMARY KEY,
  role VARCHAR(16) NOT NULL,
  partner_id VARCHAR(64) REFERENCES partner(id),
  donor VARCHAR(200),
  token_sha256 VARCHAR(64) NOT NULL UNIQUE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  revoked_at TIMESTAMP WITH TIME ZONE);
CREATE TABLE IF NOT EXISTS event_footprint (
  seq BIGINT PRIMARY KEY REFERENCES event(seq),
  footprint GEOMETRY(GEOMETRY, 4326) NOT NULL);
CREATE INDEX IF NOT EXISTS event_date_idx ON event(event_date);
CREATE INDEX IF NOT EXISTS event_partner_idx ON event(partner_id);
CREATE INDEX IF NOT EXISTS event_grant_idx ON event(grant_id);
CREATE TABLE IF NOT EXISTS hazard (
  id BIGINT PRIMARY KEY,
  geom GEOMETRY(GEOMETRY, 4326) NOT NULL,
  classification VARCHAR(3) NOT NULL,
  hazard_types VARCHAR(200) NOT NULL,
  area_m2 DOUBLE PRECISION NOT NULL,
  regions VARCHAR(500) NOT NULL,
  origin_event BIGINT NOT NULL,
  updated_event BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS piece (
  id BIGINT PRIMARY KEY,
  event_seq BIGINT NOT NULL,
  hazard_id BIGINT NOT NULL,
  region VARCHAR(16) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  area_m2 DOUBLE PRECISION NOT NULL,
  event_date DATE NOT NULL,
  partner_id VARCHAR(64) NOT NULL,
  grant_id VARCHAR(64),
  classification VARCHAR(3) NOT NULL,
  hazard_types VARCHAR(200) NOT NULL,
  reversed_on DATE);
CREATE INDEX IF NOT EXISTS piece_event_idx ON piece(event_seq);
CREATE INDEX IF NOT EXISTS piece_hazard_idx ON piece(hazard_id);
CREATE TABLE IF NOT EXISTS piece_shape (
  piece_id BIGINT PRIMARY KEY REFERENCES piece(id),
  geom GEOMETRY(GEOMETRY, 4326) NOT NULL);
