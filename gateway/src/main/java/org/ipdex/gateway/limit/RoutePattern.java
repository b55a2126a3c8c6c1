package org.ipdex.gateway.limit;

import java.util.List;
import java.util.Locale;

/**
 * A route as configuration names it: {@code "POST /api/v1/authority/offices/{office}/editions"}. The method may be
 * {@code *}; a {@code {name}} or {@code *} segment matches any one segment, and a final {@code **} the rest of the
 * path. Matching is on whole segments, so {@code /api/v1/catalog/lintReports} never matches
 * {@code /api/v1/catalog/lintReportsX}.
 */
record RoutePattern(String method, List<String> segments) {

    static RoutePattern parse(String route) {
        String[] parts = route.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("A route looks like 'POST /api/v1/path/{id}': " + route);
        }
        return new RoutePattern(parts[0].toUpperCase(Locale.ROOT), split(parts[1]));
    }

    boolean matches(String requestMethod, String path) {
        if (!method.equals("*") && !method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        List<String> actual = split(path);
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            if (expected.equals("**")) {
                return true;
            }
            if (i >= actual.size()) {
                return false;
            }
            boolean wildcard = expected.equals("*") || (expected.startsWith("{") && expected.endsWith("}"));
            if (!wildcard && !expected.equals(actual.get(i))) {
                return false;
            }
        }
        return actual.size() == segments.size();
    }

    @Override
    public String toString() {
        return method + " /" + String.join("/", segments);
    }

    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
