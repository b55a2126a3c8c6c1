package org.ipdex.authority.feed;

import jakarta.inject.Singleton;
import org.ipdex.authority.edition.EditionTables;
import org.ipdex.authority.record.CursorStream;
import org.ipdex.authority.record.PoolConnections;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;

/** An edition's records as NDJSON, one record a line, from the edition's own table through a server-side cursor. */
@Singleton
final class EditionRecords {

    private final PoolConnections connections;

    EditionRecords(PoolConnections connections) {
        this.connections = connections;
    }

    InputStream stream(long editionId) throws SQLException {
        String sql = "SELECT " + CursorStream.RECORD_COLUMNS + " FROM " + EditionTables.records(editionId);
        return connections.stream(sql, statement -> { }, "", (row, out) -> line(editionId, row, out));
    }

    private static void line(long editionId, ResultSet row, StringBuilder out) throws SQLException {
        out.append("{\"editionId\":").append(editionId).append(',');
        CursorStream.recordFields(out, row);
        out.append("}\n");
    }
}
