-- The examiner's collection, written by PostgreSQL from the active records: about 2 % of them left out (the
-- "missing"), about 1 % of numbers that are in no authority file added (the "extra"), every line in one of five
-- spellings: EP 1 000 000 B1 | EP1000000B1 | EP1000000 (no kind) | ep1000000 b1, US 2005/0123456 A1 | "EP1000000B1".
-- The same rows, normalised to (number_key, kind), go to a second file for the plain-PostgreSQL baseline.
\set ON_ERROR_STOP on
CREATE UNLOGGED TABLE bench_collection AS
WITH held AS (
    SELECT number_key, kind, row_number() OVER () AS n
    FROM active_record
    WHERE abs(hashtext(number_key || kind)) % 50 <> 0
), extra AS (
    SELECT CASE WHEN i % 2 = 0 THEN 'EP' || (5000000 + i) ELSE 'US' || (9000000 + i) END AS number_key,
           'A1' AS kind, -i AS n
    FROM generate_series(1, (SELECT count(*) FROM active_record) / 100) AS i
)
SELECT number_key, CASE WHEN n % 5 = 2 THEN NULL ELSE kind END AS kind, n FROM held
UNION ALL SELECT number_key, kind, n FROM extra;

\copy (SELECT CASE n % 5 WHEN 0 THEN left(number_key, 2) || ' ' || regexp_replace(substr(number_key, 3), '(\d)(?=(\d{3})+$)', '\1 ', 'g') || ' ' || kind WHEN 1 THEN number_key || kind WHEN 2 THEN number_key WHEN 3 THEN CASE WHEN length(number_key) = 13 THEN left(number_key, 2) || ' ' || substr(number_key, 3, 4) || '/' || substr(number_key, 7) || ' ' || kind ELSE lower(number_key) || ' ' || lower(kind) END ELSE '"' || number_key || coalesce(kind, '') || '"' END FROM bench_collection) TO 'collection.csv'
\copy (SELECT number_key, kind FROM bench_collection) TO 'collection-normalised.tsv'
DROP TABLE bench_collection;
