CREATE TABLE api (
    id             TEXT PRIMARY KEY,
    office_code    TEXT        NOT NULL,
    title          TEXT        NOT NULL,
    description    TEXT,
    lifecycle      TEXT        NOT NULL DEFAULT 'production',
    latest_version INTEGER     NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX api_office ON api (office_code);

CREATE TABLE api_version (
    id             BIGSERIAL PRIMARY KEY,
    api_id         TEXT        NOT NULL REFERENCES api (id),
    number         INTEGER     NOT NULL,
    spec_version   TEXT,
    source_format  TEXT        NOT NULL,
    content_sha256 TEXT        NOT NULL,
    original       BYTEA       NOT NULL,
    normalised     JSONB       NOT NULL,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (api_id, number)
);
