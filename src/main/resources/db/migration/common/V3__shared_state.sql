-- What several service instances on one database need to agree on.
-- applied_seq is the order in which approvals were applied (one writer at a time holds the ledger lock, so it is also
-- the order of their commits), and hazard_delta_m2 what each changed in the area of the current hazards: an instance
-- that did not apply an event brings its running totals up to date from these.
ALTER TABLE event ADD COLUMN applied_seq BIGINT;
ALTER TABLE event ADD COLUMN hazard_delta_m2 DOUBLE PRECISION;
-- one row: bumped in the transaction of every change, read by every instance before it answers from memory
CREATE TABLE ledger_state (
  id INT PRIMARY KEY,
  applied BIGINT NOT NULL,
  funding_version BIGINT NOT NULL,
  account_version BIGINT NOT NULL);
-- approvals of a database of schema 2 get their order from the event sequence; their hazard deltas are never read
-- (an instance starts from a full scan)
UPDATE event SET applied_seq = seq WHERE status = 'APPROVED';
INSERT INTO ledger_state (id, applied, funding_version, account_version)
  SELECT 1, COALESCE(MAX(seq), 0), 0, 0 FROM event;
