-- Webhook subscriptions, the deliveries owed to them and every attempt (see org.ipdex.catalog.webhook).
CREATE TABLE webhook_subscription (
    id                   UUID        PRIMARY KEY,
    owner                TEXT        NOT NULL,
    url                  TEXT        NOT NULL,
    -- the HMAC key: it must be readable to sign, so it is stored as given out (see the package README)
    secret               TEXT        NOT NULL,
    types                TEXT[]      NOT NULL,
    offices              TEXT[]      NOT NULL,
    api_ids              TEXT[]      NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN ('active', 'paused')),
    paused_reason        TEXT,
    consecutive_failures INTEGER     NOT NULL DEFAULT 0,
    failing_since        TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner, id);

-- One row per event owed to one subscription; the unique key makes routing a feed page twice harmless.
CREATE TABLE webhook_delivery (
    id              BIGSERIAL   PRIMARY KEY,
    subscription_id UUID        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('pending', 'delivered', 'abandoned')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at    TIMESTAMPTZ,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';

CREATE TABLE webhook_attempt (
    id               BIGSERIAL   PRIMARY KEY,
    delivery_id      BIGINT      NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    subscription_id  UUID        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    attempted_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    http_status      INTEGER,
    response_ms      BIGINT,
    response_excerpt TEXT,
    error            TEXT
);
CREATE INDEX webhook_attempt_subscription ON webhook_attempt (subscription_id, id DESC);

-- How far each followed feed has been routed into deliveries; moves in the transaction that inserts them.
CREATE TABLE webhook_feed_checkpoint (
    feed    TEXT   PRIMARY KEY,
    feed_id TEXT,
    seq     BIGINT NOT NULL
);
