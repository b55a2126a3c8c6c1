package org.ipdex.catalog.webhook;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.ipdex.common.feed.ChangeFeed;

/** This service's own feed, read from its table: the same rows {@code /internal/v1/changes} serves. */
@Singleton
class CatalogFeedSource implements FeedSource {

    private final ChangeFeed feed;

    CatalogFeedSource(ChangeFeed feed) {
        this.feed = feed;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    @ReadOnly
    public Page read(long after, int limit) {
        return new Page(feed.after(after, limit), feed.id());
    }
}
