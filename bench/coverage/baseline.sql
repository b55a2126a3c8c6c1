-- The same comparison written directly in PostgreSQL, from an already normalised file: load it, then the two
-- anti-joins (missing: authority minus collection; extra: collection minus authority), with the same matching rule.
\set ON_ERROR_STOP on
DROP TABLE IF EXISTS baseline;
CREATE UNLOGGED TABLE baseline (number_key TEXT NOT NULL, kind TEXT);
\copy baseline FROM 'collection-normalised.tsv'
ANALYZE baseline;
SET work_mem = :'work_mem';
SELECT count(*) AS missing FROM active_record a WHERE a.exception_code IS NULL AND NOT EXISTS
    (SELECT 1 FROM baseline h WHERE h.number_key = a.number_key AND (h.kind IS NULL OR h.kind = a.kind));
SELECT count(*) AS extra FROM baseline h WHERE NOT EXISTS
    (SELECT 1 FROM active_record a WHERE a.number_key = h.number_key AND (h.kind IS NULL OR a.kind = h.kind));
DROP TABLE baseline;
