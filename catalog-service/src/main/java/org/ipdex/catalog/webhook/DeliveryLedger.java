package org.ipdex.catalog.webhook;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes down one attempt with its consequences in one transaction: the log row, the delivery's next attempt (with
 * back-off) or its end, and the subscription's run of failures, which pauses it after
 * {@code pauseAfterFailures} failures in a row spread over at least {@code pauseAfter}.
 */
@Singleton
class DeliveryLedger {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final WebhookProperties properties;
    private final Backoff backoff;

    DeliveryLedger(DeliveryStore deliveries, SubscriptionStore subscriptions, WebhookProperties properties) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.backoff = new Backoff(properties.firstRetry(), properties.maxRetry());
    }

    @ReadOnly
    List<DeliveryStore.Due> due(int limit) {
        return deliveries.due(limit);
    }

    @ReadOnly
    Optional<DeliveryStore.Checkpoint> checkpoint(String feed) {
        return deliveries.checkpoint(feed);
    }

    /** The deliveries a page of feed events makes, with the checkpoint after it: both or neither. */
    @Transactional
    int route(String feed, List<Routed> events, DeliveryStore.Checkpoint after) {
        int made = 0;
        for (Routed event : events) {
            made += deliveries.route(event.event(), event.payload());
        }
        deliveries.saveCheckpoint(feed, after);
        return made;
    }

    /** An event with the CloudEvent body it is sent as. */
    record Routed(WebhookEvent event, String payload) {
    }

    @Transactional
    void record(DeliveryStore.Due delivery, WebhookSender.Result result) {
        deliveries.logAttempt(delivery, result);
        Optional<Subscription> found = subscriptions.find(delivery.subscriptionId());
        Instant now = Instant.now();
        if (result.delivered()) {
            deliveries.delivered(delivery.id());
            found.filter(subscription -> subscription.consecutiveFailures() > 0)
                    .ifPresent(subscription -> subscriptions.update(subscription.recovered(now)));
            return;
        }
        int failed = delivery.attempts() + 1;
        deliveries.failed(delivery.id(), failed >= properties.maxAttempts() ? Optional.empty()
                : Optional.of(now.plus(backoff.after(failed))));
        found.ifPresent(subscription -> subscriptions.update(failing(subscription, result, now)));
    }

    private Subscription failing(Subscription subscription, WebhookSender.Result result, Instant now) {
        Subscription failing = subscription.failedOnce(now);
        Instant since = failing.failingSince();
        int failures = failing.consecutiveFailures();
        boolean longEnough = !Duration.between(since, now).minus(properties.pauseAfter()).isNegative();
        if (failures < properties.pauseAfterFailures() || !longEnough) {
            return failing;
        }
        String why = failures + " attempts in a row failed since " + since + "; the last: "
                + result.httpStatus().map(status -> "HTTP " + status).orElse(result.error().orElse("no answer"));
        LOG.info("Webhook subscription {} paused: {}", subscription.id(), why);
        return failing.paused(why, now);
    }
}
