-- The tile cache asks which approvals were applied after the ones it knows (event.applied_seq > ?), on every
-- change; PostgreSQL has this index from V3_1 (it is unique there).
CREATE INDEX IF NOT EXISTS event_applied_idx ON event(applied_seq);
