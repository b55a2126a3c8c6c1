-- Catalogue metadata: what the latest spec says (spec_metadata) and what the office overrode (metadata_overrides,
-- a JSON merge-patch state that survives new versions). revision numbers every change-feed event of an API.
ALTER TABLE api
    ADD COLUMN spec_metadata      JSONB       NOT NULL DEFAULT '{}',
    ADD COLUMN metadata_overrides JSONB       NOT NULL DEFAULT '{}',
    ADD COLUMN revision           BIGINT      NOT NULL DEFAULT 1,
    ADD COLUMN source_url         TEXT,
    ADD COLUMN source_checked_at  TIMESTAMPTZ,
    ADD COLUMN endpoint_status    TEXT        NOT NULL DEFAULT 'UNKNOWN';
CREATE INDEX api_source ON api (source_url) WHERE source_url IS NOT NULL;

-- How a version arrived and what the lint and diff engines said about it when it did.
ALTER TABLE api_version
    ADD COLUMN media_type      TEXT    NOT NULL DEFAULT 'application/yaml',
    ADD COLUMN origin          TEXT    NOT NULL DEFAULT 'upload' CHECK (origin IN ('upload', 'bundle', 'url')),
    ADD COLUMN source_url      TEXT,
    ADD COLUMN st90_score      INTEGER,
    ADD COLUMN st90_level      TEXT,
    ADD COLUMN diff_verdict    TEXT,
    ADD COLUMN breaking_change BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN servers         JSONB   NOT NULL DEFAULT '[]',
    ADD COLUMN operations      JSONB   NOT NULL DEFAULT '[]',
    ADD COLUMN warnings        JSONB   NOT NULL DEFAULT '[]';
