package org.ipdex.common.schedule;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Runs a timer's work on one replica at a time. Every replica of a service fires the same {@code @Scheduled}
 * methods; without this, N replicas would probe every server N times and fetch every source N times. The lock is a
 * PostgreSQL session advisory lock on a connection held for the run, so a replica that dies releases it with its
 * connection, and a replica that finds it taken skips the round instead of waiting.
 */
@Singleton
@Requires(beans = DataSource.class)
public class OneReplica {

    private static final Logger LOG = LoggerFactory.getLogger(OneReplica.class);
    /** The first half of the two-int advisory key, so these locks never meet the feed's one-bigint lock. */
    private static final int TIMER_LOCKS = 0x1bde;

    private final DataSource dataSource;

    /** The pool itself: the lock's connection lives outside any transaction the work may open. */
    public OneReplica(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * @param task names the work; replicas agree on the lock through it
     * @return false when another replica is running the task, and nothing was done here
     */
    public boolean run(String task, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!call(connection, "SELECT pg_try_advisory_lock(?, hashtext(?))", task)) {
                LOG.debug("{}: another replica is on it; skipping this round", task);
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                call(connection, "SELECT pg_advisory_unlock(?, hashtext(?))", task);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(task + ": the replica lock is unavailable", e);
        }
    }

    private static boolean call(Connection connection, String sql, String task) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, TIMER_LOCKS);
            statement.setString(2, task);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
