package org.ipdex.search.rebuild;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.ConflictException;
import org.ipdex.search.authority.EditionIndexer;
import org.ipdex.search.consume.FeedConsumers;
import org.ipdex.search.consume.FeedReset;

/**
 * Makes the indices of a replaced feed whole again from the new feed. A feed that fills {@code apis} and
 * {@code operations} ({@code ipdex.rebuild.feeds}) gets a rebuild, which hands its position in the new feed to the
 * live consumer at the swap; searches keep the old documents until then. Any other feed (authority) is read again
 * from 0 once every edition index is dropped.
 */
@Singleton
class FeedResets {

    private final Rebuilds rebuilds;
    private final RebuildProperties settings;
    private final FeedConsumers consumers;
    private final EditionIndexer editions;

    FeedResets(Rebuilds rebuilds, RebuildProperties settings, FeedConsumers consumers, EditionIndexer editions) {
        this.rebuilds = rebuilds;
        this.settings = settings;
        this.consumers = consumers;
        this.editions = editions;
    }

    @EventListener
    void onFeedReset(FeedReset reset) {
        if (settings.feeds().contains(reset.feed())) {
            try {
                rebuilds.start("feed " + reset.feed() + " was replaced");
            } catch (ConflictException running) {
                // the consumer asks again on its next poll; a rebuild that began on the old feed fails and ends
            }
            return;
        }
        try {
            consumers.named(reset.feed()).orElseThrow().replayFromStart(() -> {
                editions.forgetAll();
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException("Could not replay feed " + reset.feed(), e);
        }
    }
}
