-- approvals are read by their order when an instance catches up with the others (LedgerSync)
CREATE UNIQUE INDEX event_applied_idx ON event(applied_seq);
-- the ledger's ids come from sequences, so that no two writers (instances, or a writer and its own retry) ever hand
-- out the same one; hazard ids are never reused, even when the hazard with the highest id is gone
-- no cache: with several instances, ids taken in lock order must also be in commit order
CREATE SEQUENCE event_seq_ids;
CREATE SEQUENCE piece_ids;
CREATE SEQUENCE hazard_ids;
CREATE SEQUENCE applied_ids;
SELECT setval('event_seq_ids', (SELECT COALESCE(MAX(seq), 0) + 1 FROM event), false);
SELECT setval('piece_ids', (SELECT COALESCE(MAX(id), 0) + 1 FROM piece), false);
SELECT setval('hazard_ids', GREATEST((SELECT COALESCE(MAX(id), 0) FROM hazard),
  (SELECT COALESCE(MAX(hazard_id), 0) FROM piece)) + 1, false);
SELECT setval('applied_ids', (SELECT applied + 1 FROM ledger_state WHERE id = 1), false);
