package org.ipdex.gateway.account;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import org.ipdex.common.problem.Problem;
import org.ipdex.gateway.FilterOrder;
import org.ipdex.gateway.GatewayProblems;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Establishes the {@link Caller} of every request before it is forwarded or served. A key that is sent but not
 * valid is refused even on public routes: a client with a revoked key should learn so, not silently become
 * anonymous. A client address that sent too many wrong keys has no key checked at all for a while
 * ({@link FailedKeyChecks}).
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class ApiKeyAuthenticationFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);
    private static final String BEARER = "Bearer ";

    private final ApiKeyAuthenticator authenticator;
    private final AccessPolicy policy;
    private final FailedKeyChecks guessing;
    private final Scheduler blocking;

    ApiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator, AccessPolicy policy, FailedKeyChecks guessing,
                               @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticator = authenticator;
        this.policy = policy;
        this.guessing = guessing;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public int getOrder() {
        return FilterOrder.AUTHENTICATION;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<String> authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class);
        if (authorization.isEmpty()) {
            if (!policy.anonymousMay(request.getMethod(), request.getPath())) {
                return Mono.just(GatewayProblems.unauthorized(request, "This request "
                        + (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD
                        ? "is for administrators" : "changes data")
                        + " and needs an API key: send 'Authorization: Bearer <key>'"));
            }
            return proceed(request, chain, Caller.ANONYMOUS);
        }
        if (!authorization.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.just(GatewayProblems.unauthorized(request, "Send the API key as 'Authorization: Bearer <key>'"));
        }
        Optional<MutableHttpResponse<Problem>> blocked = guessing.refusal(request);
        if (blocked.isPresent()) {
            return Mono.just(blocked.get());
        }
        String key = authorization.get().substring(BEARER.length()).strip();
        Optional<Caller> cached = authenticator.cached(key);
        if (cached.isPresent()) {
            return proceed(request, chain, cached.get());
        }
        // a cache miss reads the database: never on the event loop
        return Mono.fromCallable(() -> authenticator.authenticate(key))
                .subscribeOn(blocking)
                .onErrorResume(error -> Mono.error(new KeyStoreUnavailable(error)))
                .flatMap(caller -> caller.isPresent() ? Mono.from(proceed(request, chain, caller.get()))
                        : Mono.just(refuse(request)))
                .onErrorResume(KeyStoreUnavailable.class, error -> Mono.just(unavailable(request, error)));
    }

    /**
     * The key could not be checked (the accounts database is away): the caller should retry, so 503, not the 500
     * of an unhandled error. Only the key check's own failure is meant; the forwarded request's are not caught.
     */
    private static MutableHttpResponse<?> unavailable(HttpRequest<?> request, KeyStoreUnavailable error) {
        LOG.warn("{} {}: the API key could not be checked: {}", request.getMethodName(), request.getPath(),
                error.getCause().toString());
        return GatewayProblems.of(request, HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "API keys cannot be checked for a moment; retry shortly")
                .header(HttpHeaders.RETRY_AFTER, "5");
    }

    private static final class KeyStoreUnavailable extends RuntimeException {
        KeyStoreUnavailable(Throwable cause) {
            super(cause);
        }
    }

    private MutableHttpResponse<?> refuse(HttpRequest<?> request) {
        guessing.failed(request);
        return GatewayProblems.unauthorized(request, "Unknown or revoked API key");
    }

    private static Publisher<MutableHttpResponse<?>> proceed(HttpRequest<?> request, ServerFilterChain chain,
                                                             Caller caller) {
        request.setAttribute(Caller.ATTRIBUTE, caller);
        return chain.proceed(request);
    }
}
