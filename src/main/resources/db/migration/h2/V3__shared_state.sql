-- What several service instances on one database need to agree on, and the ledger's own counters.
-- applied_seq is the order in which approvals were applied (the ledger's write order; one writer at a time holds the
-- ledger lock), and hazard_delta_m2 what each changed in the area of the current hazards: an instance that did not
-- apply an event brings its running totals up to date from these, and from pieces above the id it has seen.
ALTER TABLE event ADD COLUMN applied_seq BIGINT;
ALTER TABLE event ADD COLUMN hazard_delta_m2 DOUBLE PRECISION;
CREATE UNIQUE INDEX event_applied_idx ON event(applied_seq);
-- one row: bumped in the transaction of every change, read by every instance before it answers from memory
CREATE TABLE ledger_state (
  id INT PRIMARY KEY,
  applied BIGINT NOT NULL,
  funding_version BIGINT NOT NULL,
  account_version BIGINT NOT NULL,
  hazard_seq BIGINT NOT NULL);
-- approvals of a database of schema 2 get their order from the event sequence; their hazard deltas are never read
-- (an instance starts from a full scan)
UPDATE event SET applied_seq = seq WHERE status = 'APPROVED';
INSERT INTO ledger_state (id, applied, funding_version, account_version, hazard_seq)
  SELECT 1, COALESCE(MAX(seq), 0), 0, 0,
    GREATEST((SELECT COALESCE(MAX(id), 0) FROM hazard), (SELECT COALESCE(MAX(hazard_id), 0) FROM piece))
  FROM event;
