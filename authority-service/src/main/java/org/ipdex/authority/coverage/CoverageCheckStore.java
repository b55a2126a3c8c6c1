package org.ipdex.authority.coverage;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The job table: each state change of a check is one short statement, so any replica can answer its status. */
@Singleton
class CoverageCheckStore {

    private static final String COLUMNS = """
            id, check_id, name, scope_key, scope_version, scope::text, status, phase, bytes_total, bytes_read,
            rows_read, report::text, error, created_at, started_at, finished_at""";

    private final DataSource dataSource;

    CoverageCheckStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource); // plain pooled connections, no ambient transaction
    }

    long create(String checkId, @Nullable String name, CheckScope scope, String scopeJson, String createdBy) {
        return query("""
                INSERT INTO coverage_check (check_id, name, scope_key, scope_version, scope, status, created_by)
                VALUES (?, ?, ?, ?, ?::jsonb, 'receiving', ?) RETURNING id""", statement -> {
            statement.setString(1, checkId);
            statement.setString(2, name);
            statement.setString(3, scope.key());
            if (scope.version() == null) {
                statement.setNull(4, Types.INTEGER);
            } else {
                statement.setInt(4, scope.version());
            }
            statement.setString(5, scopeJson);
            statement.setString(6, createdBy);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    void queued(long id, long bytes) {
        update("UPDATE coverage_check SET status = 'queued', bytes_total = ? WHERE id = ?", bytes, id);
    }

    void started(long id) {
        update("""
                UPDATE coverage_check SET status = 'running', phase = 'reading', started_at = now() WHERE id = ?""", id);
    }

    void progress(long id, long bytesRead, long rowsRead) {
        update("UPDATE coverage_check SET bytes_read = ?, rows_read = ? WHERE id = ?",
                bytesRead, rowsRead, id);
    }

    void comparing(long id) {
        update("UPDATE coverage_check SET phase = 'comparing' WHERE id = ?", id);
    }

    /** Only an unfinished check can fail: a late failure must not overwrite a stored report. */
    void failed(long id, String error) {
        query("""
                UPDATE coverage_check SET status = 'failed', phase = NULL, error = ?, finished_at = now()
                WHERE id = ? AND status NOT IN ('done', 'failed')""", statement -> {
            statement.setString(1, error);
            statement.setLong(2, id);
            return statement.executeUpdate();
        });
    }

    void heartbeat(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        query("""
                INSERT INTO coverage_heartbeat (id) SELECT unnest(?::bigint[])
                ON CONFLICT (id) DO UPDATE SET beat_at = now()""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids.toArray()));
            return statement.executeUpdate();
        });
    }

    /** Unfinished checks nobody has touched since {@code before}: their job died with its process. */
    List<Long> markStaleFailed(Instant before) {
        return query("""
                UPDATE coverage_check SET status = 'failed', phase = NULL, finished_at = now(),
                       error = 'interrupted: the service stopped while the check ran; please upload again'
                WHERE id IN (SELECT c.id FROM coverage_check c LEFT JOIN coverage_heartbeat h ON h.id = c.id
                             WHERE c.status IN ('receiving', 'queued', 'running')
                               AND coalesce(h.beat_at, c.created_at) < ?)
                RETURNING id""", statement -> {
            statement.setTimestamp(1, Timestamp.from(before));
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
    }

    Optional<StoredCheck> find(String checkId) {
        return one("SELECT " + COLUMNS + " FROM coverage_check WHERE check_id = ?", checkId);
    }

    Optional<StoredCheck> previous(String name, String scopeKey, long before) {
        return query("SELECT " + COLUMNS + """
                 FROM coverage_check WHERE name = ? AND scope_key = ? AND status = 'done' AND id < ?
                ORDER BY id DESC LIMIT 1""", statement -> {
            statement.setString(1, name);
            statement.setString(2, scopeKey);
            statement.setLong(3, before);
            return read(statement);
        });
    }

    private Optional<StoredCheck> one(String sql, String checkId) {
        return query(sql, statement -> {
            statement.setString(1, checkId);
            return read(statement);
        });
    }

    private static Optional<StoredCheck> read(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            int version = rows.getInt(5);
            Integer scopeVersion = rows.wasNull() ? null : version;
            long total = rows.getLong(9);
            Long bytesTotal = rows.wasNull() ? null : total;
            return Optional.of(new StoredCheck(rows.getLong(1), rows.getString(2), rows.getString(3),
                    rows.getString(4), scopeVersion, rows.getString(6), rows.getString(7), rows.getString(8),
                    bytesTotal, rows.getLong(10), rows.getLong(11), rows.getString(12), rows.getString(13),
                    instant(rows.getTimestamp(14)), instant(rows.getTimestamp(15)), instant(rows.getTimestamp(16))));
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private void update(String sql, long... values) {
        query(sql, statement -> {
            for (int i = 0; i < values.length; i++) {
                statement.setLong(i + 1, values[i]);
            }
            return statement.executeUpdate();
        });
    }

    private <T> T query(String sql, Work<T> work) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("coverage_check: " + e.getMessage(), e);
        }
    }

    private interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }
}
