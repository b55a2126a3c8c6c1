-- The transactional outbox shared by every service that publishes a change feed (see ChangeFeed.java).
-- Services number their own migrations from V2.
CREATE TABLE change_feed (
    seq        BIGSERIAL PRIMARY KEY,
    type       TEXT        NOT NULL,
    key        TEXT        NOT NULL,
    version    BIGINT      NOT NULL,
    data       JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
