-- Coverage checks (issue 4, item 6): one row per job, its progress and, when done, its report.
-- The public check_id is random so that one examiner cannot enumerate another's reports; id names partitions.
CREATE TABLE coverage_check (
    id            BIGSERIAL PRIMARY KEY,
    check_id      TEXT        NOT NULL UNIQUE,
    name          TEXT,
    scope_key     TEXT        NOT NULL, -- 'pct' or 'offices:EP,US': what "the same scope" means for changes
    scope_version INT REFERENCES scope_version (version),
    scope         JSONB       NOT NULL, -- the entries actually used, so a report stays readable after scope edits
    status        TEXT        NOT NULL CHECK (status IN ('receiving', 'queued', 'running', 'done', 'failed')),
    phase         TEXT,
    bytes_total   BIGINT,
    bytes_read    BIGINT      NOT NULL DEFAULT 0,
    rows_read     BIGINT      NOT NULL DEFAULT 0,
    report        JSONB,
    error         TEXT,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ
);
CREATE INDEX coverage_check_previous ON coverage_check (name, scope_key, id DESC) WHERE status = 'done';
CREATE INDEX coverage_check_unfinished ON coverage_check (id) WHERE status IN ('receiving', 'queued', 'running');

-- Liveness of running checks, apart from coverage_check: the comparison updates its check row at the end of a
-- REPEATABLE READ transaction, which a concurrent heartbeat on the same row would make fail.
CREATE TABLE coverage_heartbeat (
    id      BIGINT PRIMARY KEY REFERENCES coverage_check (id) ON DELETE CASCADE,
    beat_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The kept lists, one partition per check: written once by one set-based INSERT, read as a whole by the CSV
-- download and by the next check's change section, dropped whole if a check is ever deleted.
CREATE TABLE coverage_missing (
    check_id         BIGINT NOT NULL,
    office           TEXT   NOT NULL,
    number_key       TEXT   NOT NULL,
    kind             TEXT   NOT NULL,
    publication_date DATE
) PARTITION BY LIST (check_id);

CREATE TABLE coverage_extra (
    check_id   BIGINT NOT NULL,
    office     TEXT   NOT NULL,
    number_key TEXT   NOT NULL,
    kind       TEXT,            -- NULL: the collection wrote the number without a kind
    line       BIGINT NOT NULL  -- where the collection file has it, to find the typo
) PARTITION BY LIST (check_id);
