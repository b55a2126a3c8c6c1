package org.ipdex.catalog.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record AuditEntryResponse(long entryId, @Nullable String apiId, String officeCode, @Nullable Integer version,
                                 String action, String actor, JsonNode detail, Instant createdAt) {
}
