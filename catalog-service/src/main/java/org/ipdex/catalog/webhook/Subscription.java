package org.ipdex.catalog.webhook;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored subscription; never sent to a client as it is (its secret is shown once, at creation).
 *
 * @param owner   the identity that created it: only it (and administrators) may read or change it
 * @param types   the event types wanted; empty: every type; likewise {@code offices} and {@code apiIds}
 * @param status  {@code active} or {@code paused}
 */
record Subscription(UUID id, String owner, String url, String secret, List<String> types, List<String> offices,
                    List<String> apiIds, String status, @Nullable String pausedReason, int consecutiveFailures,
                    @Nullable Instant failingSince, Instant createdAt, Instant updatedAt) {

    static final String ACTIVE = "active";
    static final String PAUSED = "paused";

    Subscription {
        types = List.copyOf(types);
        offices = List.copyOf(offices);
        apiIds = List.copyOf(apiIds);
    }

    /** @param filters the new url, types, offices and api ids (unchanged parts as they were) */
    Subscription with(SubscriptionFilters filters, Instant now) {
        return new Subscription(id, owner, filters.url(), secret, filters.types(), filters.offices(),
                filters.apiIds(), status, pausedReason, consecutiveFailures, failingSince, createdAt, now);
    }

    Subscription paused(String why, Instant now) {
        return new Subscription(id, owner, url, secret, types, offices, apiIds, PAUSED, why, consecutiveFailures,
                failingSince, createdAt, now);
    }

    /** A delivery went through: the run of failures is over. */
    Subscription recovered(Instant now) {
        return new Subscription(id, owner, url, secret, types, offices, apiIds, status, pausedReason, 0, null,
                createdAt, now);
    }

    Subscription failedOnce(Instant now) {
        return new Subscription(id, owner, url, secret, types, offices, apiIds, status, pausedReason,
                consecutiveFailures + 1, failingSince == null ? now : failingSince, createdAt, now);
    }

    /** Resumed with a clean record: the failures that paused it must not pause it again at the next one. */
    Subscription resumed(Instant now) {
        return new Subscription(id, owner, url, secret, types, offices, apiIds, ACTIVE, null, 0, null, createdAt,
                now);
    }
}
