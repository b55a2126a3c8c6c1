package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/**
 * One immutable accepted spec of an API: the bytes as uploaded (with their media type) and a normalised JSON form,
 * plus what lint and diff said when it arrived.
 *
 * @param origin     {@code upload}, {@code bundle} or {@code url}
 * @param servers    the spec's server URLs, for the endpoint probes (JSON array)
 * @param operations the {@link OperationDocument}s, so feed events need not re-parse the spec (JSON array)
 */
@MappedEntity("api_version")
public record ApiVersion(@Id @GeneratedValue @Nullable Long id, String apiId, int number, @Nullable String specVersion,
                         String sourceFormat, String contentSha256, byte[] original,
                         @MappedProperty(definition = "JSONB", type = DataType.JSON) String normalised,
                         String createdBy, Instant createdAt, String mediaType, String origin,
                         @Nullable String sourceUrl, @Nullable Integer st90Score, @Nullable String st90Level,
                         @Nullable String diffVerdict, boolean breakingChange,
                         @MappedProperty(definition = "JSONB", type = DataType.JSON) String servers,
                         @MappedProperty(definition = "JSONB", type = DataType.JSON) String operations,
                         @MappedProperty(definition = "JSONB", type = DataType.JSON) String warnings) {
}
