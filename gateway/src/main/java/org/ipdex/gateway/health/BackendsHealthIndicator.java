package org.ipdex.gateway.health;

import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.ipdex.gateway.route.Backend;
import org.ipdex.gateway.route.Backends;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

/** Asks every backend for its {@code /health}, all at once and each with a short timeout. */
@Singleton
@Readiness
final class BackendsHealthIndicator implements HealthIndicator {

    private final HttpClient client;
    private final Backends backends;
    private final Duration timeout;

    BackendsHealthIndicator(HttpClient client, Backends backends,
                            @Value("${ipdex.health.backend-timeout:2s}") Duration timeout) {
        this.client = client;
        this.backends = backends;
        this.timeout = timeout;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Flux.fromIterable(backends.all())
                .flatMap(this::probe)
                .collectMap(Probe::backend, Probe::details, TreeMap::new)
                .map(details -> {
                    boolean allUp = details.values().stream().allMatch(d -> HealthStatus.UP.equals(d.get("status")));
                    return HealthResult.builder("backends", allUp ? HealthStatus.UP : HealthStatus.DOWN)
                            .details(details).build();
                });
    }

    private Mono<Probe> probe(Backend backend) {
        URI health = URI.create(backend.url().toString().replaceAll("/$", "") + "/health");
        return Mono.from(client.exchange(HttpRequest.GET(health)))
                .timeout(timeout)
                .map(response -> probe(backend, response.code() == 200 ? HealthStatus.UP : HealthStatus.DOWN,
                        "httpStatus", response.code()))
                .onErrorResume(error -> Mono.just(failed(backend, error)));
    }

    private Probe failed(Backend backend, Throwable error) {
        if (error instanceof HttpClientResponseException answered) {
            return probe(backend, HealthStatus.DOWN, "httpStatus", answered.code());
        }
        if (error instanceof TimeoutException) {
            return probe(backend, HealthStatus.DOWN, "error", "no answer within " + timeout.toMillis() + " ms");
        }
        return probe(backend, HealthStatus.DOWN, "error", String.valueOf(error.getMessage()));
    }

    private static Probe probe(Backend backend, HealthStatus status, String key, Object value) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", status);
        details.put("url", backend.url().toString());
        details.put(key, value);
        if (backend.breaker().isOpen()) {
            details.put("circuit", "open");
        }
        return new Probe(backend.name(), details);
    }

    private record Probe(String backend, Map<String, Object> details) {
    }
}
