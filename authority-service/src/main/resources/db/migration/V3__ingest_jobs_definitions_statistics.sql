-- Ingest jobs, office definitions and per-edition statistics (the ingest, edition and definition packages).
--
-- An edition's records are loaded into a table of their own, authority_record_e<id>, built outside the
-- partitioned parent (COPY, unique index, duplicate check) and attached at activation in the same short
-- transaction that moves office_state, so nothing half-loaded is ever visible through active_record.

ALTER TABLE edition
    ADD COLUMN source_url   TEXT,
    ADD COLUMN file_name    TEXT,
    ADD COLUMN bytes        BIGINT,
    ADD COLUMN rows_read    BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN set_size     BIGINT,                        -- records in the resulting set (file + base for updates)
    ADD COLUMN records_kept BOOLEAN NOT NULL DEFAULT TRUE, -- false once housekeeping dropped its record table
    ADD COLUMN summary      JSONB,                         -- counts by kind and exception code, date/number coverage
    ADD COLUMN finished_at  TIMESTAMPTZ;

-- the same file uploaded twice for an office is recognised by its checksum
CREATE INDEX edition_checksum ON edition (office, checksum);
CREATE INDEX edition_status ON edition (status) WHERE status = 'ingesting';

-- where each record came from in its file: duplicate errors name both lines
ALTER TABLE authority_record ADD COLUMN source_line BIGINT;

-- the kind codes and exception codes an office defines (from a file's definition part or a definition file)
CREATE TABLE office_definition (
    office      TEXT NOT NULL,
    code_type   TEXT NOT NULL CHECK (code_type IN ('kind', 'exception')),
    code        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (office, code_type, code)
);

-- records per publication year x kind of each edition's resulting set; statistics read the active editions' rows
CREATE TABLE edition_statistic (
    edition_id     BIGINT NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    year           INT    NOT NULL, -- 0 when the record has no publication date
    kind           TEXT   NOT NULL,
    records        BIGINT NOT NULL,
    exception_coded BIGINT NOT NULL,
    PRIMARY KEY (edition_id, kind, year)
);

-- a source URL an office asked ipdex to fetch again on a schedule
CREATE TABLE edition_source (
    office       TEXT PRIMARY KEY,
    url          TEXT        NOT NULL,
    layout       TEXT        NOT NULL,
    category     TEXT        NOT NULL,
    mapping      TEXT,
    uploaded_by  TEXT        NOT NULL,
    next_fetch   TIMESTAMPTZ NOT NULL,
    last_checksum TEXT
);
