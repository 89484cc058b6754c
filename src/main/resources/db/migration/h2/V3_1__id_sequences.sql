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
