package org.ipdex.search.consume;

import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far one consumer is behind its feed, written by the consumer thread and read by gauges and /health.
 * Kept as one immutable snapshot so that a reader never sees a checkpoint from one poll and a head from another.
 */
public final class FeedLag {

    private final String feed;
    private final Clock clock;
    private final Instant startedAt;
    private volatile Snapshot snapshot = new Snapshot(0, 0, null, "starting", null);

    public FeedLag(String feed, Clock clock) {
        this.feed = feed;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public String feed() {
        return feed;
    }

    public long eventsBehind() {
        Snapshot s = snapshot;
        return Math.max(0, s.head() - s.checkpoint());
    }

    /** Age of the last applied event while there are more to apply; 0 when caught up. */
    public double secondsBehind() {
        Snapshot s = snapshot;
        if (s.head() <= s.checkpoint()) {
            return 0;
        }
        Instant since = s.lastAppliedAt() != null ? s.lastAppliedAt() : startedAt;
        return Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    public long checkpoint() {
        return snapshot.checkpoint();
    }

    public long head() {
        return snapshot.head();
    }

    public boolean failing() {
        return snapshot.error() != null;
    }

    public Map<String, Object> details() {
        Snapshot s = snapshot;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", s.state());
        details.put("checkpoint", s.checkpoint());
        details.put("head", s.head());
        details.put("eventsBehind", eventsBehind());
        details.put("secondsBehind", secondsBehind());
        if (s.error() != null) {
            details.put("error", s.error());
        }
        return details;
    }

    void resumedAt(Checkpoint checkpoint) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(checkpoint.seq(), Math.max(s.head(), checkpoint.seq()), checkpoint.atInstant(),
                s.state(), s.error());
    }

    /** Only the head: a poll can succeed while applying its page fails, and that failure must stay visible. */
    void polled(long head) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.checkpoint(), head, s.lastAppliedAt(), s.state(), s.error());
    }

    void applied(Checkpoint checkpoint) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(checkpoint.seq(), Math.max(s.head(), checkpoint.seq()), checkpoint.atInstant(),
                s.state(), s.error());
    }

    /** A whole poll (read, apply, checkpoint) went through. */
    void succeeded() {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.checkpoint(), s.head(), s.lastAppliedAt(),
                s.checkpoint() < s.head() ? "catching up" : "following", null);
    }

    /** Not an error: the indices are being rebuilt, and the consumer resumes after the swap. */
    void waiting(String reason) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.checkpoint(), s.head(), s.lastAppliedAt(), "waiting for rebuild", reason);
    }

    /** Another replica holds the {@link FeedLease}: the figures are this replica's last, not the feed's now. */
    void standby(String holder) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.checkpoint(), s.head(), s.lastAppliedAt(), "standby", "followed by " + holder);
    }

    void failed(String error) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.checkpoint(), s.head(), s.lastAppliedAt(), "retrying", error);
    }

    private record Snapshot(long checkpoint, long head, @Nullable Instant lastAppliedAt, String state,
                            @Nullable String error) {
    }
}
