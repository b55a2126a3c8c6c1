package org.ipdex.gateway.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A key as the admin API lists it: everything but the secret, which only its owner ever saw. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyResponse(UUID keyId, String name, String role, String officeCode, String prefix,
                             UUID rotatedFrom, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {

    static ApiKeyResponse of(ApiKey key) {
        return new ApiKeyResponse(key.id(), key.name(), key.role(), key.officeCode(), key.prefix(),
                key.rotatedFrom(), key.createdAt(), key.revokedAt(), key.lastUsedAt());
    }
}
