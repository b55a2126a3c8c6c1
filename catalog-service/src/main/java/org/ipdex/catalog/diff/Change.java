package org.ipdex.catalog.diff;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One difference between two versions.
 *
 * @param kind     a stable slug, e.g. {@code operation.removed}, {@code response.property.removed}
 * @param pointer  JSON pointer in the newer model (in the older one for removals)
 * @param path     the API path the change is under, when it is under one
 * @param method   the HTTP method (lower case), when under an operation
 * @param message  one readable sentence
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(String kind, Classification classification, Direction direction, String pointer,
                     @Nullable String path, @Nullable String method, String message) {
}
