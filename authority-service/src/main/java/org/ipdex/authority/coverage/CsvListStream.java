package org.ipdex.authority.coverage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A kept missing or extra list as CSV, pulled row by row from a server-side cursor as the client reads: memory stays
 * at one fetch batch whatever the list's size, and a client that stops reading stops the query. Values are
 * canonical numbers and kinds (letters and digits) and ISO dates, so nothing needs quoting and nothing can start a
 * spreadsheet formula.
 */
final class CsvListStream extends InputStream {

    private static final Logger LOG = LoggerFactory.getLogger(CsvListStream.class);
    private static final int FETCH = 5000;

    private final DataSource dataSource;
    private final String sql;
    private Connection connection;
    private PreparedStatement statement;
    private ResultSet rows;
    private byte[] chunk;
    private int position;
    private boolean finished;

    CsvListStream(DataSource dataSource, String sql, String header) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource); // plain pooled connections, no ambient transaction
        this.sql = sql;
        this.chunk = (header + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (finished || !fill()) {
                return -1;
            }
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, offset, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        try {
            if (rows == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false); // pgjdbc streams with a cursor only inside a transaction
                statement = connection.prepareStatement(sql);
                statement.setFetchSize(FETCH);
                rows = statement.executeQuery();
            }
            StringBuilder text = new StringBuilder(64 * 1000);
            int columns = rows.getMetaData().getColumnCount();
            for (int i = 0; i < 1000 && rows.next(); i++) {
                for (int c = 1; c <= columns; c++) {
                    if (c > 1) {
                        text.append(',');
                    }
                    String value = rows.getString(c);
                    text.append(value == null ? "" : value);
                }
                text.append('\n');
            }
            if (text.isEmpty()) {
                finished = true;
                close();
                return false;
            }
            chunk = text.toString().getBytes(StandardCharsets.US_ASCII);
            position = 0;
            return true;
        } catch (SQLException e) {
            close();
            throw new IOException("Could not read the list", e);
        }
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            LOG.debug("Closing a list download after the client left: {}", e.toString());
        } finally {
            connection = null;
            finished = true;
        }
    }
}
