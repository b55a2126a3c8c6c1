package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * One version with what was learnt when it arrived; the spec itself is at {@code …/versions/{version}/spec}.
 *
 * @param servers the server URLs the endpoint probes check
 */
@Serdeable
public record VersionResponse(String apiId, int number, @Nullable String specVersion, String sourceFormat,
                              String mediaType, String origin, @Nullable String sourceUrl, String contentSha256,
                              @Nullable Integer st90Score, @Nullable String st90Level, @Nullable String diffVerdict,
                              boolean breakingChange, List<String> servers, int operationCount,
                              List<String> warnings, String createdBy, Instant createdAt) {
}
