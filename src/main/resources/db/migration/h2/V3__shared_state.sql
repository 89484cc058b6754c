-- What several service instances on one database need to agree on.
-- applied_seq is the order in which approvals were applied (one writer at a time holds the ledger lock, so it is also
-- the order of their commits), and hazard_delta_m2 what each changed in the area of the current hazards: an instance
-- that did not apply an event brings its running totals up to date from these.
ALTER TABLE event ADD COLUMN applied_seq BIGINT;
ALTER TABLE event ADD COLUMN hazard_delta_m2 DOUBLE PRECISION;
-- (no index on applied_seq here: one H2 file has one instance, which never reads approvals by their order)
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
-- the ledger's ids come from sequences, so that no two writers (instances, or a writer and its own retry) ever hand
-- out the same one; hazard ids are never reused, even when the hazard with the highest id is gone
-- CACHE: H2 writes a sequence's state with a commit of its own each time its cache is used up (32 values by default):
-- 17 % of the CPU of approvals in batches (JFR). One H2 file has one writer, so a large cache keeps the ids in order;
-- after a crash the cached values are skipped, never reused.
CREATE SEQUENCE event_seq_ids CACHE 100000;
CREATE SEQUENCE piece_ids CACHE 100000;
CREATE SEQUENCE hazard_ids CACHE 100000;
CREATE SEQUENCE applied_ids CACHE 100000;
ALTER SEQUENCE event_seq_ids RESTART WITH (SELECT COALESCE(MAX(seq), 0) + 1 FROM event);
ALTER SEQUENCE piece_ids RESTART WITH (SELECT COALESCE(MAX(id), 0) + 1 FROM piece);
ALTER SEQUENCE hazard_ids RESTART WITH (SELECT GREATEST((SELECT COALESCE(MAX(id), 0) FROM hazard),
  (SELECT COALESCE(MAX(hazard_id), 0) FROM piece)) + 1);
ALTER SEQUENCE applied_ids RESTART WITH (SELECT applied + 1 FROM ledger_state WHERE id = 1);
