-- A realistic active authority file for EP and US, generated inside PostgreSQL (:rows records in all), in the
-- schema authority-service owns: one edition per office, its partition of authority_record, office_state.
-- EP: numbers from 1000001 up, each with an A1 (published application) and a B1 three years later.
-- US: pre-grant publications US<year><7 digits> A1, and granted patents from 6000001 up (B1 or B2).
-- About 0.5 % of the records carry an exception code (withdrawn).
\set ON_ERROR_STOP on
\set half (:rows / 2)

INSERT INTO edition (office, produced_on, category, layout, checksum, status, uploaded_by, records_total)
VALUES ('EP', current_date - 30, 'full', 'bench', 'bench-ep', 'active', 'bench', :half),
       ('US', current_date - 10, 'full', 'bench', 'bench-us', 'active', 'bench', :rows - :half);

SELECT max(id) FILTER (WHERE office = 'EP') AS ep, max(id) FILTER (WHERE office = 'US') AS us FROM edition \gset
CREATE TABLE authority_record_bench_ep PARTITION OF authority_record FOR VALUES IN (:ep);
CREATE TABLE authority_record_bench_us PARTITION OF authority_record FOR VALUES IN (:us);

INSERT INTO authority_record_bench_ep (edition_id, office, number_key, kind, publication_date, exception_code, doc_number)
SELECT :ep, 'EP', 'EP' || (1000000 + (i + 1) / 2), CASE WHEN i % 2 = 1 THEN 'A1' ELSE 'B1' END,
       date '1979-01-01' + ((i::bigint * 16000) / :half)::int + CASE WHEN i % 2 = 0 THEN 1095 ELSE 0 END,
       CASE WHEN i % 200 = 0 THEN 'W' END, lpad((1000000 + (i + 1) / 2)::text, 7, '0')
FROM generate_series(1, :half) AS i;

INSERT INTO authority_record_bench_us (edition_id, office, number_key, kind, publication_date, exception_code, doc_number)
SELECT :us, 'US',
       CASE WHEN i % 2 = 1 THEN 'US' || (2001 + (i / 2) / 250000) || lpad((1 + (i / 2) % 250000)::text, 7, '0')
            ELSE 'US' || (6000000 + i / 2) END,
       CASE WHEN i % 2 = 1 THEN 'A1' WHEN i % 4 = 0 THEN 'B1' ELSE 'B2' END,
       CASE WHEN i % 2 = 1 THEN make_date(2001 + (i / 2) / 250000, 1, 1) + ((i / 2) % 250000) / 700
            ELSE date '1999-12-28' + ((i::bigint * 8000) / (:rows - :half))::int END,
       CASE WHEN i % 200 = 1 THEN 'W' END,
       CASE WHEN i % 2 = 1 THEN (2001 + (i / 2) / 250000) || lpad((1 + (i / 2) % 250000)::text, 7, '0')
            ELSE (6000000 + i / 2)::text END
FROM generate_series(1, :rows - :half) AS i;

-- the index every ingested edition gets (BulkSession)
CREATE UNIQUE INDEX authority_record_bench_ep_key ON authority_record_bench_ep (number_key, kind);
CREATE UNIQUE INDEX authority_record_bench_us_key ON authority_record_bench_us (number_key, kind);

INSERT INTO office_state (office, active_edition_id) VALUES ('EP', :ep), ('US', :us);
ANALYZE authority_record_bench_ep;
ANALYZE authority_record_bench_us;
