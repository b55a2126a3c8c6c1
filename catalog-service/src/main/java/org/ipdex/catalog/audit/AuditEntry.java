package org.ipdex.catalog.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** One recorded change. Never serialised to clients: see {@link AuditEntryResponse}. */
@MappedEntity("audit_entry")
public record AuditEntry(@Id @GeneratedValue @Nullable Long id, @Nullable String apiId, String officeCode,
                         @Nullable Integer version, String action, String actor,
                         @MappedProperty(definition = "JSONB", type = DataType.JSON) String detail,
                         Instant createdAt) {
}
