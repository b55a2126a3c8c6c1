package org.ipdex.gateway.limit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import jakarta.inject.Singleton;

/** What the forwarder asks before a body leaves for a backend: hold it to its route's limit while it streams. */
@Singleton
public class RequestBodyBounds {

    private final BodySizeLimits limits;

    RequestBodyBounds(BodySizeLimits limits) {
        this.limits = limits;
    }

    public MutableHttpRequest<?> bound(HttpRequest<?> incoming, MutableHttpRequest<?> outgoing) {
        return BoundedBodyRequest.of(incoming, outgoing, limits.limitFor(incoming));
    }
}
