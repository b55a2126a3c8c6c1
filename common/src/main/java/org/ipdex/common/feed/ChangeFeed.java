package org.ipdex.common.feed;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The transactional outbox: {@link #append} writes a feed row in the caller's transaction, so a change and
 * its event commit together or not at all. The table comes from {@code db/common/V1__change_feed.sql}.
 */
@Singleton
@Requires(property = "ipdex.feed.publish", value = "true")
public class ChangeFeed {

    /**
     * Sequence numbers are drawn before commit, so two concurrent writers could commit 12 before 11 and a
     * reader that already passed 12 would never see 11. Writers therefore queue on one transaction-scoped
     * advisory lock: feed order is commit order. Writes of catalog and authority changes are rare enough.
     */
    private static final long FEED_LOCK = 0x1bde_feedL;

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    public ChangeFeed(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static final String APPEND = """
            WITH lock AS (SELECT pg_advisory_xact_lock(?))
            INSERT INTO change_feed (type, key, version, data)
            SELECT ?, ?, ?, ?::jsonb FROM lock RETURNING seq""";

    /** Must run inside the transaction that makes the change. */
    public long append(String type, String key, long version, Object data) {
        String payload = toJson(data);
        return jdbc.prepareStatement(APPEND, statement -> insert(statement, type, key, version, payload));
    }

    /**
     * For work that runs its transaction on a connection of its own (a coverage check's long comparison) rather
     * than in the ambient one: the event commits with whatever {@code connection} commits.
     */
    public long append(Connection connection, String type, String key, long version, Object data) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(APPEND)) {
            return insert(statement, type, key, version, toJson(data));
        }
    }

    private static long insert(PreparedStatement statement, String type, String key, long version, String payload)
            throws SQLException {
        statement.setLong(1, FEED_LOCK);
        statement.setString(2, type);
        statement.setString(3, key);
        statement.setLong(4, version);
        statement.setString(5, payload);
        return single(statement);
    }

    public List<ChangeEvent> after(long seq, int limit) {
        return jdbc.prepareStatement("""
                SELECT seq, type, key, version, created_at, data::text FROM change_feed
                WHERE seq > ? ORDER BY seq LIMIT ?""", statement -> {
            statement.setLong(1, seq);
            statement.setInt(2, limit);
            return read(statement, limit);
        });
    }

    /**
     * Only events of these types, for an in-process reader that wants a few kinds among many (webhooks skip the
     * whole API documents): the events in between are of no other type, so the last seq returned is a safe
     * checkpoint.
     */
    public List<ChangeEvent> after(long seq, int limit, Collection<String> types) {
        return jdbc.prepareStatement("""
                SELECT seq, type, key, version, created_at, data::text FROM change_feed
                WHERE seq > ? AND type = ANY (?) ORDER BY seq LIMIT ?""", statement -> {
            statement.setLong(1, seq);
            statement.setArray(2, statement.getConnection().createArrayOf("text", types.toArray()));
            statement.setInt(3, limit);
            return read(statement, limit);
        });
    }

    private List<ChangeEvent> read(PreparedStatement statement, int limit) throws SQLException {
        List<ChangeEvent> events = new ArrayList<>(limit);
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                events.add(new ChangeEvent(rows.getLong(1), rows.getString(2), rows.getString(3),
                        rows.getLong(4), rows.getTimestamp(5).toInstant(), parse(rows.getString(6))));
            }
        }
        return events;
    }

    /** See {@code db/common/R__change_feed_identity.sql}. */
    public String id() {
        return jdbc.prepareStatement("SELECT id::text FROM change_feed_identity", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    public long head() {
        return jdbc.prepareStatement("SELECT coalesce(max(seq), 0) FROM change_feed", ChangeFeed::single);
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
