package org.ipdex.authority.ingest;

import org.ipdex.authority.edition.EditionTables;
import org.ipdex.authority.edition.StatisticRow;
import org.ipdex.common.problem.ProblemError;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One edition's load, on one connection in one transaction: the record table is created, filled by binary
 * {@code COPY … FREEZE} (allowed because the table is new in this transaction: no WAL-heavy second pass to set
 * hint bits), indexed and checked before anything commits. Until {@link #commit} nothing is visible; if the
 * process dies, PostgreSQL discards the half-built table with the transaction.
 *
 * <p>Full editions are copied straight into their table. Incremental and differential ones go to a temporary
 * staging table first, then one set-based statement per step builds the complete resulting set from the base
 * edition's table and the staged changes, so that every edition table holds a complete set (see V2).
 */
public final class BulkSession implements AutoCloseable {

    /** Advisory-lock namespaces: an edition being built, and an office whose set is being built. */
    static final int EDITION_LOCK = 0x1d17;
    static final int OFFICE_LOCK = 0x0ff1;

    private final Connection connection;
    private final long editionId;
    private final String table;
    private final String office;
    private boolean staged;
    private org.postgresql.copy.CopyIn copy;

    BulkSession(Connection connection, long editionId, String office) throws SQLException {
        this.connection = connection;
        this.editionId = editionId;
        this.table = EditionTables.records(editionId);
        connection.setAutoCommit(true);
        this.office = office;
        // held while this session lives: recovery at start-up leaves alone what a live process is building
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?, ?::int)")) {
            lock.setInt(1, EDITION_LOCK);
            lock.setLong(2, editionId);
            lock.execute();
        }
    }

    /**
     * Waits until no other edition of the office is being built, so that an update is applied to the set that is
     * active when it is built. Taken after the edition's own lock, so that a waiting upload already counts as live.
     */
    void lockOffice() throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
            lock.setInt(1, OFFICE_LOCK);
            lock.setString(2, office);
            lock.execute();
        }
        connection.setAutoCommit(false);
        // the unique index of a ten-million-row edition sorts ~0.5 GB of keys: in memory rather than in merge passes
        execute("SET LOCAL maintenance_work_mem = '1GB'");
    }

    /** Creates the table the file's rows go to and starts {@code COPY}. */
    CopyEncoder startCopy(boolean full) throws SQLException {
        staged = !full;
        String target = full ? table : "stage_e" + editionId;
        execute(full ? createTable() : "CREATE TEMP TABLE " + target
                + " (LIKE authority_record INCLUDING DEFAULTS, deleted BOOLEAN NOT NULL) ON COMMIT DROP");
        String sql = "COPY " + target + " (" + CopyEncoder.COLUMNS + (full ? "" : ", deleted")
                + ") FROM STDIN (FORMAT binary, FREEZE)";
        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        return new CopyEncoder(copy, !full);
    }

    private String createTable() {
        return "CREATE TABLE " + table + " (LIKE authority_record INCLUDING DEFAULTS, CONSTRAINT " + table
                + "_edition CHECK (edition_id = " + editionId + "))";
    }

    /**
     * Finds entries that repeat a number and kind of the same file and removes all but the first. The unique index
     * finds them at no extra cost when there are none (the usual case); only then is the table grouped.
     *
     * @return how many rows were removed
     */
    long removeDuplicates(ErrorLog errors, int maxListed) throws SQLException {
        String target = staged ? "stage_e" + editionId : table;
        if (!staged) {
            Savepoint before = connection.setSavepoint();
            try {
                execute("CREATE UNIQUE INDEX " + table + "_key ON " + table + " (number_key, kind)");
                connection.releaseSavepoint(before);
                return 0;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(before);
            }
        }
        List<ProblemError> examples = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement("SELECT number_key, kind, lines[1], lines[2:6] FROM ("
                + "SELECT number_key, kind, array_agg(source_line ORDER BY source_line) lines FROM " + target
                + " GROUP BY number_key, kind HAVING count(*) > 1) d ORDER BY lines[1] LIMIT ?")) {
            find.setInt(1, maxListed);
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    long first = rows.getLong(3);
                    for (Long line : (Long[]) rows.getArray(4).getArray()) {
                        examples.add(ProblemError.atLine(line, null, "Duplicate of line " + first + ": "
                                + rows.getString(1) + rows.getString(2)));
                    }
                }
            }
        }
        long removed = update("DELETE FROM " + target + " a USING (SELECT number_key, kind, min(source_line) keep FROM "
                + target + " GROUP BY number_key, kind HAVING count(*) > 1) d "
                + "WHERE a.number_key = d.number_key AND a.kind = d.kind AND a.source_line <> d.keep");
        if (removed > 0) {
            errors.addCounted(RecordValidator.DUPLICATE, removed, examples);
        }
        if (!staged) {
            execute("CREATE UNIQUE INDEX " + table + "_key ON " + table + " (number_key, kind)");
        }
        return removed;
    }

    /**
     * Builds the complete set of an incremental or differential edition: the base set less every number and kind
     * the file mentions, plus the file's additions.
     *
     * @param baseEditionId 0 when the office has no active edition yet
     * @return deletions that named nothing in the base set
     */
    long applyOnBase(long baseEditionId) throws SQLException {
        String stage = "stage_e" + editionId;
        execute(createTable());
        long deletions = count("SELECT count(*) FROM " + stage + " WHERE deleted");
        long matched = 0;
        if (baseEditionId > 0) {
            String base = EditionTables.records(baseEditionId);
            execute("INSERT INTO " + table + " SELECT " + editionId
                    + ", b.office, b.number_key, b.kind, b.publication_date, b.exception_code, b.doc_number, NULL FROM "
                    + base + " b WHERE NOT EXISTS (SELECT 1 FROM " + stage
                    + " s WHERE s.number_key = b.number_key AND s.kind = b.kind)");
            matched = count("SELECT count(*) FROM " + stage + " s WHERE s.deleted AND EXISTS (SELECT 1 FROM " + base
                    + " b WHERE b.number_key = s.number_key AND b.kind = s.kind)");
        }
        execute("INSERT INTO " + table + " SELECT " + editionId
                + ", office, number_key, kind, publication_date, exception_code, doc_number, source_line FROM " + stage
                + " WHERE NOT deleted");
        execute("CREATE UNIQUE INDEX " + table + "_key ON " + table + " (number_key, kind)");
        return deletions - matched;
    }

    long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    long setSize() throws SQLException {
        return count("SELECT count(*) FROM " + table);
    }

    /** Year × kind counts of the built set, for editions whose set is not simply the file. */
    List<StatisticRow> statistics() throws SQLException {
        List<StatisticRow> result = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT coalesce(extract(year FROM publication_date)::int, 0), kind, count(*), count(exception_code) FROM "
                        + table + " GROUP BY 1, 2")) {
            while (rows.next()) {
                result.add(new StatisticRow(rows.getInt(1), rows.getString(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        return result;
    }

    /** Counts by exception code of the built set. */
    java.util.Map<String, Long> exceptionCounts() throws SQLException {
        java.util.Map<String, Long> result = new java.util.TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT exception_code, count(*) FROM " + table + " WHERE exception_code IS NOT NULL GROUP BY 1")) {
            while (rows.next()) {
                result.put(rows.getString(1), rows.getLong(2));
            }
        }
        return result;
    }

    /** First and last publication date of the built set (either may be null). */
    java.time.LocalDate[] dateRange() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT min(publication_date), max(publication_date) FROM " + table)) {
            rows.next();
            java.sql.Date first = rows.getDate(1);
            java.sql.Date last = rows.getDate(2);
            return new java.time.LocalDate[] {first == null ? null : first.toLocalDate(), last == null ? null : last.toLocalDate()};
        }
    }

    void commit() throws SQLException {
        // fresh statistics, so that the first queries after activation plan well
        execute("ANALYZE " + table);
        connection.commit();
    }

    void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection is closed below; PostgreSQL rolls back what is left
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long update(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeLargeUpdate(sql);
        }
    }

    /**
     * Ends a COPY the file broke off in the middle of, rolls back whatever was not committed and releases the
     * locks. Session locks outlive a pooled connection's return to the pool, so a connection that cannot be cleaned
     * is closed for good instead of going back to the pool.
     */
    @Override
    public void close() throws SQLException {
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
            rollback();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock_all()");
            }
        } catch (SQLException | RuntimeException e) {
            connection.unwrap(org.postgresql.core.BaseConnection.class).getQueryExecutor().close();
            throw e;
        } finally {
            connection.close();
        }
    }
}
