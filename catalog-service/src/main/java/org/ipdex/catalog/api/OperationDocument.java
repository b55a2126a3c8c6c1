package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One operation of an API, searchable on its own ("legal status" across every office).
 *
 * @param parameters         names of its parameters (path-level ones included)
 * @param requestProperties  property names of its request body schemas, nested ones included
 * @param responseProperties property names of its response schemas, nested ones included
 */
@Serdeable
public record OperationDocument(String method, String path, @Nullable String operationId, @Nullable String summary,
                                @Nullable String description, List<String> tags, List<String> parameters,
                                List<String> requestProperties, List<String> responseProperties) {
}
