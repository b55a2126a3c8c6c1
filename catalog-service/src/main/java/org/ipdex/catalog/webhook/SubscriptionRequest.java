package org.ipdex.catalog.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A new subscription, or (every field optional) a change to one: {@code status} {@code active} resumes a paused
 * subscription, {@code paused} pauses it.
 *
 * @param types   event types (see the package README); absent or empty: all
 * @param offices ST.3 office codes; absent or empty: all
 * @param apiIds  catalogue API ids; absent or empty: all (events of no API, such as an edition, pass only when empty)
 */
@Serdeable
public record SubscriptionRequest(@Nullable String url, @Nullable List<String> types, @Nullable List<String> offices,
                                  @Nullable List<String> apiIds, @Nullable String status) {
}
