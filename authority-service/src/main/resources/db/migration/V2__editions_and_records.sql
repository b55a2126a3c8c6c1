-- Authority-file editions and their records.
--
-- Every accepted edition owns a complete record set in its own partition of authority_record: a full edition
-- is its file; an incremental or differential edition is the previous active set with the changes applied.
-- Activation is one UPDATE of office_state in one transaction, so readers see the old set or the new one, never
-- a mix, and any two editions can be diffed set against set. Old partitions are dropped, not deleted row by row.

CREATE TABLE edition (
    id               BIGSERIAL PRIMARY KEY,
    office           TEXT        NOT NULL,
    produced_on      DATE,
    category         TEXT        NOT NULL CHECK (category IN ('full', 'incremental', 'differential')),
    layout           TEXT        NOT NULL,
    checksum         TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('ingesting', 'active', 'superseded', 'rejected', 'failed')),
    base_edition_id  BIGINT REFERENCES edition (id),
    records_total    BIGINT      NOT NULL DEFAULT 0,
    records_rejected BIGINT      NOT NULL DEFAULT 0,
    report           JSONB,
    uploaded_by      TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    activated_at     TIMESTAMPTZ
);
CREATE INDEX edition_office ON edition (office, id DESC);

CREATE TABLE office_state (
    office            TEXT PRIMARY KEY,
    active_edition_id BIGINT      NOT NULL REFERENCES edition (id),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE authority_record (
    edition_id       BIGINT NOT NULL,
    office           TEXT   NOT NULL,
    number_key       TEXT   NOT NULL, -- PublicationNumber.numberKey(): office + canonical number, e.g. EP1000000
    kind             TEXT   NOT NULL,
    publication_date DATE,
    exception_code   TEXT,
    doc_number       TEXT   NOT NULL  -- the number as the file wrote it
) PARTITION BY LIST (edition_id);

-- The one way readers (look-up, listing, coverage) see the data: the active edition of each office.
CREATE VIEW active_record AS
SELECT r.*
FROM authority_record r
JOIN office_state s ON r.edition_id = s.active_edition_id;
