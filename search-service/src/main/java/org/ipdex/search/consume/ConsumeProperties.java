package org.ipdex.search.consume;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How every feed consumer polls.
 *
 * @param pollInterval wait between two polls that found nothing new; a full page is followed at once
 * @param batchSize    events asked for per poll (the feed allows up to 1000)
 * @param minBackoff   first wait after a failure; doubled per failure up to {@code maxBackoff}
 * @param maxPageBytes largest feed page accepted; API documents with their operations can be big
 * @param leaseTtl     how long the replica that follows the feeds may go unheard before another one takes over
 *                     ({@link FeedLease}); a replica killed without a goodbye delays the feeds by this much
 */
@ConfigurationProperties(ConsumeProperties.PREFIX)
public record ConsumeProperties(@Bindable(defaultValue = "500ms") Duration pollInterval,
                                @Bindable(defaultValue = "500") int batchSize,
                                @Bindable(defaultValue = "200ms") Duration minBackoff,
                                @Bindable(defaultValue = "30s") Duration maxBackoff,
                                @Bindable(defaultValue = "67108864") int maxPageBytes,
                                @Bindable(defaultValue = "10s") Duration leaseTtl) {

    public static final String PREFIX = "ipdex.consume";
}
