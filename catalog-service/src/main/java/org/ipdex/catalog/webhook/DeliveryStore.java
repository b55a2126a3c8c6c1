package org.ipdex.catalog.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The deliveries owed ({@code webhook_delivery}), their attempts ({@code webhook_attempt}) and the feed checkpoints. */
@Singleton
class DeliveryStore {

    /** A delivery whose next attempt is due, with what sending it needs. */
    record Due(long id, UUID subscriptionId, String eventId, String payload, int attempts, String url, String secret) {
    }

    /**
     * One attempt as the owner reads it in the log, with where its delivery stands now.
     *
     * @param nextAttemptAt when the delivery is tried again; only while it is pending
     */
    record Attempt(long id, long deliveryId, String eventId, String eventType, Instant attemptedAt,
                   @Nullable Integer httpStatus, @Nullable Long responseMillis, @Nullable String responseExcerpt,
                   @Nullable String error, String deliveryStatus, @Nullable Instant nextAttemptAt) {
    }

    record Checkpoint(@Nullable String feedId, long seq) {
    }

    private final JdbcOperations jdbc;

    DeliveryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Owes {@code event} to every subscription that wants it and existed when it happened (a new subscription does
     * not receive the past). Routing the same event again inserts nothing: the event id is unique per subscription.
     *
     * @return how many deliveries it made
     */
    int route(WebhookEvent event, String payload) {
        return jdbc.prepareStatement("""
                INSERT INTO webhook_delivery (subscription_id, event_id, event_type, payload, status)
                SELECT id, ?, ?, ?, 'pending' FROM webhook_subscription
                WHERE created_at <= ?
                  AND (cardinality(types) = 0 OR ? = ANY (types))
                  AND (cardinality(offices) = 0 OR offices && ?)
                  AND (cardinality(api_ids) = 0 OR ? = ANY (api_ids))
                ON CONFLICT (subscription_id, event_id) DO NOTHING""", statement -> {
            statement.setString(1, event.id());
            statement.setString(2, event.type());
            statement.setString(3, payload);
            statement.setTimestamp(4, Timestamp.from(event.time()));
            statement.setString(5, event.type());
            statement.setArray(6, statement.getConnection().createArrayOf("text", event.offices().toArray()));
            statement.setString(7, event.apiId().orElse(""));
            return statement.executeUpdate();
        });
    }

    /** Oldest due first, of active subscriptions only: a paused one keeps its deliveries for when it resumes. */
    List<Due> due(int limit) {
        return jdbc.prepareStatement("""
                SELECT d.id, d.subscription_id, d.event_id, d.payload, d.attempts, s.url, s.secret
                FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                WHERE d.status = 'pending' AND s.status = 'active' AND d.next_attempt_at <= now()
                ORDER BY d.next_attempt_at, d.id LIMIT ?""", statement -> {
            statement.setInt(1, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getString(4), rows.getInt(5), rows.getString(6), rows.getString(7)));
                }
            }
            return due;
        });
    }

    void logAttempt(Due delivery, WebhookSender.Result result) {
        jdbc.prepareStatement("""
                INSERT INTO webhook_attempt (delivery_id, subscription_id, http_status, response_ms, response_excerpt,
                                             error)
                VALUES (?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setLong(1, delivery.id());
            statement.setObject(2, delivery.subscriptionId());
            if (result.httpStatus().isPresent()) {
                statement.setInt(3, result.httpStatus().get());
            } else {
                statement.setNull(3, Types.INTEGER);
            }
            statement.setLong(4, result.responseMillis());
            statement.setString(5, result.responseExcerpt());
            statement.setString(6, result.error().orElse(null));
            return statement.executeUpdate();
        });
    }

    void delivered(long deliveryId) {
        update("UPDATE webhook_delivery SET status = 'delivered', attempts = attempts + 1, delivered_at = now() "
                + "WHERE id = ?", deliveryId, Optional.empty());
    }

    /** @param next empty: no attempt is left, the delivery is abandoned */
    void failed(long deliveryId, Optional<Instant> next) {
        if (next.isPresent()) {
            update("UPDATE webhook_delivery SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?",
                    deliveryId, next);
        } else {
            update("UPDATE webhook_delivery SET status = 'abandoned', attempts = attempts + 1 WHERE id = ?",
                    deliveryId, next);
        }
    }

    /** A resumed subscription's waiting deliveries are due at once, whatever their back-off said. */
    void dueNow(UUID subscriptionId) {
        jdbc.prepareStatement("UPDATE webhook_delivery SET next_attempt_at = now() WHERE subscription_id = ? "
                + "AND status = 'pending'", statement -> {
            statement.setObject(1, subscriptionId);
            return statement.executeUpdate();
        });
    }

    /** Newest first; {@code before} is the last id of the previous page. */
    List<Attempt> attempts(UUID subscriptionId, long before, int limit) {
        return jdbc.prepareStatement("""
                SELECT a.id, a.delivery_id, d.event_id, d.event_type, a.attempted_at, a.http_status, a.response_ms,
                       a.response_excerpt, a.error, d.status, CASE WHEN d.status = 'pending' THEN d.next_attempt_at END
                FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                WHERE a.subscription_id = ? AND a.id < ? ORDER BY a.id DESC LIMIT ?""", statement -> {
            statement.setObject(1, subscriptionId);
            statement.setLong(2, before);
            statement.setInt(3, limit);
            List<Attempt> attempts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    attempts.add(new Attempt(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                            rows.getTimestamp(5).toInstant(), rows.getObject(6, Integer.class),
                            rows.getObject(7, Long.class), rows.getString(8), rows.getString(9), rows.getString(10),
                            Optional.ofNullable(rows.getTimestamp(11)).map(Timestamp::toInstant).orElse(null)));
                }
            }
            return attempts;
        });
    }

    Optional<Checkpoint> checkpoint(String feed) {
        return jdbc.prepareStatement("SELECT feed_id, seq FROM webhook_feed_checkpoint WHERE feed = ?", statement -> {
            statement.setString(1, feed);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Checkpoint(rows.getString(1), rows.getLong(2))) : Optional.empty();
            }
        });
    }

    void saveCheckpoint(String feed, Checkpoint checkpoint) {
        jdbc.prepareStatement("""
                INSERT INTO webhook_feed_checkpoint (feed, feed_id, seq) VALUES (?, ?, ?)
                ON CONFLICT (feed) DO UPDATE SET feed_id = excluded.feed_id, seq = excluded.seq""", statement -> {
            statement.setString(1, feed);
            statement.setString(2, checkpoint.feedId());
            statement.setLong(3, checkpoint.seq());
            return statement.executeUpdate();
        });
    }

    private void update(String sql, long deliveryId, Optional<Instant> next) {
        jdbc.prepareStatement(sql, statement -> {
            int index = 1;
            if (next.isPresent()) {
                statement.setTimestamp(index++, Timestamp.from(next.get()));
            }
            statement.setLong(index, deliveryId);
            return statement.executeUpdate();
        });
    }
}
