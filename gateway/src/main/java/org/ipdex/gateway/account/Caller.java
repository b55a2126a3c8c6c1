package org.ipdex.gateway.account;

import io.micronaut.http.HttpRequest;
import org.ipdex.common.identity.Identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Who sent a request, as {@link ApiKeyAuthenticationFilter} established it: the identity the forwarded token will
 * carry, and for keyed requests the key's id and public prefix (for the access log and cache eviction).
 */
public record Caller(Identity identity, Optional<UUID> keyId, Optional<String> keyPrefix) {

    static final String ATTRIBUTE = "ipdex.caller";
    public static final Caller ANONYMOUS = new Caller(Identity.anonymous(), Optional.empty(), Optional.empty());

    /** The caller of a request that went through authentication; anonymous otherwise. */
    public static Caller of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class).orElse(ANONYMOUS);
    }

    public boolean isAnonymous() {
        return keyId.isEmpty();
    }

    /** What the access log says about the caller: never the key, only its public prefix. */
    public String logName() {
        return keyPrefix.map(prefix -> "key=" + prefix).orElse("anonymous");
    }
}
