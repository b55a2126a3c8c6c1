package org.ipdex.search.rebuild;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * @param feeds       the feeds whose events fill the rebuilt indices (the authority feed is not replayed: each
 *                    edition already gets a fresh index of the current mapping)
 * @param dropDelay   how long the old indices are kept after the swap, for searches in flight
 * @param maxFailures consecutive failed steps (Elasticsearch or a feed unreachable) before the rebuild gives up
 * @param holdWhileCopying for fault tests only (0 otherwise): the rebuild waits this long after the first page
 *                         it copied, so that a kill lands while the new indices are half-built
 * @param holdBeforeSwap   for fault tests only (0 otherwise): the rebuild waits this long with the live consumers
 *                         paused, just before the alias move, so that a kill lands in the swap window
 */
@ConfigurationProperties(RebuildProperties.PREFIX)
public record RebuildProperties(@Bindable(defaultValue = "catalog") List<String> feeds,
                                @Bindable(defaultValue = "2s") Duration dropDelay,
                                @Bindable(defaultValue = "30") int maxFailures,
                                @Bindable(defaultValue = "0s") Duration holdWhileCopying,
                                @Bindable(defaultValue = "0s") Duration holdBeforeSwap) {

    public static final String PREFIX = "ipdex.rebuild";
}
