package org.ipdex.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One API found by a search.
 *
 * @param score     relevance; absent when listing without search text
 * @param highlight where the text matched, HTML-escaped with the matched words in {@code <em>}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiHit(String apiId, String officeCode, String title, @Nullable String description,
                     @Nullable String lifecycle, @Nullable Integer operationCount, @Nullable Double score,
                     @Nullable String highlight) {
}
