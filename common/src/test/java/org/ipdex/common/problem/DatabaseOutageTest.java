package org.ipdex.common.problem;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.exceptions.NoConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseOutageTest {

    @Test
    void aConnectionFailureDeepInTheChainIsAnOutage() {
        // as pgjdbc reports a connection cut mid-statement, wrapped twice on its way up
        SQLException cut = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertTrue(DatabaseOutage.causedBy(new IllegalStateException("tx", new RuntimeException("data", cut))));
    }

    @Test
    void anExhaustedPoolAndAServerShuttingDownAreOutages() {
        assertTrue(DatabaseOutage.causedBy(new SQLTransientConnectionException("Connection is not available")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command",
                "57P01")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void aConnectionThatCouldNotBePreparedIsAnOutage() {
        // seen in PostgresRestartIT: a read-only transaction began on a connection Hikari had closed after the cut
        assertTrue(DatabaseOutage.causedBy(new ConnectionException("Could not set JDBC Connection read-only",
                new SQLException("Connection is closed"))));
    }

    @Test
    void aFailingStatementOrADefectIsNot() {
        assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("no state")));
        assertFalse(DatabaseOutage.causedBy(new NullPointerException()));
        assertFalse(DatabaseOutage.causedBy(new NoConnectionException()));
    }
}
