package org.ipdex.search.authority;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How authority editions are written. The ingester blocks the reading thread when
 * {@code concurrentRequests} bulk requests are in flight and the next one is full: back-pressure all the way to
 * the HTTP stream from authority-service.
 *
 * @param bulkOperations records per bulk request
 * @param bulkBytes      or fewer bytes per bulk request
 * @param dropDelay      how long the previous edition's index is kept after the swap, for searches in flight
 * @param bulkTimeout    how long Elasticsearch may wait for the shard of a bulk request (e.g. its primary lost with
 *                       a node); shorter than the client's socket timeout, so that Elasticsearch answers "refused"
 *                       instead of the client resending a bulk request to the next node, which may duplicate it
 */
@ConfigurationProperties(AuthorityIndexingProperties.PREFIX)
public record AuthorityIndexingProperties(@Bindable(defaultValue = "10000") int bulkOperations,
                                          @Bindable(defaultValue = "10485760") long bulkBytes,
                                          @Bindable(defaultValue = "2") int concurrentRequests,
                                          @Bindable(defaultValue = "2s") Duration dropDelay,
                                          @Bindable(defaultValue = "15s") Duration bulkTimeout) {

    public static final String PREFIX = "ipdex.authority.indexing";
}
