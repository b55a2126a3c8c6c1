package org.ipdex.catalog.webhook;

import java.util.List;

/** Where a subscription's events go and which it wants, checked (see {@link Subscriptions}). */
record SubscriptionFilters(String url, List<String> types, List<String> offices, List<String> apiIds) {

    SubscriptionFilters {
        types = List.copyOf(types);
        offices = List.copyOf(offices);
        apiIds = List.copyOf(apiIds);
    }
}
