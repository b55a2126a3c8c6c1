package org.ipdex.gateway.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A key just created or rotated. {@code apiKey} is shown this once: only its hash is stored, so a lost key is
 * rotated, never recovered.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuedApiKeyResponse(UUID keyId, String name, String role, String officeCode, String prefix,
                                   UUID rotatedFrom, Instant createdAt, String apiKey) {

    static IssuedApiKeyResponse of(ApiKeys.Issued issued) {
        ApiKey key = issued.key();
        return new IssuedApiKeyResponse(key.id(), key.name(), key.role(), key.officeCode(), key.prefix(),
                key.rotatedFrom(), key.createdAt(), issued.apiKey());
    }
}
