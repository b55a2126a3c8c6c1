package org.ipdex.search.consume;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * One change feed to follow, e.g. {@code ipdex.feeds.catalog.url} (env {@code IPDEX_FEEDS_CATALOG_URL}).
 * Adding a feed is one more entry here plus a {@link ChangeHandler} for each of its event types.
 *
 * @param name    the entry's name; also the id of its checkpoint
 * @param url     the base URL of the owning service
 * @param enabled switch a feed off without removing its checkpoint
 */
@EachProperty("ipdex.feeds")
public record FeedProperties(@Parameter String name, String url, @Bindable(defaultValue = "true") boolean enabled) {
}
