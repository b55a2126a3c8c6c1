package org.ipdex.search.consume;

/**
 * Published by a consumer that found its feed replaced (a new database, or one restored to an earlier state). A
 * listener makes the indices fed by it whole again from the new feed; the consumer waits until its checkpoint
 * belongs to the new feed. Published again on every poll until then, so listeners must be idempotent.
 *
 * @param feed the feed's name, e.g. {@code catalog}
 */
public record FeedReset(String feed) {
}
