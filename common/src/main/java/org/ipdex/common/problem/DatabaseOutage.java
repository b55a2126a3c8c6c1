package org.ipdex.common.problem;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.exceptions.NoConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that cannot be reached (down, restarting, connection cut, pool exhausted) from a defect. The
 * first is an outage the client should retry, so it is answered 503 like a backend the gateway cannot reach; only the
 * second is a 500. The exception arrives wrapped by whichever layer saw it first (Micronaut Data, the transaction
 * manager, Hikari), so the whole cause chain is read. Its innermost cause is not always telling: a connection that
 * Hikari already closed after the failure reports a bare "Connection is closed" with no SQLSTATE, which is why
 * Micronaut's own "could not open or prepare the connection" counts too.
 */
final class DatabaseOutage {

    /** SQLSTATE class 08 is "connection exception"; these 57P codes are the server shutting down or starting up. */
    private static final String CONNECTION_CLASS = "08";
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isConnectionFailure(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof NoConnectionException) {
            return false; // code that asked for a connection outside any: a defect, not an outage
        }
        if (cause instanceof ConnectionException || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
            return true;
        }
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith(CONNECTION_CLASS) || SERVER_GOING_AWAY.contains(sql.getSQLState()));
    }
}
