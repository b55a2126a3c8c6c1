package org.ipdex.search.query;

import org.ipdex.common.number.PublicationNumber;
import org.ipdex.common.problem.InvalidInputException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validated parameters of an authority search.
 *
 * @param number a parsed publication number: with a kind an exact look-up, without one also a prefix search
 */
public record AuthorityParameters(Optional<PublicationNumber> number, Optional<String> office, List<String> kinds,
                                  Optional<Integer> fromYear, Optional<Integer> toYear, List<String> exceptionCodes,
                                  Optional<String> cursor, int limit) {

    public static final int MAX_LIMIT = 1000;
    private static final int MAX_Q = 40;
    private static final int MAX_VALUES = 20;
    private static final Pattern OFFICE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,3}");
    private static final Pattern EXCEPTION = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    public static AuthorityParameters of(AuthorityQuery query) {
        int limit = SearchParameters.integer("limit", query.limit(), 50);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Optional<PublicationNumber> number = Optional.empty();
        if (query.q() != null && !query.q().isBlank()) {
            if (query.q().length() > MAX_Q) {
                throw InvalidInputException.parameter("q", "must be at most " + MAX_Q + " characters");
            }
            number = Optional.of(PublicationNumber.parse(query.q()).orElseThrow(() -> InvalidInputException
                    .parameter("q", "is not a publication number; write e.g. EP1000000B1 or US 2005/0123456 A1")));
        }
        Optional<String> office = Optional.ofNullable(query.office()).filter(o -> !o.isBlank()).map(String::strip);
        if (office.isPresent() && !OFFICE.matcher(office.get()).matches()) {
            throw InvalidInputException.parameter("office", "must be a two-letter ST.3 office code");
        }
        Optional<Integer> from = year("fromYear", query.fromYear());
        Optional<Integer> to = year("toYear", query.toYear());
        if (from.isPresent() && to.isPresent() && from.get() > to.get()) {
            throw InvalidInputException.parameter("toYear", "must not be before fromYear");
        }
        String cursor = query.cursor() == null || query.cursor().isBlank() ? null : query.cursor().strip();
        if (cursor != null && cursor.length() > SearchParameters.MAX_CURSOR) {
            throw InvalidInputException.parameter("cursor", "is not a cursor of this search");
        }
        return new AuthorityParameters(number, office.map(o -> o.toUpperCase(Locale.ROOT)),
                codes("kind", query.kind(), KIND), from, to, codes("exceptionCode", query.exceptionCode(), EXCEPTION),
                Optional.ofNullable(cursor), limit);
    }

    private static Optional<Integer> year(String parameter, String text) {
        Integer year = text == null || text.isBlank() ? null : SearchParameters.integer(parameter, text, 0);
        if (year != null && (year < 1000 || year > 9999)) {
            throw InvalidInputException.parameter(parameter, "must be a year, e.g. 1998");
        }
        return Optional.ofNullable(year);
    }

    private static List<String> codes(String parameter, List<String> values, Pattern shape) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_VALUES) {
            throw InvalidInputException.parameter(parameter, "at most " + MAX_VALUES + " values");
        }
        for (String value : values) {
            if (value == null || !shape.matcher(value.strip()).matches()) {
                throw InvalidInputException.parameter(parameter, "is not a code: " + abbreviate(value));
            }
        }
        return values.stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).distinct().toList();
    }

    private static String abbreviate(String value) {
        return value == null ? "" : value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
