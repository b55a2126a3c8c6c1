package org.ipdex.search.consume;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * The payload of {@code api.upserted} as catalog-service publishes it (its {@code ApiDocument}). A copy rather
 * than a shared class: the feed is a protocol between services, and search-service reads only what it indexes.
 * Everything but the id and office is optional, so events written before catalog-service sent a field (and a
 * rebuild reads those again) are indexed without it instead of failing.
 */
@Serdeable
record ApiChange(String apiId, String officeCode, @Nullable String officeName, @Nullable String title,
                 @Nullable String description, @Nullable String lifecycle, @Nullable Integer versionNumber,
                 @Nullable String specVersion, @Nullable String sourceFormat, @Nullable Instant updatedAt,
                 @Nullable List<String> ipDomains, @Nullable List<String> serviceTypes,
                 @Nullable List<String> contentTypes, @Nullable List<String> languages, @Nullable String st90Level,
                 @Nullable Double st90Score, @Nullable String endpointStatus, @Nullable Boolean breakingChange,
                 @Nullable List<Operation> operations) {

    static final String UPSERTED = "api.upserted";

    /**
     * @param parameters         names of its parameters
     * @param requestProperties  property names of its request body schemas
     * @param responseProperties property names of its response schemas
     */
    @Serdeable
    record Operation(String method, String path, @Nullable String operationId, @Nullable String summary,
                     @Nullable String description, @Nullable List<String> tags, @Nullable List<String> parameters,
                     @Nullable List<String> requestProperties, @Nullable List<String> responseProperties) {

        List<String> propertyNames() {
            List<String> names = new java.util.ArrayList<>();
            if (requestProperties != null) {
                names.addAll(requestProperties);
            }
            if (responseProperties != null) {
                names.addAll(responseProperties);
            }
            return names;
        }
    }

    List<Operation> operationsOrEmpty() {
        return operations == null ? List.of() : operations;
    }
}
