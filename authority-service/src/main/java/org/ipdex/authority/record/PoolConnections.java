package org.ipdex.authority.record;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections of the pool itself, outside Micronaut's transaction management, for work that streams or manages its
 * own transaction: a load's COPY and commit, recovery and retention, diffs, and {@link CursorStream}s, which keep
 * their connection (and the read-only transaction their cursor needs) until the client has read them to the end,
 * long after the request's method has returned.
 */
@Singleton
public final class PoolConnections {

    private final DataSource pool;

    public PoolConnections(DataSource dataSource) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** See {@link CursorStream#CursorStream}: the stream returns the connection when it is closed. */
    public CursorStream stream(String sql, CursorStream.Binder binder, String header, CursorStream.RowWriter writer)
            throws SQLException {
        return new CursorStream(connection(), sql, binder, header, writer);
    }
}
