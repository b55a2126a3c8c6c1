package org.ipdex.gateway.route;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.ipdex.gateway.FilterOrder;
import org.ipdex.gateway.GatewayProblems;
import org.ipdex.gateway.account.Caller;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Sends requests for a backend's paths to that backend; everything else goes on to the gateway's own routes.
 * A filter rather than a controller, so that the request body is never bound and streams straight through.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class ForwardingFilter implements HttpServerFilter {

    private final RouteTable routes;
    private final Forwarder forwarder;

    ForwardingFilter(RouteTable routes, Forwarder forwarder) {
        this.routes = routes;
        this.forwarder = forwarder;
    }

    @Override
    public int getOrder() {
        return FilterOrder.FORWARDING;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Backend> backend = routes.backendFor(request.getPath());
        if (backend.isEmpty()) {
            return chain.proceed(request);
        }
        if (hasDotSegments(request.getUri().getRawPath())) {
            // "/api/v1/catalog/../../internal/…" must not reach a service path the route map does not expose
            return Mono.just(GatewayProblems.of(request, HttpStatus.BAD_REQUEST, "invalid-input",
                    "The path must not contain '.' or '..' segments"));
        }
        return forwarder.forward(request, backend.get(), Caller.of(request));
    }

    static boolean hasDotSegments(String rawPath) {
        for (String segment : rawPath.split("/")) {
            try {
                String decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
                if (decoded.equals(".") || decoded.equals("..")) {
                    return true;
                }
            } catch (IllegalArgumentException malformedEscape) {
                return true;
            }
        }
        return false;
    }
}
