package org.ipdex.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One operation found by a search, with the API it belongs to.
 *
 * @param score     relevance; absent when listing without search text
 * @param highlight where the text matched, HTML-escaped with the matched words in {@code <em>}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationHit(String apiId, String officeCode, String apiTitle, String method, String path,
                           @Nullable String operationId, @Nullable String summary, @Nullable Double score,
                           @Nullable String highlight) {
}
