/**
 * Coverage checks (issue 4, item 6): does an examiner's collection hold every document of some authority files?
 *
 * <p>Data flow: {@code POST /api/v1/authority/coverageChecks} stores the upload on disk ({@link
 * org.ipdex.authority.coverage.Spool}; its own size limit, see {@link org.ipdex.authority.coverage.UploadSizeLimit})
 * and answers 202. A bounded pool ({@link org.ipdex.authority.coverage.CoverageJobs}) then parses each line with the
 * one {@code PublicationNumber} normalisation, {@code COPY}s {@code (number_key, kind, line)} into an UNLOGGED staging
 * table, and compares set against set in SQL ({@link org.ipdex.authority.coverage.CoverageAnalysis}); the missing and
 * extra lists are kept in per-check partitions, the report as JSON with the check, and the staging table is dropped.
 *
 * <p>Matching: an entry with a kind matches the record with that number and kind; an entry without a kind matches
 * every kind of its number. Exception-coded records are counted apart and are never missing. Extra = a line of an
 * office in scope that matches no record of that office's active file (any kind, any year); offices outside the
 * scope are counted, not compared. Held = expected − missing, so a number listed twice is held once.
 *
 * <p>Limits: {@code ipdex.coverage.*} ({@link org.ipdex.authority.coverage.CoverageConfig}).
 */
package org.ipdex.authority.coverage;
