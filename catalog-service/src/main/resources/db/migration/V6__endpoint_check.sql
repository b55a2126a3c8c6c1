-- History of liveness probes of each API's declared servers.
CREATE TABLE endpoint_check (
    id          BIGSERIAL PRIMARY KEY,
    api_id      TEXT        NOT NULL REFERENCES api (id),
    url         TEXT        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('UP', 'DOWN', 'REFUSED')),
    http_status INTEGER,
    latency_ms  BIGINT,
    error       TEXT,
    checked_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX endpoint_check_api ON endpoint_check (api_id, checked_at DESC);
