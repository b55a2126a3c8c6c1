package org.ipdex.authority.coverage;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.zip.ZipException;

/**
 * One check from stored upload to stored report: parse and normalise in Java, {@code COPY} into an UNLOGGED
 * staging table (no WAL: it lives only until the report is stored, and a crash fails the check anyway), then
 * {@link CoverageAnalysis} and {@link CoverageChanges} in one transaction that also stores the report.
 */
@Singleton
class CoverageRun {

    private static final Logger LOG = LoggerFactory.getLogger(CoverageRun.class);

    private final DataSource dataSource;
    private final CoverageCheckStore store;
    private final CoverageConfig config;
    private final JsonMapper json;
    private final CoverageFeed feed;

    CoverageRun(DataSource dataSource, CoverageCheckStore store, CoverageConfig config, JsonMapper json,
                CoverageFeed feed) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource); // plain pooled connections, no ambient transaction
        this.store = store;
        this.config = config;
        this.json = json;
        this.feed = feed;
    }

    void run(long id, CheckRequest request, Path file) {
        try {
            store.started(id);
            runChecked(id, request, file);
        } catch (CollectionException e) {
            store.failed(id, e.getMessage());
        } catch (EOFException | ZipException e) {
            store.failed(id, "the upload is not a complete gzip file (" + e.getMessage() + ")");
        } catch (Exception e) {
            LOG.error("Coverage check {} failed", id, e);
            store.failed(id, "the check failed inside the service (internal id " + id + "); please try again");
        }
    }

    private void runChecked(long id, CheckRequest request, Path file) throws IOException, SQLException {
        String staging = CoverageAnalysis.stagingTable(id);
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            execute(connection, "CREATE UNLOGGED TABLE " + staging + " (number_key TEXT NOT NULL, kind TEXT, line BIGINT NOT NULL)");
            try {
                CollectionLoader.Result loaded = load(connection, id, request, file, staging);
                execute(connection, "ANALYZE " + staging);
                long read = System.nanoTime();
                store.comparing(id);
                compare(connection, id, request, loaded, Files.size(file),
                        new CoverageReport.Timings((read - started) / 1_000_000, 0), read);
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // nothing after a commit; everything of this check after a failure
                    connection.setAutoCommit(true);
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                execute(connection, "DROP TABLE IF EXISTS " + staging);
            }
        }
    }

    private CollectionLoader.Result load(Connection connection, long id, CheckRequest request, Path file,
                                         String staging) throws SQLException, IOException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        CollectionLoader loader = new CollectionLoader(new HashSet<>(request.scope().offices()), config.sampleBadLines());
        long[] lastReport = {System.nanoTime()};
        try (Spool.Counting counting = new Spool.Counting(Files.newInputStream(file));
             InputStream text = CollectionLoader.open(counting);
             PGCopyOutputStream copy = new PGCopyOutputStream(pg,
                     "COPY " + staging + " (number_key, kind, line) FROM STDIN", 1 << 16)) {
            return loader.load(text, request.column(), copy, rows -> {
                long now = System.nanoTime();
                if (now - lastReport[0] > 1_000_000_000L) {
                    lastReport[0] = now;
                    store.progress(id, counting.count(), rows);
                }
            });
        }
    }

    private void compare(Connection connection, long id, CheckRequest request, CollectionLoader.Result loaded,
                         long bytes, CoverageReport.Timings reading, long compareStarted) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            CoverageAnalysis.Outcome outcome = new CoverageAnalysis(connection, id, request.scope())
                    .run(config.workMem(), loaded.rowsInScope(), config.hashJoinsFrom());
            CoverageReport.Changes changes = null;
            if (request.name() != null) {
                var previous = store.previous(request.name(), request.scope().key(), id);
                if (previous.isPresent() && previous.get().reportJson() != null) {
                    CoverageReport before = json.readValue(previous.get().reportJson(), CoverageReport.class);
                    changes = CoverageChanges.compare(connection, id, previous.get(), before.totals(),
                            outcome.editions());
                }
            }
            long compared = (System.nanoTime() - compareStarted) / 1_000_000;
            CoverageReport report = new CoverageReport(request.scope(), Instant.now(),
                    new CoverageReport.Collection(request.name(), bytes, loaded.rowsRead(), loaded.rowsInScope(),
                            loaded.outsideScope(), new CoverageReport.Unparseable(loaded.unparseable(), loaded.samples())),
                    outcome.totals(), outcome.offices(), outcome.rows(), changes,
                    new CoverageReport.Timings(reading.readingMillis(), compared));
            String checkId;
            try (PreparedStatement done = connection.prepareStatement("""
                    UPDATE coverage_check SET status = 'done', phase = NULL, report = ?::jsonb, rows_read = ?,
                           finished_at = now() WHERE id = ? RETURNING check_id""")) {
                done.setString(1, json(report));
                done.setLong(2, loaded.rowsRead());
                done.setLong(3, id);
                try (ResultSet rows = done.executeQuery()) {
                    rows.next();
                    checkId = rows.getString(1);
                }
            }
            feed.finished(connection, id, new CoverageCheckFinished(checkId, request.name(), request.scope().key(),
                    request.scope().offices(), outcome.totals()));
            connection.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
