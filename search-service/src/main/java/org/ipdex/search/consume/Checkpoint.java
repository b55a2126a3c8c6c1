package org.ipdex.search.consume;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * The last event a consumer applied, stored as document {@code feed} in {@code ipdex-checkpoints}.
 *
 * @param at        when that event was committed at its source (for the lag in seconds)
 * @param updatedAt when it was applied here
 * @param feedId    the id of the feed it came from; null before the first event, and in checkpoints written before
 *                  feeds had ids
 */
public record Checkpoint(String feed, long seq, String at, String updatedAt, @Nullable String feedId) {

    static Checkpoint start(String feed) {
        return new Checkpoint(feed, 0, null, null, null);
    }

    Instant atInstant() {
        return at == null ? null : Instant.parse(at);
    }
}
