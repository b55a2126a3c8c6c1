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
 */
@ConfigurationProperties(RebuildProperties.PREFIX)
public record RebuildProperties(@Bindable(defaultValue = "catalog") List<String> feeds,
                                @Bindable(defaultValue = "2s") Duration dropDelay,
                                @Bindable(defaultValue = "30") int maxFailures) {

    public static final String PREFIX = "ipdex.rebuild";
}
