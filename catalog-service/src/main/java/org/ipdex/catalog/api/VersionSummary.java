package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A version without its bytes, for listings and feeds.
 *
 * @param diffVerdict    against the previous version (none for the first)
 * @param breakingChange breaking changes were registered while the API was in production
 */
@Serdeable
public record VersionSummary(String apiId, int number, @Nullable String specVersion, String sourceFormat,
                             String mediaType, String origin, String contentSha256, @Nullable Integer st90Score,
                             @Nullable String st90Level, @Nullable String diffVerdict, boolean breakingChange,
                             String createdBy, Instant createdAt) {
}
