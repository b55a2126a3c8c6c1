package org.ipdex.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One as-you-type suggestion.
 *
 * @param text what to show and, picked, to search for
 * @param type {@code api}, {@code office} or {@code operation}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestion(String text, String type, @Nullable String apiId, @Nullable String office,
                         @Nullable String method, @Nullable String path) {
}
