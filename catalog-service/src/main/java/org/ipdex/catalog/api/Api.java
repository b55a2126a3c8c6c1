package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/**
 * A registered API; its specs are its {@link ApiVersion}s. Never serialised to clients: see {@link ApiResponse}.
 *
 * @param lifecycle         the effective lifecycle (spec value unless overridden), kept as a column for queries
 * @param specMetadata      {@link ApiMetadata} as the latest version's spec states it (JSON)
 * @param metadataOverrides what the office set with PATCH (JSON object; survives new versions)
 * @param revision          numbers this API's change-feed events, so search-service keeps the newest
 * @param sourceUrl         where the spec is re-fetched from, for APIs registered by URL
 */
@MappedEntity("api")
public record Api(@Id String id, String officeCode, String title, @Nullable String description, String lifecycle,
                  int latestVersion, Instant createdAt, Instant updatedAt,
                  @MappedProperty(definition = "JSONB", type = DataType.JSON) String specMetadata,
                  @MappedProperty(definition = "JSONB", type = DataType.JSON) String metadataOverrides,
                  long revision, @Nullable String sourceUrl, @Nullable Instant sourceCheckedAt,
                  String endpointStatus) {

    Api withEndpointStatus(String status, Instant now) {
        return new Api(id, officeCode, title, description, lifecycle, latestVersion, createdAt, now, specMetadata,
                metadataOverrides, revision + 1, sourceUrl, sourceCheckedAt, status);
    }
}
