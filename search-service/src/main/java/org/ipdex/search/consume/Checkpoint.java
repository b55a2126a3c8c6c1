package org.ipdex.search.consume;

import java.time.Instant;

/**
 * The last event a consumer applied, stored as document {@code feed} in {@code ipdex-checkpoints}.
 *
 * @param at        when that event was committed at its source (for the lag in seconds)
 * @param updatedAt when it was applied here
 */
public record Checkpoint(String feed, long seq, String at, String updatedAt) {

    static Checkpoint start(String feed) {
        return new Checkpoint(feed, 0, null, null);
    }

    Instant atInstant() {
        return at == null ? null : Instant.parse(at);
    }
}
