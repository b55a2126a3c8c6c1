package org.ipdex.catalog.api;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A version without its bytes, for listings. */
@Serdeable
public record VersionSummary(String apiId, int number, String specVersion, String sourceFormat,
                             String contentSha256, String createdBy, Instant createdAt) {
}
