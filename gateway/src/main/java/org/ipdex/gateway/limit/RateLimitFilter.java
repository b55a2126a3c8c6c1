package org.ipdex.gateway.limit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import org.ipdex.gateway.FilterOrder;
import org.ipdex.gateway.GatewayProblems;
import org.ipdex.gateway.account.Caller;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Takes a token for every request on a limited route, after authentication (so keyed callers are counted by key,
 * not by the address they happen to share) and before forwarding (so a refused request costs no backend anything).
 * Every limited response carries {@code RateLimit-Policy} and {@code RateLimit}; a refused one is a 429 problem with
 * {@code Retry-After} as well.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
@Requires(property = "ipdex.rate-limits.enabled", notEquals = "false")
final class RateLimitFilter implements HttpServerFilter {

    private final RateLimiter limiter;
    private final HttpClientAddressResolver addresses;

    RateLimitFilter(RateLimiter limiter, HttpClientAddressResolver addresses) {
        this.limiter = limiter;
        this.addresses = addresses;
    }

    @Override
    public int getOrder() {
        return FilterOrder.RATE_LIMIT;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<RateLimitPolicy> policy = limiter.policyFor(request.getMethodName(), request.getPath());
        // a browser's CORS pre-flight is not a request of the caller's own
        if (policy.isEmpty() || request.getMethod() == HttpMethod.OPTIONS) {
            return chain.proceed(request);
        }
        Caller caller = Caller.of(request);
        RateLimitDecision decision = caller.keyId()
                .map(keyId -> limiter.take(policy.get(), keyId.toString(), true))
                .orElseGet(() -> limiter.take(policy.get(), ClientAddresses.bucketOf(addresses.resolve(request)),
                        false));
        if (!decision.allowed()) {
            return Mono.just(withHeaders(GatewayProblems.of(request, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                            "More than " + decision.quota() + " requests in " + decision.windowSeconds()
                                    + " s under the '" + decision.policy() + "' policy; retry after "
                                    + decision.retryAfter() + " s")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfter())), decision));
        }
        return Flux.from(chain.proceed(request)).map(response -> withHeaders(response, decision));
    }

    private static MutableHttpResponse<?> withHeaders(MutableHttpResponse<?> response, RateLimitDecision decision) {
        return response.header(RateLimitDecision.POLICY_HEADER, decision.policyHeader())
                .header(RateLimitDecision.HEADER, decision.header());
    }
}
