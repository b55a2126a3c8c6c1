package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An API as clients see it.
 *
 * @param metadata   the effective catalogue metadata: the spec's values with the office's overrides laid over them
 * @param overridden the metadata fields the office has overridden
 * @param sourceUrl  where the spec is re-fetched from, for APIs registered by URL
 */
@Serdeable
public record ApiResponse(String apiId, String officeCode, String title, @Nullable String description,
                          String lifecycle, int latestVersion, Instant createdAt, Instant updatedAt,
                          ApiMetadata metadata, List<String> overridden, String endpointStatus,
                          @Nullable String sourceUrl) {

    public static ApiResponse of(Api api) {
        List<String> overridden = new ArrayList<>();
        MetadataPatch.read(api.metadataOverrides()).fieldNames().forEachRemaining(overridden::add);
        return new ApiResponse(api.id(), api.officeCode(), api.title(), api.description(), api.lifecycle(),
                api.latestVersion(), api.createdAt(), api.updatedAt(),
                MetadataPatch.effective(api.specMetadata(), api.metadataOverrides()), overridden,
                api.endpointStatus(), api.sourceUrl());
    }
}
