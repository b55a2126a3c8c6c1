package org.ipdex.common.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mints the short-lived signed identity tokens that every service verifies (micronaut-security-jwt, HS256 with
 * the shared {@code IPDEX_IDENTITY_SECRET}). The gateway forwards every request with one; a service uses its own
 * {@link Roles#SERVICE} token to read another service's change feed.
 *
 * <p>A token is re-used for the same identity until half its lifetime has passed: signing one costs more than
 * the rest of the gateway's work on a request, and the callers are few (anonymous, one per API key).
 */
@Singleton
public class IdentityTokens {

    /** More identities than this at once means keys are being sprayed at us; start over rather than grow. */
    private static final int MAX_CACHED = 10_000;

    private final TokenGenerator generator;
    private final Duration lifetime;
    private final String serviceName;
    private final Map<Identity, CachedToken> cache = new ConcurrentHashMap<>();

    public IdentityTokens(TokenGenerator generator,
                          @Value("${ipdex.identity.token-lifetime:60s}") Duration lifetime,
                          @Value("${micronaut.application.name}") String serviceName) {
        this.generator = generator;
        this.lifetime = lifetime;
        this.serviceName = serviceName;
    }

    public String issue(Identity identity) {
        Instant now = Instant.now();
        CachedToken cached = cache.get(identity);
        if (cached == null || now.isAfter(cached.renewAfter())) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cached = new CachedToken(sign(identity), now.plus(lifetime.dividedBy(2)));
            cache.put(identity, cached);
        }
        return cached.token();
    }

    /** A token naming this service itself. */
    public String forThisService() {
        return issue(new Identity(serviceName, Set.of(Roles.SERVICE), Optional.empty()));
    }

    private String sign(Identity identity) {
        return generator.generateToken(identity.toAuthentication(), (int) lifetime.toSeconds())
                .orElseThrow(() -> new IllegalStateException("No identity token signer is configured"));
    }

    private record CachedToken(String token, Instant renewAfter) {
    }
}
