-- (km² as m² / 1000000, an integer: H2 reads 1e6 as a DECFLOAT and turned every sum into slow decimal arithmetic)
-- The region boundaries the service splits by, written by each instance at start-up from its boundary file, so
-- that the database alone answers per region (QGIS, SQL), and the regions view with the ledger's figures as the OGC
-- collection 'regions' shows them: reported (ADDED pieces), released (cancelled, reduced, cleared; reversals count
-- negative), remaining = reported - released, in the ledger's own ellipsoidal km².
CREATE TABLE region (
  code VARCHAR(16) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  name_uk VARCHAR(200),
  area_m2 DOUBLE PRECISION NOT NULL,
  geom GEOMETRY(GEOMETRY, 4326) NOT NULL);
CREATE VIEW regions AS
  SELECT r.code, r.name, r.name_uk, r.area_m2 / 1000000 AS area_km2,
    COALESCE(f.reported_m2, 0) / 1000000 AS reported_km2,
    COALESCE(f.released_m2, 0) / 1000000 AS released_km2,
    (COALESCE(f.reported_m2, 0) - COALESCE(f.released_m2, 0)) / 1000000 AS remaining_km2,
    r.geom
  FROM region r LEFT JOIN (
    SELECT region,
      SUM(CASE WHEN kind = 'ADDED' THEN area_m2 ELSE 0 END) AS reported_m2,
      SUM(CASE WHEN kind IN ('CANCELLED', 'REDUCED', 'CLEARED') THEN area_m2 ELSE 0 END) AS released_m2
    FROM piece GROUP BY region) f ON f.region = r.code;
