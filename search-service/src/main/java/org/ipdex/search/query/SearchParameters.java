package org.ipdex.search.query;

import io.micronaut.core.annotation.Nullable;
import org.ipdex.common.problem.InvalidInputException;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validated parameters of a search. Checked here rather than by Elasticsearch so that a bad request is a 400
 * that names the parameter, never a 500.
 *
 * @param text   what to search for; empty lists everything
 * @param office an ST.3 office code, upper case
 * @param method an HTTP method, lower case (operations only)
 */
public record SearchParameters(Optional<String> text, Optional<String> office, Optional<String> method,
                               Optional<String> cursor, int limit) {

    public static final int MAX_LIMIT = 100;
    static final int MAX_TEXT = 500;
    private static final Pattern OFFICE = Pattern.compile("[A-Za-z]{2}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    public static SearchParameters of(@Nullable String q, @Nullable String office, @Nullable String method,
                                      @Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_TEXT) {
            throw InvalidInputException.parameter("q", "must be at most " + MAX_TEXT + " characters");
        }
        if (office != null && !office.isBlank() && !OFFICE.matcher(office.strip()).matches()) {
            throw InvalidInputException.parameter("office", "must be a two-letter ST.3 office code");
        }
        if (method != null && !method.isBlank() && !METHODS.contains(method.strip().toLowerCase(Locale.ROOT))) {
            throw InvalidInputException.parameter("method", "must be one of " + METHODS);
        }
        return new SearchParameters(nonBlank(text), nonBlank(office).map(o -> o.toUpperCase(Locale.ROOT)),
                nonBlank(method).map(m -> m.toLowerCase(Locale.ROOT)), nonBlank(cursor), limit);
    }

    private static Optional<String> nonBlank(@Nullable String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
