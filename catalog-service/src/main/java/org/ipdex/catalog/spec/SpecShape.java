package org.ipdex.catalog.spec;

import com.fasterxml.jackson.databind.JsonNode;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.ProblemError;

import java.util.ArrayList;
import java.util.List;

/**
 * Says what a document is before any parser runs: {@code swagger-2.0}, {@code openapi-3.0.x} or
 * {@code openapi-3.1.x}, or a 400 that names each missing piece by its JSON pointer.
 */
final class SpecShape {

    static final String NOT_A_SPEC = "Not an OpenAPI or Swagger document";

    private SpecShape() {
    }

    static boolean looksLikeSpec(JsonNode tree) {
        return tree.isObject() && (tree.has("openapi") || tree.has("swagger"));
    }

    /** @return the source format, e.g. {@code openapi-3.1.0} */
    static String check(String name, JsonNode tree) {
        List<ProblemError> missing = new ArrayList<>();
        if (!tree.isObject()) {
            throw new InvalidInputException(NOT_A_SPEC + ": " + name + " is a " + tree.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT) + ", not an object",
                    List.of(ProblemError.atPointer("", "expected an object with openapi, info and paths")));
        }
        String format = null;
        JsonNode openapi = tree.get("openapi");
        JsonNode swagger = tree.get("swagger");
        if (openapi != null && openapi.isValueNode()) {
            String version = openapi.asText();
            if (!version.matches("3\\.[01](\\.\\d+)?.*")) {
                missing.add(ProblemError.atPointer("/openapi", "OpenAPI " + version + " is not supported (3.0 and 3.1 are)"));
            }
            format = "openapi-" + version;
        } else if (swagger != null && swagger.isValueNode()) {
            if (!swagger.asText().equals("2.0")) {
                missing.add(ProblemError.atPointer("/swagger", "Swagger " + swagger.asText() + " is not supported (2.0 is)"));
            }
            format = "swagger-2.0";
        } else {
            missing.add(ProblemError.atPointer("/openapi", "missing: the version field `openapi: 3.x` (or `swagger: \"2.0\"`)"));
        }
        JsonNode info = tree.get("info");
        if (info == null || !info.isObject()) {
            missing.add(ProblemError.atPointer("/info", "missing: the info object"));
        } else {
            requireText(info, "title", missing);
            requireText(info, "version", missing);
        }
        boolean is31 = format != null && format.startsWith("openapi-3.1");
        boolean hasPaths = tree.path("paths").isObject();
        if (!hasPaths && !(is31 && (tree.has("webhooks") || tree.has("components")))) {
            missing.add(ProblemError.atPointer("/paths", "missing: the paths object"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(NOT_A_SPEC + ": " + missing.stream().map(ProblemError::message)
                    .reduce((a, b) -> a + "; " + b).orElse(""), missing);
        }
        return format;
    }

    private static void requireText(JsonNode info, String field, List<ProblemError> missing) {
        JsonNode value = info.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            missing.add(ProblemError.atPointer("/info/" + field, "missing: info." + field));
        }
    }
}
