package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** One immutable accepted spec of an API: the bytes as uploaded and a normalised JSON form. */
@MappedEntity("api_version")
public record ApiVersion(@Id @GeneratedValue @Nullable Long id, String apiId, int number, String specVersion,
                         String sourceFormat, String contentSha256, byte[] original,
                         @MappedProperty(definition = "JSONB", type = DataType.JSON) String normalised,
                         String createdBy, Instant createdAt) {
}
