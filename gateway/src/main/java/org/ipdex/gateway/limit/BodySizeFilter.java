package org.ipdex.gateway.limit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.ipdex.gateway.FilterOrder;
import org.ipdex.gateway.GatewayProblems;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Refuses a body whose declared length is over its route's limit before a single byte is read or forwarded.
 * A chunked body (no declared length) is counted while it streams to the backend ({@link RequestBodyBounds}) and
 * fails with a 413 once it passes the limit; on the gateway's own routes Micronaut's
 * {@code max-request-buffer-size} bounds what it binds.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class BodySizeFilter implements HttpServerFilter {

    private final BodySizeLimits limits;

    BodySizeFilter(BodySizeLimits limits) {
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return FilterOrder.BODY_LIMIT;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long length = request.getContentLength();
        long limit = limits.limitFor(request);
        if (length > limit) {
            return Mono.just(GatewayProblems.of(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-large",
                    "The body is " + length + " bytes; this route accepts at most " + limit));
        }
        return chain.proceed(request);
    }
}
