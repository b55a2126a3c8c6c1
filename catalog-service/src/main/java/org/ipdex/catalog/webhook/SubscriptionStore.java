package org.ipdex.catalog.webhook;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code webhook_subscription} table. */
@Singleton
class SubscriptionStore {

    private static final String COLUMNS = """
            id, owner, url, secret, types, offices, api_ids, status, paused_reason, consecutive_failures,
            failing_since, created_at, updated_at""";

    private final JdbcOperations jdbc;

    SubscriptionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Subscription subscription) {
        jdbc.prepareStatement("INSERT INTO webhook_subscription (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setObject(1, subscription.id());
            statement.setString(2, subscription.owner());
            statement.setString(3, subscription.url());
            statement.setString(4, subscription.secret());
            setState(statement, 5, subscription);
            statement.setTimestamp(12, Timestamp.from(subscription.createdAt()));
            statement.setTimestamp(13, Timestamp.from(subscription.updatedAt()));
            return statement.executeUpdate();
        });
    }

    /** Everything but id, owner, secret and creation time. */
    void update(Subscription subscription) {
        jdbc.prepareStatement("""
                UPDATE webhook_subscription SET url = ?, types = ?, offices = ?, api_ids = ?, status = ?,
                       paused_reason = ?, consecutive_failures = ?, failing_since = ?, updated_at = ?
                WHERE id = ?""", statement -> {
            statement.setString(1, subscription.url());
            setState(statement, 2, subscription);
            statement.setTimestamp(9, Timestamp.from(subscription.updatedAt()));
            statement.setObject(10, subscription.id());
            return statement.executeUpdate();
        });
    }

    Optional<Subscription> find(UUID id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = ?", statement -> {
            statement.setObject(1, id);
            List<Subscription> found = read(statement);
            return found.stream().findFirst();
        });
    }

    /** Keyset pages in id order. */
    List<Subscription> ownedBy(String owner, Optional<UUID> after, int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM webhook_subscription WHERE owner = ? AND id > ?"
                + " ORDER BY id LIMIT ?", statement -> {
            statement.setString(1, owner);
            statement.setObject(2, after.orElse(new UUID(0, 0)));
            statement.setInt(3, limit);
            return read(statement);
        });
    }

    boolean delete(UUID id) {
        return jdbc.prepareStatement("DELETE FROM webhook_subscription WHERE id = ?", statement -> {
            statement.setObject(1, id);
            return statement.executeUpdate() > 0;
        });
    }

    /** Parameters {@code first} to {@code first + 6}: types to failing_since. */
    private static void setState(PreparedStatement statement, int first, Subscription subscription)
            throws SQLException {
        statement.setArray(first, array(statement, subscription.types()));
        statement.setArray(first + 1, array(statement, subscription.offices()));
        statement.setArray(first + 2, array(statement, subscription.apiIds()));
        statement.setString(first + 3, subscription.status());
        statement.setString(first + 4, subscription.pausedReason());
        statement.setInt(first + 5, subscription.consecutiveFailures());
        statement.setTimestamp(first + 6, subscription.failingSince() == null ? null
                : Timestamp.from(subscription.failingSince()));
    }

    private static Array array(PreparedStatement statement, List<String> values) throws SQLException {
        return statement.getConnection().createArrayOf("text", values.toArray(String[]::new));
    }

    private static List<Subscription> read(PreparedStatement statement) throws SQLException {
        List<Subscription> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Timestamp failingSince = rows.getTimestamp("failing_since");
                found.add(new Subscription(rows.getObject("id", UUID.class), rows.getString("owner"),
                        rows.getString("url"), rows.getString("secret"), list(rows, "types"), list(rows, "offices"),
                        list(rows, "api_ids"), rows.getString("status"), rows.getString("paused_reason"),
                        rows.getInt("consecutive_failures"), failingSince == null ? null : failingSince.toInstant(),
                        instant(rows, "created_at"), instant(rows, "updated_at")));
            }
        }
        return found;
    }

    private static List<String> list(ResultSet rows, String column) throws SQLException {
        return Arrays.asList((String[]) rows.getArray(column).getArray());
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        return rows.getTimestamp(column).toInstant();
    }
}
