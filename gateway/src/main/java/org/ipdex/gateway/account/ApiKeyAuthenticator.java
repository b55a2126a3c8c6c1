package org.ipdex.gateway.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.Roles;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a presented API key into a {@link Caller}.
 *
 * <p>Positive answers are cached for {@code ipdex.api-keys.cache-ttl} (5 s) so that a busy client costs no
 * database round trip per request; negative answers are not cached, so a new key works at once. A key revoked
 * through this gateway is dropped from the cache immediately; one revoked through another gateway instance stops
 * working when its entry expires. The cache is keyed by the key's hash, so it never holds a usable secret.
 */
@Singleton
public class ApiKeyAuthenticator {

    private static final int MAX_ENTRIES = 10_000;

    private final ApiKeyRepository keys;
    private final long ttlNanos;
    private final Map<String, CacheEntry> cache = new ConcurrentHashMap<>();

    ApiKeyAuthenticator(ApiKeyRepository keys, @Value("${ipdex.api-keys.cache-ttl:5s}") Duration ttl) {
        this.keys = keys;
        this.ttlNanos = ttl.toNanos();
    }

    /** A cache hit, answered without blocking; empty means "ask {@link #authenticate}", not "refused". */
    public Optional<Caller> cached(String presentedKey) {
        CacheEntry entry = cache.get(cacheKey(presentedKey));
        if (entry == null || System.nanoTime() - entry.storedAt() > ttlNanos) {
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    /** Blocking: may read the database. Empty for a malformed, unknown or revoked key. */
    public Optional<Caller> authenticate(String presentedKey) {
        Optional<Caller> hit = cached(presentedKey);
        if (hit.isPresent()) {
            return hit;
        }
        Optional<ApiKey> stored = ApiKeyFormat.prefixOf(presentedKey).flatMap(keys::findByPrefix)
                .filter(ApiKey::isActive)
                .filter(key -> ApiKeyFormat.matches(presentedKey, key.secretHash()));
        stored.ifPresent(key -> keys.touch(key.id()));
        Optional<Caller> caller = stored.map(ApiKeyAuthenticator::callerOf);
        caller.ifPresent(found -> remember(presentedKey, found));
        return caller;
    }

    /** Called when a key is revoked or rotated, so this instance refuses it at once. */
    public void forget(UUID keyId) {
        cache.values().removeIf(entry -> entry.caller().keyId().filter(keyId::equals).isPresent());
    }

    static Caller callerOf(ApiKey key) {
        String subject = "key:" + key.prefix();
        Identity identity = Roles.ADMIN.equals(key.role())
                ? new Identity(subject, Set.of(Roles.ADMIN), Optional.empty())
                : new Identity(subject, Set.of(Roles.OFFICE), Optional.of(key.officeCode()));
        return new Caller(identity, Optional.of(key.id()), Optional.of(key.prefix()));
    }

    private void remember(String presentedKey, Caller caller) {
        if (cache.size() >= MAX_ENTRIES) {
            // crude but bounded: a flood of distinct valid keys only costs database look-ups, never memory
            cache.clear();
        }
        cache.put(cacheKey(presentedKey), new CacheEntry(caller, System.nanoTime()));
    }

    private static String cacheKey(String presentedKey) {
        return HexFormat.of().formatHex(ApiKeyFormat.hash(presentedKey));
    }

    private record CacheEntry(Caller caller, long storedAt) {
    }
}
