-- Every change to the catalogue: who, when, what. Never updated or deleted by the service.
CREATE TABLE audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    api_id       TEXT,
    office_code  TEXT        NOT NULL,
    version      INTEGER,
    action       TEXT        NOT NULL,
    actor        TEXT        NOT NULL,
    detail       JSONB       NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_entry_api ON audit_entry (api_id, id);
CREATE INDEX audit_entry_office ON audit_entry (office_code, id);
