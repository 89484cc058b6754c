-- Countries: several countries in one ledger. A country is its ISO 3166-1 alpha-2 code, its names and its first-level
-- regions; a region's code is its ISO 3166-2 code, always prefixed with its country's ('UA-05', 'LB-BA'), so a piece's
-- region alone says which country its land is in, and land outside every region ('unassigned') is in none. The
-- regions were written by each instance from its boundary file; now the database holds them, loaded per country.
CREATE TABLE country (
  code VARCHAR(2) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  name_uk VARCHAR(200),
  synthetic BOOLEAN DEFAULT FALSE NOT NULL,
  source VARCHAR(2000),
  loaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  loaded_by VARCHAR(100) NOT NULL);
ALTER TABLE region ADD COLUMN country VARCHAR(2);
UPDATE region SET country = SUBSTRING(code, 1, 2) WHERE code LIKE '__-%';
CREATE INDEX region_country_idx ON region(country);
-- the countries a grant covers: a release outside them is refused
CREATE TABLE grant_country (
  grant_id VARCHAR(64) NOT NULL REFERENCES grants(id),
  country VARCHAR(2) NOT NULL,
  PRIMARY KEY (grant_id, country));
-- the countries an account is bound to (none: every country): a national authority's reviewer approves its own only
CREATE TABLE account_country (
  account VARCHAR(100) NOT NULL REFERENCES account(name),
  country VARCHAR(2) NOT NULL,
  PRIMARY KEY (account, country));
-- bumped with every load or replacement of a country's regions: another instance reloads its region index and totals
ALTER TABLE ledger_state ADD COLUMN region_version BIGINT DEFAULT 0 NOT NULL;
DROP VIEW regions;
CREATE VIEW regions AS
  SELECT r.code, r.country, r.name, r.name_uk, r.area_m2 / 1000000 AS area_km2,
    COALESCE(f.reported_m2, 0) / 1000000 AS reported_km2,
    COALESCE(f.released_m2, 0) / 1000000 AS released_km2,
    (COALESCE(f.reported_m2, 0) - COALESCE(f.released_m2, 0)) / 1000000 AS remaining_km2,
    r.geom
  FROM region r LEFT JOIN (
    SELECT region,
      SUM(CASE WHEN kind = 'ADDED' THEN area_m2 ELSE 0 END) AS reported_m2,
      SUM(CASE WHEN kind IN ('CANCELLED', 'REDUCED', 'CLEARED') THEN area_m2 ELSE 0 END) AS released_m2
    FROM piece GROUP BY region) f ON f.region = r.code;
