package org.ipdex.gateway.limit;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * One rate-limit policy, {@code ipdex.rate-limits.policies.<name>.*}.
 *
 * @param quota    requests per window for an anonymous caller, counted per client address
 * @param keyQuota requests per window for a caller with an API key, counted per key; defaults to {@code quota}
 * @param window   the time in which a full quota refills
 * @param routes   the routes the policy covers ({@link RoutePattern}); the policy named {@code default} covers the
 *                 routes no other policy lists, within its own {@code routes}
 */
@EachProperty("ipdex.rate-limits.policies")
public record RateLimitPolicyProperties(@Parameter String name, int quota, @Nullable Integer keyQuota,
                                        @Bindable(defaultValue = "60s") Duration window,
                                        @Bindable(defaultValue = "") List<String> routes) {
}
