package org.ipdex.authority.ingest;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ipdex.authority.edition.Editions;
import org.ipdex.authority.edition.EditionTables;
import org.ipdex.authority.record.PoolConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * After a crash or kill mid-ingest: editions left {@code ingesting} whose lock nobody holds (so no live process is
 * building them) are marked failed and their half-built table, if it was committed, is dropped; the killed
 * process's spooled uploads are deleted. The active set was never touched — activation is the last, atomic step —
 * and the same file can be uploaded again.
 *
 * <p>The lock can outlive the process that took it: PostgreSQL notices that a client is gone only when the
 * statement it runs ends, and the unique index of a large edition takes a while. So an edition still locked at
 * start-up is looked at again until its lock is free, or until it is no longer ingesting (a live process finished
 * it).
 */
@Singleton
public class IngestRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(IngestRecovery.class);

    private final Editions editions;
    private final PoolConnections connections;
    private final UploadSpool spool;
    private final Set<Long> held = ConcurrentHashMap.newKeySet();

    public IngestRecovery(Editions editions, PoolConnections connections, UploadSpool spool) {
        this.editions = editions;
        this.connections = connections;
        this.spool = spool;
    }

    private enum Attempt { RECOVERED, HELD, NOT_INGESTING }

    @EventListener
    void onStartup(StartupEvent event) {
        // before the server listens: nothing in the spool directory is this process's yet
        spool.removeLeftovers();
        recover();
    }

    /**
     * An ingest of this process that failed without recording it (the database was away): its lock went with its
     * connection, so the next attempt that reaches the database marks it failed.
     */
    public void recoverLater(long editionId) {
        LOG.warn("Edition {} failed and its failure could not be recorded; it is marked failed once the database "
                + "answers", editionId);
        held.add(editionId);
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void retryHeld() {
        held.removeIf(id -> attempt(id) != Attempt.HELD);
    }

    /** @return the editions marked failed */
    public List<Long> recover() {
        List<Long> recovered = new ArrayList<>();
        for (long id : editions.ingesting()) {
            switch (attempt(id)) {
                case RECOVERED -> recovered.add(id);
                case HELD -> held.add(id);
                case NOT_INGESTING -> { }
            }
        }
        return recovered;
    }

    private Attempt attempt(long id) {
        try (Connection connection = connections.connection()) {
            connection.setAutoCommit(true);
            if (!tryLock(connection, id)) {
                return Attempt.HELD;
            }
            try {
                // the status is checked under the lock, in the transaction that drops the table: a job that has
                // just activated the edition released the lock too, and its table is now an active partition
                connection.setAutoCommit(false);
                boolean marked = markFailed(connection, id);
                if (marked) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("DROP TABLE IF EXISTS " + EditionTables.records(id));
                    }
                }
                connection.commit();
                if (!marked) {
                    return Attempt.NOT_INGESTING;
                }
                LOG.warn("Edition {} was left ingesting by a stopped process: marked failed", id);
                return Attempt.RECOVERED;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
                try (Statement unlock = connection.createStatement()) {
                    unlock.execute("SELECT pg_advisory_unlock_all()");
                }
            }
        } catch (SQLException e) {
            LOG.error("Could not recover edition {}; trying again", id, e);
            return Attempt.HELD;
        }
    }

    private static boolean markFailed(Connection connection, long id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE edition SET status = 'failed', finished_at = now(),
                       report = jsonb_build_object('outcome', 'failed', 'detail',
                         'The service stopped while reading this file; the active data is unchanged. Upload it again.',
                         'recordsRead', 0, 'recordsAccepted', 0, 'recordsRejected', 0,
                         'errorCounts', '{}'::jsonb, 'errors', '[]'::jsonb, 'notes', '[]'::jsonb)
                WHERE id = ? AND status = 'ingesting'""")) {
            update.setLong(1, id);
            return update.executeUpdate() == 1;
        }
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
