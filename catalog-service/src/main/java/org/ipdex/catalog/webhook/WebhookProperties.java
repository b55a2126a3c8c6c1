package org.ipdex.catalog.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;

/**
 * {@code ipdex.catalog.webhooks.*}.
 *
 * @param enabled            the timer that routes feed events and delivers them (tests drive both by hand)
 * @param interval           how often the timer runs
 * @param timeout            connect and read timeout of one delivery
 * @param firstRetry         the delay after a first failed attempt; it doubles with each further one (with jitter)
 * @param maxRetry           the longest delay between two attempts
 * @param maxAttempts        attempts of one delivery before it is abandoned
 * @param pauseAfterFailures consecutive failed attempts of a subscription before it is paused ...
 * @param pauseAfter         ... when it has been failing for at least this long
 * @param responseBytes      how much of a receiver's answer is read and kept in the delivery log
 * @param batchSize          feed events read, and deliveries attempted, per round
 * @param authorityFeedUrl   authority-service, whose change feed carries edition and coverage events
 */
@ConfigurationProperties(WebhookProperties.PREFIX)
public record WebhookProperties(@Bindable(defaultValue = "true") boolean enabled,
                                @Bindable(defaultValue = "5s") Duration interval,
                                @Bindable(defaultValue = "5s") Duration timeout,
                                @Bindable(defaultValue = "30s") Duration firstRetry,
                                @Bindable(defaultValue = "6h") Duration maxRetry,
                                @Bindable(defaultValue = "15") int maxAttempts,
                                @Bindable(defaultValue = "10") int pauseAfterFailures,
                                @Bindable(defaultValue = "24h") Duration pauseAfter,
                                @Bindable(defaultValue = "1024") int responseBytes,
                                @Bindable(defaultValue = "200") int batchSize,
                                @Bindable(defaultValue = "http://127.0.0.1:8082") URI authorityFeedUrl) {

    public static final String PREFIX = "ipdex.catalog.webhooks";
}
