package org.ipdex.authority.ingest;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.ipdex.authority.edition.EditionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * After a crash or kill mid-ingest: editions left {@code ingesting} whose lock nobody holds (so no live process is
 * building them) are marked failed and their half-built table, if it was committed, is dropped. The active set was
 * never touched — activation is the last, atomic step — and the same file can be uploaded again.
 */
@Singleton
public class IngestRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(IngestRecovery.class);

    private final EditionStore editions;
    private final EditionLoader loader;

    public IngestRecovery(EditionStore editions, EditionLoader loader) {
        this.editions = editions;
        this.loader = loader;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        recover();
    }

    /** @return the editions marked failed */
    public List<Long> recover() {
        List<Long> recovered = new java.util.ArrayList<>();
        for (long id : editions.ingesting()) {
            try (Connection connection = loader.connection()) {
                connection.setAutoCommit(true);
                if (!tryLock(connection, id)) {
                    continue;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE IF EXISTS " + EditionTables.records(id));
                }
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE edition SET status = 'failed', finished_at = now(),
                               report = jsonb_build_object('outcome', 'failed', 'detail',
                                 'The service stopped while reading this file; the active data is unchanged. Upload it again.',
                                 'recordsRead', 0, 'recordsAccepted', 0, 'recordsRejected', 0,
                                 'errorCounts', '{}'::jsonb, 'errors', '[]'::jsonb, 'notes', '[]'::jsonb)
                        WHERE id = ? AND status = 'ingesting'""")) {
                    update.setLong(1, id);
                    update.executeUpdate();
                }
                try (Statement unlock = connection.createStatement()) {
                    unlock.execute("SELECT pg_advisory_unlock_all()");
                }
                recovered.add(id);
                LOG.warn("Edition {} was left ingesting by a stopped process: marked failed", id);
            } catch (SQLException e) {
                LOG.error("Could not recover edition {}", id, e);
            }
        }
        return recovered;
    }

    private static boolean tryLock(Connection connection, long id) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?::int)")) {
            lock.setInt(1, BulkSession.EDITION_LOCK);
            lock.setLong(2, id);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
