package org.ipdex.authority.ingest;

import jakarta.inject.Singleton;
import org.ipdex.authority.edition.EditionTables;
import org.ipdex.authority.record.PoolConnections;

import java.sql.SQLException;

/**
 * Opens {@link BulkSession}s on connections of the pool itself, outside Micronaut's transaction management: a
 * load is one long transaction that needs the driver's COPY API and manages its own commit.
 */
@Singleton
public final class EditionLoader {

    private final PoolConnections pool;

    public EditionLoader(PoolConnections pool) {
        this.pool = pool;
    }

    BulkSession begin(long editionId, String office) throws SQLException {
        java.sql.Connection connection = pool.connection();
        try {
            return new BulkSession(connection, editionId, office);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Drops an edition's record table that was built but never attached (a failed activation, a crash). */
    public void dropTable(long editionId) {
        try (java.sql.Connection connection = pool.connection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + EditionTables.records(editionId));
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(EditionLoader.class).warn("Could not drop the table of edition {}", editionId, e);
        }
    }
}
