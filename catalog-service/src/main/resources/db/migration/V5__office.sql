-- The catalogue's public profile of an office (the gateway keeps accounts and keys; this is what developers read).
CREATE TABLE office (
    code          TEXT PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
    name          TEXT        NOT NULL,
    country       TEXT,
    organisation  TEXT,
    contact_name  TEXT,
    contact_email TEXT,
    contact_url   TEXT,
    website       TEXT,
    updated_by    TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
