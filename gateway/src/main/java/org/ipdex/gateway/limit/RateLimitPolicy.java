package org.ipdex.gateway.limit;

import java.time.Duration;
import java.util.List;

/** A named quota for a class of routes, as the {@code RateLimit-Policy} header announces it. */
record RateLimitPolicy(String name, long quota, long keyQuota, Duration window, List<RoutePattern> routes) {

    static RateLimitPolicy of(RateLimitPolicyProperties properties) {
        if (properties.quota() < 1 || (properties.keyQuota() != null && properties.keyQuota() < 1)
                || properties.window().isZero() || properties.window().isNegative()) {
            throw new IllegalArgumentException("ipdex.rate-limits.policies." + properties.name()
                    + ": quota, key-quota and window must be positive");
        }
        return new RateLimitPolicy(properties.name(), properties.quota(),
                properties.keyQuota() == null ? properties.quota() : properties.keyQuota(), properties.window(),
                properties.routes().stream().map(RoutePattern::parse).toList());
    }

    boolean covers(String method, String path) {
        return routes.stream().anyMatch(route -> route.matches(method, path));
    }

    long quotaFor(boolean keyed) {
        return keyed ? keyQuota : quota;
    }
}
