package org.ipdex.gateway.route;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.gateway.GatewayProblems;
import org.ipdex.gateway.account.Caller;
import org.ipdex.gateway.limit.RequestBodyBounds;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Sends one request to its backend and its answer back, streaming the bodies both ways (Micronaut's
 * {@link ProxyHttpClient} never buffers them), so a large upload or download costs the gateway no memory.
 *
 * <p>The timeout bounds the wait for the backend's response head only: once a backend has started answering, a
 * long download is not cut. A backend that refuses the connection or does not answer in time becomes a 503 problem
 * and counts towards its circuit breaker; whatever status a backend answers itself is passed on untouched.
 */
@Singleton
final class Forwarder {

    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String FORWARDED_HOST = "X-Forwarded-Host";
    /** Reactor's context key for a per-subscription onErrorDropped hook ({@code Hooks.KEY_ON_ERROR_DROPPED}). */
    private static final String ON_ERROR_DROPPED = "reactor.onErrorDropped.local";

    private final ProxyHttpClient proxy;
    private final IdentityTokens tokens;
    private final RequestBodyBounds bounds;

    Forwarder(ProxyHttpClient proxy, IdentityTokens tokens, RequestBodyBounds bounds) {
        this.proxy = proxy;
        this.tokens = tokens;
        this.bounds = bounds;
    }

    Publisher<MutableHttpResponse<?>> forward(HttpRequest<?> request, Backend backend, Caller caller) {
        CircuitBreaker breaker = backend.breaker();
        if (!breaker.allowsRequest()) {
            return Mono.just(unavailable(request, backend, "failed repeatedly and is given a rest; retry shortly")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(breaker.secondsUntilTrial())));
        }
        Duration timeout = backend.timeoutFor(request.getMethod());
        Mono<MutableHttpResponse<?>> answer = Mono.from(proxy.proxy(outgoing(request, backend, caller)));
        return answer
                .timeout(timeout)
                .<MutableHttpResponse<?>>map(response -> {
                    breaker.recordSuccess();
                    HopByHopHeaders.stripFromResponse(response.getHeaders());
                    return response;
                })
                .onErrorResume(Forwarder::isTransportFailure, error -> {
                    breaker.recordFailure();
                    String detail = error instanceof TimeoutException
                            ? "did not answer within " + timeout.toMillis() + " ms" : "is unreachable";
                    warn(request, backend, detail, error);
                    return Mono.<MutableHttpResponse<?>>just(unavailable(request, backend, detail));
                })
                // a backend connection given up on by the timeout may still fail later; that is expected, not
                // an error worth Reactor's default ERROR log line
                .contextWrite(Context.of(ON_ERROR_DROPPED, (Consumer<Throwable>) late ->
                        LOG.debug("{} answered after the gateway gave up: {}", backend.name(), late.toString())));
    }

    private MutableHttpRequest<?> outgoing(HttpRequest<?> request, Backend backend, Caller caller) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        MutableHttpRequest<?> outgoing = request.mutate().uri(target(backend.url(), request.getUri()));
        MutableHttpHeaders headers = outgoing.getHeaders();
        HopByHopHeaders.stripFromRequest(headers);
        // the services trust only the gateway's signed token, never what the caller sent
        headers.remove(HttpHeaders.AUTHORIZATION);
        outgoing.bearerAuth(tokens.issue(caller.identity()));
        InetSocketAddress remote = request.getRemoteAddress();
        String client = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        String forwardedFor = headers.get(FORWARDED_FOR);
        headers.set(FORWARDED_FOR, forwardedFor == null ? client : forwardedFor + ", " + client);
        if (headers.get(FORWARDED_PROTO) == null) {
            // a load balancer in front that terminated TLS has said so already; keep its word
            headers.set(FORWARDED_PROTO, request.isSecure() ? "https" : "http");
        }
        if (host != null && headers.get(FORWARDED_HOST) == null) {
            headers.set(FORWARDED_HOST, host);
        }
        return bounds.bound(request, outgoing);
    }

    static URI target(URI base, URI incoming) {
        String prefix = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        String query = incoming.getRawQuery();
        return URI.create(prefix + incoming.getRawPath() + (query == null ? "" : "?" + query));
    }

    private static boolean isTransportFailure(Throwable error) {
        return error instanceof TimeoutException
                || (error instanceof HttpClientException && !(error instanceof HttpClientResponseException));
    }

    private static MutableHttpResponse<?> unavailable(HttpRequest<?> request, Backend backend, String detail) {
        return GatewayProblems.of(request, HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "The " + backend.name() + " service " + detail);
    }

    private static void warn(HttpRequest<?> request, Backend backend, String detail, Throwable error) {
        MDC.put(RequestIds.MDC_KEY, RequestIds.of(request));
        try {
            LOG.warn("{} {} -> {} {}: {}", request.getMethodName(), request.getPath(), backend.name(), detail,
                    error.toString());
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
