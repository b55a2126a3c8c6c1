package org.ipdex.gateway.route;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured backend services by name ({@code catalog}, {@code authority}, {@code search}). */
@Singleton
public class Backends {

    private final Map<String, Backend> byName;

    Backends(List<BackendProperties> properties,
             @Value("${ipdex.gateway.circuit-breaker.failures:5}") int failures,
             @Value("${ipdex.gateway.circuit-breaker.open-for:10s}") Duration openFor) {
        this.byName = properties.stream()
                .map(p -> new Backend(p.name(), p.url(), p.timeout(),
                        p.uploadTimeout() == null ? p.timeout() : p.uploadTimeout(),
                        new CircuitBreaker(failures, openFor)))
                .collect(Collectors.toUnmodifiableMap(Backend::name, Function.identity()));
    }

    public Optional<Backend> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Backend> all() {
        return byName.values();
    }
}
