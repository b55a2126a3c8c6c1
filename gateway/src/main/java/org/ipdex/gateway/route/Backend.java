package org.ipdex.gateway.route;

import io.micronaut.http.HttpMethod;

import java.net.URI;
import java.time.Duration;

/** A backend service as the forwarder uses it: where it is, how long it may take, and its circuit breaker. */
public record Backend(String name, URI url, Duration timeout, Duration uploadTimeout, CircuitBreaker breaker) {

    /** Requests that carry a body get the upload timeout: the service answers only after reading all of it. */
    Duration timeoutFor(HttpMethod method) {
        return method.permitsRequestBody() ? uploadTimeout : timeout;
    }
}
