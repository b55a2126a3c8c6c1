package org.ipdex.authority.coverage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Tells the change feed that a check's report was stored. The service's outbox is written by its {@code feed}
 * package alone, which implements this port.
 */
public interface CoverageFeed {

    /**
     * @param connection the check's own connection: the event commits with whatever it commits
     * @param id         the check's row id, the event's version
     */
    void finished(Connection connection, long id, CoverageCheckFinished event) throws SQLException;
}
