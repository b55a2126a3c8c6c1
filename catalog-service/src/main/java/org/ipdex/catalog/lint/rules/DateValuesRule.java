package org.ipdex.catalog.lint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.JsonPointer;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Examples, defaults and enum values of a {@code format: date} or {@code date-time} schema are ISO 8601 dates
 * ({@code 2016-01-28}, {@code 2016-01-28T10:00:00Z}). Read from the document as written: swagger-parser drops (or,
 * in a Swagger 2.0 enum, throws on) a value it cannot type as a date, so the model no longer shows it.
 */
@Singleton
final class DateValuesRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.formats.date-values", Section.DATA_TYPE_FORMATS,
            Level.SHOULD, "Date examples, defaults and enums are ISO 8601");
    private static final Set<String> VALUES = Set.of("example", "x-example", "default");
    private static final Set<String> NAMED = Set.of("properties", "definitions", "schemas", "parameters",
            "responses", "headers");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        spec.source().ifPresent(tree -> walk(spec, tree, "", "", violations));
        return violations;
    }

    private void walk(SpecContext spec, JsonNode node, String pointer, String key, List<Violation> violations) {
        if (node.isObject()) {
            String format = node.path("format").asText("");
            if (!NAMED.contains(key) && (format.equals("date") || format.equals("date-time"))) {
                checkValues(spec, node, pointer, format, violations);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                boolean data = VALUES.contains(name) || name.equals("examples") || name.equals("enum")
                        || name.startsWith("x-");
                if (!data || NAMED.contains(key)) {
                    walk(spec, field.getValue(), JsonPointer.append(pointer, name), name, violations);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(spec, node.get(i), pointer + "/" + i, "", violations);
            }
        }
    }

    private void checkValues(SpecContext spec, JsonNode schema, String pointer, String format,
                             List<Violation> violations) {
        for (String name : VALUES) {
            JsonNode value = schema.get(name);
            if (value != null && !isIso(format, value)) {
                violations.add(violation(spec, JsonPointer.append(pointer, name), name, value, format));
            }
        }
        JsonNode values = schema.path("enum");
        for (int i = 0; i < values.size(); i++) {
            if (!isIso(format, values.get(i))) {
                violations.add(violation(spec, pointer + "/enum/" + i, "enum value", values.get(i), format));
            }
        }
    }

    private Violation violation(SpecContext spec, String pointer, String what, JsonNode value, String format) {
        String like = format.equals("date") ? "2016-01-28" : "2016-01-28T10:00:00Z";
        return spec.violation(this, pointer, Character.toUpperCase(what.charAt(0)) + what.substring(1) + " " + value
                + " is not an ISO 8601 " + format + " (format " + format + "), such as " + like);
    }

    private static boolean isIso(String format, JsonNode value) {
        if (value.isNull()) {
            return true;
        }
        try {
            return value.isTextual() && (format.equals("date") ? LocalDate.parse(value.asText()) != null
                    : OffsetDateTime.parse(value.asText()) != null);
        } catch (DateTimeParseException notIso) {
            return false;
        }
    }
}
