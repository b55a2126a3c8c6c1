package org.ipdex.gateway.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored API key: never the key itself, only its public prefix and the SHA-256 of the whole key.
 * Never serialised to clients: see {@link ApiKeyResponse}.
 *
 * @param rotatedFrom the key this one replaced, kept so the audit trail survives rotation
 */
@MappedEntity("api_key")
public record ApiKey(@Id UUID id, String name, String role, @Nullable String officeCode, String prefix,
                     byte[] secretHash, @Nullable UUID rotatedFrom, @DateCreated Instant createdAt,
                     @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
