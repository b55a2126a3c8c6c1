package org.ipdex.authority.scope;

import jakarta.inject.Singleton;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Scope versions in PostgreSQL. A version is never changed once written. */
@Singleton
public class ScopeStore {

    /** Two admins saving at once must not both become version N+1. */
    private static final long SCOPE_LOCK = 0x5c09e_0001L;

    private final DataSource dataSource;

    public ScopeStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource); // plain pooled connections, no ambient transaction
    }

    public Optional<Scope> current() {
        return load("SELECT version, created_at, created_by FROM scope_version ORDER BY version DESC LIMIT 1", null);
    }

    public Optional<Scope> version(int version) {
        return load("SELECT version, created_at, created_by FROM scope_version WHERE version = ?", version);
    }

    /** Stores the entries as the next version and returns it. */
    public Scope save(List<ScopeEntry> entries, String createdBy) {
        return inTransaction(connection -> {
            lock(connection);
            int next;
            try (PreparedStatement max = connection.prepareStatement("SELECT coalesce(max(version), 0) + 1 FROM scope_version");
                 ResultSet rows = max.executeQuery()) {
                rows.next();
                next = rows.getInt(1);
            }
            insert(connection, next, entries, createdBy);
            return next;
        }).flatMap(this::version).orElseThrow();
    }

    /** Writes version 1 unless any version exists; several replicas starting at once write it once. */
    public boolean seedIfEmpty(List<ScopeEntry> entries) {
        return inTransaction(connection -> {
            lock(connection);
            try (PreparedStatement any = connection.prepareStatement("SELECT 1 FROM scope_version LIMIT 1");
                 ResultSet rows = any.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
            insert(connection, 1, entries, "seed");
            return true;
        }).orElse(false);
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, SCOPE_LOCK);
            lock.execute();
        }
    }

    private static void insert(Connection connection, int version, List<ScopeEntry> entries, String createdBy)
            throws SQLException {
        try (PreparedStatement head = connection.prepareStatement(
                "INSERT INTO scope_version (version, created_by) VALUES (?, ?)")) {
            head.setInt(1, version);
            head.setString(2, createdBy);
            head.executeUpdate();
        }
        try (PreparedStatement row = connection.prepareStatement("""
                INSERT INTO scope_entry (version, position, office, kinds, from_year, to_year, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < entries.size(); i++) {
                ScopeEntry entry = entries.get(i);
                row.setInt(1, version);
                row.setInt(2, i);
                row.setString(3, entry.office());
                row.setArray(4, connection.createArrayOf("text", entry.kinds().toArray()));
                row.setInt(5, entry.fromYear());
                if (entry.toYear() == null) {
                    row.setNull(6, Types.INTEGER);
                } else {
                    row.setInt(6, entry.toYear());
                }
                row.setString(7, entry.note());
                row.addBatch();
            }
            row.executeBatch();
        }
    }

    private Optional<Scope> load(String headSql, Integer version) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement head = connection.prepareStatement(headSql)) {
            if (version != null) {
                head.setInt(1, version);
            }
            try (ResultSet rows = head.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                int found = rows.getInt(1);
                return Optional.of(new Scope(found, rows.getTimestamp(2).toInstant(), rows.getString(3),
                        entries(connection, found)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the scope", e);
        }
    }

    private static List<ScopeEntry> entries(Connection connection, int version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT office, kinds, from_year, to_year, note FROM scope_entry WHERE version = ? ORDER BY position""")) {
            select.setInt(1, version);
            List<ScopeEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Array kinds = rows.getArray(2);
                    int toYear = rows.getInt(4);
                    Integer to = rows.wasNull() ? null : toYear;
                    entries.add(new ScopeEntry(rows.getString(1), Arrays.asList((String[]) kinds.getArray()),
                            rows.getInt(3), to, rows.getString(5)));
                }
            }
            return entries;
        }
    }

    private <T> Optional<T> inTransaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return Optional.ofNullable(result);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the scope", e);
        }
    }

    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
