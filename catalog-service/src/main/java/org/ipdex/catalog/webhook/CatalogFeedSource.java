package org.ipdex.catalog.webhook;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.ipdex.catalog.api.ApiEvents;
import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.common.feed.ChangeFeed;

import java.util.List;

/**
 * This service's own feed, read from its table: the rows {@code /internal/v1/changes} serves, but only the types
 * webhooks are made from, not the API documents that make up most of it.
 */
@Singleton
class CatalogFeedSource implements FeedSource {

    private static final List<String> TYPES = List.of(ApiEvents.VERSION_PUBLISHED, ApiEvents.ENDPOINT_CHANGED);

    private final ChangeFeed feed;

    CatalogFeedSource(ChangeFeed feed) {
        this.feed = feed;
    }

    @Override
    public String name() {
        return "catalog";
    }

    /**
     * One snapshot for the page and the head: when the page is not full, nothing of interest lies between its last
     * event and the head, so the checkpoint may move to the head and the next round does not scan those rows again.
     */
    @Override
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public Page read(long after, int limit) {
        List<ChangeEvent> events = feed.after(after, limit, TYPES);
        long scannedTo = events.size() < limit ? Math.max(after, feed.head()) : events.get(events.size() - 1).seq();
        return new Page(events, feed.id(), scannedTo);
    }
}
