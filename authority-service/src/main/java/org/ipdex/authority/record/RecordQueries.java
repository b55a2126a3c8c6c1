package org.ipdex.authority.record;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.ipdex.common.page.Page;

import java.io.InputStream;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the active sets through the {@code active_record} view: look-up, listing, export, statistics. */
@Singleton
public class RecordQueries {

    private static final String SELECT = """
            SELECT r.office, r.number_key, r.kind, r.publication_date, r.exception_code, de.description,
                   dk.description, r.doc_number, r.edition_id
            FROM active_record r
            LEFT JOIN office_definition dk ON dk.office = r.office AND dk.code_type = 'kind' AND dk.code = r.kind
            LEFT JOIN office_definition de ON de.office = r.office AND de.code_type = 'exception'
                                          AND de.code = r.exception_code""";

    private final JdbcOperations jdbc;
    private final PoolConnections connections;

    public RecordQueries(JdbcOperations jdbc, PoolConnections connections) {
        this.jdbc = jdbc;
        this.connections = connections;
    }

    /** Every kind of the number, or the one kind given. */
    @ReadOnly
    public List<RecordResponse> lookUp(String numberKey, Optional<String> kind) {
        return jdbc.prepareStatement(SELECT + " WHERE r.number_key = ?" + (kind.isPresent() ? " AND r.kind = ?" : "")
                + " ORDER BY r.kind", statement -> {
            statement.setString(1, numberKey);
            if (kind.isPresent()) {
                statement.setString(2, kind.get());
            }
            return list(statement.executeQuery());
        });
    }

    @ReadOnly
    public Page<RecordResponse> page(RecordFilter filter, String cursor, int limit) {
        RecordFilter.Where where = filter.where(cursor);
        String sql = SELECT.replace("FROM active_record r", "FROM (SELECT * FROM active_record" + where.sql()
                + " ORDER BY number_key, kind LIMIT ?) r") + " ORDER BY r.number_key, r.kind";
        List<RecordResponse> items = jdbc.prepareStatement(sql, statement -> {
            where.bind(statement, 1);
            statement.setInt(where.values().size() + 1, limit);
            return list(statement.executeQuery());
        });
        String next = items.size() == limit
                ? RecordFilter.encode(items.get(limit - 1).numberKey(), items.get(limit - 1).kind()) : null;
        return new Page<>(items, next);
    }

    /** The whole filtered set as CSV or NDJSON, streamed from a cursor. */
    public InputStream export(RecordFilter filter, boolean csv) throws SQLException {
        RecordFilter.Where where = filter.where(null);
        String sql = "SELECT office, number_key, kind, publication_date, exception_code, doc_number, edition_id "
                + "FROM active_record" + where.sql() + " ORDER BY number_key, kind";
        return connections.stream(sql, statement -> where.bind(statement, 1),
                csv ? "office,numberKey,kind,publicationDate,exceptionCode,docNumber,editionId\n" : "",
                csv ? RecordQueries::csvLine : RecordQueries::jsonLine);
    }

    @ReadOnly
    public StatisticsResponse statistics(Optional<String> office) {
        return jdbc.prepareStatement("""
                SELECT o.office, s.edition_id, s.year, s.kind, s.records, s.exception_coded
                FROM office_state o JOIN edition_statistic s ON s.edition_id = o.active_edition_id
                WHERE (? IS NULL OR o.office = ?) ORDER BY o.office, s.year, s.kind""", statement -> {
            statement.setString(1, office.orElse(null));
            statement.setString(2, office.orElse(null));
            List<StatisticsResponse.Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new StatisticsResponse.Row(result.getString(1), result.getLong(2), result.getInt(3),
                            result.getString(4), result.getLong(5), result.getLong(6)));
                }
            }
            return new StatisticsResponse(rows);
        });
    }

    private static List<RecordResponse> list(ResultSet rows) throws SQLException {
        try (rows) {
            List<RecordResponse> records = new ArrayList<>();
            while (rows.next()) {
                Date date = rows.getDate(4);
                records.add(new RecordResponse(rows.getString(1), rows.getString(2), rows.getString(3),
                        date == null ? null : date.toLocalDate(), rows.getString(5), rows.getString(6),
                        rows.getString(7), rows.getString(8), rows.getLong(9)));
            }
            return records;
        }
    }

    static void csvLine(ResultSet row, StringBuilder out) throws SQLException {
        for (int column = 1; column <= 7; column++) {
            if (column > 1) {
                out.append(',');
            }
            CursorStream.csv(out, row.getString(column));
        }
        out.append('\n');
    }

    static void jsonLine(ResultSet row, StringBuilder out) throws SQLException {
        out.append('{');
        CursorStream.recordFields(out, row);
        out.append(",\"editionId\":").append(row.getLong(7)).append("}\n");
    }
}
