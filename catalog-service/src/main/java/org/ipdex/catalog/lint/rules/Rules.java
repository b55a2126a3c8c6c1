package org.ipdex.catalog.lint.rules;

import io.swagger.v3.oas.models.media.Content;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small helpers several rules share; kept here so each rule reads as its check only. */
final class Rules {

    /** Lenient on acronyms ({@code apiID}) because ST.90 examples are; strict on separators and the first letter. */
    static final Pattern LOWER_CAMEL = Pattern.compile("[a-z][a-zA-Z0-9]*");

    private Rules() {
    }

    static boolean isLowerCamel(String name) {
        return LOWER_CAMEL.matcher(name).matches();
    }

    /** Path segments without the empty first one: {@code /a/{b}/c} → a, {b}, c. */
    static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    static boolean isTemplate(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** Segments after {@code .well-known} are registered names (RFC 8615), not ours to rename. */
    static List<String> ownSegments(String path) {
        List<String> segments = segments(path);
        int wellKnown = segments.indexOf(".well-known");
        return wellKnown < 0 ? segments : segments.subList(0, wellKnown);
    }

    static boolean isSuccess(String status) {
        return status.startsWith("2");
    }

    static boolean isClientError(String status) {
        return status.startsWith("4");
    }

    static boolean isServerError(String status) {
        return status.startsWith("5");
    }

    static boolean isError(String status) {
        return isClientError(status) || isServerError(status) || "default".equals(status);
    }

    static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return type.contains("json") || type.equals("*/*");
    }

    static boolean hasContent(Content content) {
        return content != null && !content.isEmpty();
    }
}
