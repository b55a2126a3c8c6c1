package org.ipdex.common.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Mints the short-lived signed identity tokens that every service verifies (micronaut-security-jwt, HS256 with
 * the shared {@code IPDEX_IDENTITY_SECRET}). The gateway mints one per forwarded request; a service mints its
 * own {@link Roles#SERVICE} token to read another service's change feed.
 */
@Singleton
public class IdentityTokens {

    private final TokenGenerator generator;
    private final Duration lifetime;
    private final String serviceName;
    private volatile CachedToken serviceToken = new CachedToken("", Instant.EPOCH);

    public IdentityTokens(TokenGenerator generator,
                          @Value("${ipdex.identity.token-lifetime:60s}") Duration lifetime,
                          @Value("${micronaut.application.name}") String serviceName) {
        this.generator = generator;
        this.lifetime = lifetime;
        this.serviceName = serviceName;
    }

    public String issue(Identity identity) {
        return generator.generateToken(identity.toAuthentication(), (int) lifetime.toSeconds())
                .orElseThrow(() -> new IllegalStateException("No identity token signer is configured"));
    }

    /** A token naming this service itself, re-used until shortly before it expires. */
    public String forThisService() {
        CachedToken cached = serviceToken;
        if (Instant.now().isAfter(cached.renewAfter())) {
            String token = issue(new Identity(serviceName, Set.of(Roles.SERVICE), Optional.empty()));
            cached = new CachedToken(token, Instant.now().plus(lifetime.dividedBy(2)));
            serviceToken = cached;
        }
        return cached.token();
    }

    private record CachedToken(String token, Instant renewAfter) {
    }
}
