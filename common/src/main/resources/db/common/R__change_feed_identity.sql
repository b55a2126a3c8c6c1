-- Which feed this is. A new database, or one restored from a dump, starts its seqs at 1 again; search-service keeps
-- the id with its checkpoint and rebuilds when the id changes, instead of waiting for seqs it has already passed.
-- Repeatable (R__) because the common location cannot take a version number without colliding with a service's
-- own; written so that running it again changes nothing.
CREATE TABLE IF NOT EXISTS change_feed_identity (
    id        UUID    NOT NULL DEFAULT gen_random_uuid(),
    singleton BOOLEAN NOT NULL DEFAULT TRUE PRIMARY KEY CHECK (singleton)
);
INSERT INTO change_feed_identity DEFAULT VALUES ON CONFLICT DO NOTHING;
