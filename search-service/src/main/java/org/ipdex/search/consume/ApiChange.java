package org.ipdex.search.consume;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * The payload of {@code api.upserted} as catalog-service publishes it (its {@code ApiDocument}). A copy rather
 * than a shared class: the feed is a protocol between services, and search-service reads only what it indexes.
 */
@Serdeable
record ApiChange(String apiId, String officeCode, @Nullable String title, @Nullable String description,
                 @Nullable String lifecycle, @Nullable Integer versionNumber, @Nullable String specVersion,
                 @Nullable String sourceFormat, @Nullable Instant updatedAt,
                 @Nullable List<Operation> operations) {

    static final String UPSERTED = "api.upserted";

    @Serdeable
    record Operation(String method, String path, @Nullable String operationId, @Nullable String summary,
                     @Nullable String description, @Nullable List<String> tags) {
    }

    List<Operation> operationsOrEmpty() {
        return operations == null ? List.of() : operations;
    }
}
