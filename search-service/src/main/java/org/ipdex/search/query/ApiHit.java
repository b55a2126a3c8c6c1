package org.ipdex.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One API found by a search.
 *
 * @param score     relevance; absent when not ordered by relevance
 * @param highlight where the text matched, HTML-escaped with the matched words in {@code <em>}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiHit(String apiId, String officeCode, @Nullable String officeName, String title,
                     @Nullable String description, @Nullable String lifecycle, @Nullable String specVersion,
                     @Nullable String updatedAt, @Nullable Integer operationCount, @Nullable List<String> ipDomains,
                     @Nullable String st90Level, @Nullable String endpointStatus, @Nullable Double score,
                     @Nullable String highlight) {
}
