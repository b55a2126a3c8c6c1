package org.ipdex.gateway.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Hands the caller established by {@link ApiKeyAuthenticationFilter} to Micronaut Security, so that the
 * gateway's own controllers (the admin API) use plain {@code @Secured} roles.
 */
@Singleton
final class CallerAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Caller caller = Caller.of(request);
        return caller.isAnonymous() ? Mono.empty() : Mono.just(caller.identity().toAuthentication());
    }
}
