package org.ipdex.catalog.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as its owner sees it.
 *
 * @param secret only in the answer that created it: the key receivers verify signatures with; never shown again
 */
@Serdeable
public record SubscriptionResponse(UUID subscriptionId, String url, List<String> types, List<String> offices,
                                   List<String> apiIds, String status, @Nullable String pausedReason,
                                   int consecutiveFailures, @Nullable Instant failingSince, Instant createdAt,
                                   Instant updatedAt, @Nullable String secret) {

    static SubscriptionResponse of(Subscription subscription) {
        return new SubscriptionResponse(subscription.id(), subscription.url(), subscription.types(),
                subscription.offices(), subscription.apiIds(), subscription.status(), subscription.pausedReason(),
                subscription.consecutiveFailures(), subscription.failingSince(), subscription.createdAt(),
                subscription.updatedAt(), null);
    }

    static SubscriptionResponse created(Subscription subscription) {
        SubscriptionResponse shown = of(subscription);
        return new SubscriptionResponse(shown.subscriptionId(), shown.url(), shown.types(), shown.offices(),
                shown.apiIds(), shown.status(), shown.pausedReason(), shown.consecutiveFailures(), shown.failingSince(),
                shown.createdAt(), shown.updatedAt(), subscription.secret());
    }
}
