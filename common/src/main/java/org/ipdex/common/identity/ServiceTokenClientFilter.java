package org.ipdex.common.identity;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/** Every call a service makes to another service's {@code /internal/**} API carries this service's own token. */
@ClientFilter("/internal/**")
final class ServiceTokenClientFilter {

    private final IdentityTokens tokens;

    ServiceTokenClientFilter(IdentityTokens tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    void addToken(MutableHttpRequest<?> request) {
        request.bearerAuth(tokens.forThisService());
    }
}
