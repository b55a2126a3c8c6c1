package org.ipdex.search.query;

import org.ipdex.common.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validated parameters of a search. Checked here rather than by Elasticsearch so that a bad request is a 400
 * that names the parameter, never a 500.
 *
 * @param text    what to search for; empty lists everything
 * @param filters per facet, the values any of which a hit must have
 */
public record SearchParameters(Optional<String> text, Map<Facet, List<String>> filters, SortOrder sort,
                               Optional<String> cursor, int limit) {

    public static final int MAX_LIMIT = 100;
    static final int MAX_TEXT = 500;
    static final int MAX_VALUE = 100;
    static final int MAX_VALUES = 20;
    static final int MAX_CURSOR = 2000;
    private static final Pattern OFFICE = Pattern.compile("[A-Za-z]{2}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /** @param facets the facets this search has; any other facet parameter is refused */
    public static SearchParameters of(SearchQuery query, Set<Facet> facets) {
        int limit = integer("limit", query.limit(), 20);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String text = query.q() == null ? "" : query.q().strip();
        if (text.length() > MAX_TEXT) {
            throw InvalidInputException.parameter("q", "must be at most " + MAX_TEXT + " characters");
        }
        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            List<String> values = values(facet, query.values(facet));
            if (!values.isEmpty()) {
                if (!facets.contains(facet)) {
                    throw InvalidInputException.parameter(facet.parameter(), "is not a filter of this search");
                }
                filters.put(facet, values);
            }
        }
        SortOrder sort = nonBlank(query.sort()).map(s -> SortOrder.parse(s).orElseThrow(() ->
                InvalidInputException.parameter("sort", "must be relevance, title or updated")))
                .orElse(text.isEmpty() ? SortOrder.TITLE : SortOrder.RELEVANCE);
        if (sort == SortOrder.RELEVANCE && text.isEmpty()) {
            sort = SortOrder.TITLE;
        }
        Optional<String> cursor = nonBlank(query.cursor());
        if (cursor.isPresent() && cursor.get().length() > MAX_CURSOR) {
            throw InvalidInputException.parameter("cursor", "is not a cursor of this search");
        }
        return new SearchParameters(nonBlank(text), filters, sort, cursor, limit);
    }

    static int integer(String parameter, String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.parameter(parameter, "must be a whole number");
        }
    }

    private static List<String> values(Facet facet, List<String> raw) {
        if (raw.size() > MAX_VALUES) {
            throw InvalidInputException.parameter(facet.parameter(), "at most " + MAX_VALUES + " values");
        }
        Set<String> values = new LinkedHashSet<>();
        for (String value : raw) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String v = value.strip();
            if (v.length() > MAX_VALUE) {
                throw InvalidInputException.parameter(facet.parameter(), "a value must be at most " + MAX_VALUE
                        + " characters");
            }
            if (facet == Facet.OFFICE && !OFFICE.matcher(v).matches()) {
                throw InvalidInputException.parameter("office", "must be a two-letter ST.3 office code");
            }
            if (facet == Facet.METHOD && !METHODS.contains(facet.canonical(v))) {
                throw InvalidInputException.parameter("method", "must be one of " + METHODS);
            }
            values.add(facet.canonical(v));
        }
        return new ArrayList<>(values);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
