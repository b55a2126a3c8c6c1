package org.ipdex.authority.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Rows of a query as a byte stream, read through a server-side cursor (pgjdbc fetches {@code fetchSize} rows at a
 * time only inside a transaction): memory stays constant however many millions of rows are exported, and the
 * HTTP layer pulls at the client's pace. Closing the stream closes the cursor and returns the connection.
 * Opened by {@link PoolConnections#stream}.
 */
public final class CursorStream extends InputStream {

    /** Turns the current row into one line of output, terminator included. */
    @FunctionalInterface
    public interface RowWriter {
        void write(ResultSet row, StringBuilder out) throws SQLException;
    }

    private static final int FETCH_SIZE = 5000;
    private static final int CHUNK = 64 * 1024;

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final RowWriter writer;
    private final StringBuilder text = new StringBuilder(CHUNK + 1024);
    private byte[] chunk = new byte[0];
    private int position;
    private boolean done;

    /**
     * @param header first line of the output (a CSV header), or empty
     * @param binder sets the statement's parameters
     */
    CursorStream(Connection connection, String sql, Binder binder, String header, RowWriter writer)
            throws SQLException {
        this.connection = connection;
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH_SIZE);
            binder.bind(statement);
            rows = statement.executeQuery();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        this.writer = writer;
        text.append(header);
    }

    /** Sets a prepared statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (position == chunk.length && !fill()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, count);
        position += count;
        return count;
    }

    private boolean fill() throws IOException {
        if (done && text.isEmpty()) {
            return false;
        }
        try {
            while (!done && text.length() < CHUNK) {
                if (rows.next()) {
                    writer.write(rows, text);
                } else {
                    done = true;
                }
            }
        } catch (SQLException e) {
            throw new IOException("Reading the rows failed", e);
        }
        chunk = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        position = 0;
        return chunk.length > 0;
    }

    @Override
    public void close() throws IOException {
        try (connection; statement; rows) {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /** Minimal JSON string escaping, for hand-written NDJSON lines. */
    /** The record columns every JSON line carries, in the order of {@link #RECORD_COLUMNS}. */
    public static final String RECORD_COLUMNS = "office, number_key, kind, publication_date, exception_code, doc_number";
    private static final String[] RECORD_FIELDS =
            {"office", "numberKey", "kind", "publicationDate", "exceptionCode", "docNumber"};

    /** Appends {@code "office":…,…,"docNumber":…} from columns 1–6 of {@code row}, without braces. */
    public static void recordFields(StringBuilder out, ResultSet row) throws SQLException {
        for (int column = 1; column <= RECORD_FIELDS.length; column++) {
            if (column > 1) {
                out.append(',');
            }
            out.append('"').append(RECORD_FIELDS[column - 1]).append("\":");
            json(out, row.getString(column));
        }
    }

    public static void json(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A CSV field, quoted only when it must be. */
    public static void csv(StringBuilder out, String value) {
        if (value == null) {
            return;
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            out.append(value);
        } else {
            out.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
    }
}
