-- The PCT minimum documentation scope (issue 4, item 7). Every change is a new version; old versions stay, because
-- every coverage report names the version it was measured against and must stay explainable.
CREATE TABLE scope_version (
    version    INT PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by TEXT        NOT NULL
);

-- An office may have several entries (e.g. granted patents since 1920, pre-grant publications since 2001).
CREATE TABLE scope_entry (
    version   INT    NOT NULL REFERENCES scope_version (version),
    position  INT    NOT NULL,
    office    TEXT   NOT NULL,
    kinds     TEXT[] NOT NULL,
    from_year INT    NOT NULL,
    to_year   INT,
    note      TEXT,
    PRIMARY KEY (version, position)
);
