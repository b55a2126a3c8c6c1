-- Offices that may hold API keys. The code is the WIPO ST.3 two-letter code (countries and organisations).
CREATE TABLE office (
    code          TEXT PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
    name          TEXT        NOT NULL,
    country       TEXT        NOT NULL,
    contact_email TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- API keys. Only the SHA-256 of the whole key is stored; the prefix (also part of the key) finds the row.
CREATE TABLE api_key (
    id           UUID PRIMARY KEY,
    name         TEXT        NOT NULL,
    role         TEXT        NOT NULL CHECK (role IN ('admin', 'office')),
    office_code  TEXT REFERENCES office (code),
    prefix       TEXT        NOT NULL UNIQUE,
    secret_hash  BYTEA       NOT NULL,
    rotated_from UUID REFERENCES api_key (id),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    CHECK ((role = 'office') = (office_code IS NOT NULL))
);
CREATE INDEX api_key_office ON api_key (office_code);
-- the bootstrap asks "is there an active admin key?" at every start
CREATE INDEX api_key_active_admin ON api_key (role) WHERE revoked_at IS NULL;
