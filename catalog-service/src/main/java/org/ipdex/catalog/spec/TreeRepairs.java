package org.ipdex.catalog.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Mends, in a copy of the tree handed to swagger-parser (never in the stored original, nor in the tree lint reads),
 * the defects of real specs that make swagger-parser throw, or silently drop what it cannot type:
 * <ul>
 * <li>an {@code integer} or {@code number} schema whose enum lists names (APIs.guru's gov.bc.ca jobposting) — read
 * as a string enum, which is what its author meant;</li>
 * <li>a {@code date}, {@code date-time} or {@code uuid} schema whose enum holds a value of another shape
 * ({@code "2016_01_28"}): the parser deserialises enums into {@code Date}/{@code UUID} and throws (Swagger 2.0) or
 * drops them (OpenAPI 3) — read without the format, the enum kept as written;</li>
 * <li>in Swagger 2.0, a {@code type} that is not one ({@code "File"}, {@code "any"}, {@code "null"}): the converter
 * drops such a definition, or fails on such a response schema with a NullPointerException — read with the type in
 * lower case when that is one, else untyped.</li>
 * </ul>
 * Each repair becomes a warning with its pointer, for the office to fix. Example and default values are data, not
 * schemas: they are not walked.
 */
final class TreeRepairs {

    private static final int MAX_WARNINGS = 20;
    private static final Set<String> SWAGGER2_TYPES = Set.of("string", "number", "integer", "boolean", "array",
            "object", "file");
    private static final Set<String> DATA = Set.of("example", "examples", "default", "enum", "const",
            "securityDefinitions", "securitySchemes");
    /** Maps whose keys are names chosen by the author, so a property called {@code example} is still a schema. */
    private static final Set<String> NAMED = Set.of("properties", "definitions", "schemas", "parameters",
            "responses", "headers", "patternProperties");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The tree to hand to swagger-parser (the original when nothing needed mending) and what was mended. */
    record Repaired(JsonNode tree, List<String> warnings) {
    }

    private record Edit(String pointer, Consumer<ObjectNode> change, String warning) {
    }

    private TreeRepairs() {
    }

    /** @param format what the spec (or the bundle's root) is, as {@link SpecShape#check} says */
    static Repaired apply(String name, JsonNode tree, String format) {
        List<Edit> edits = new ArrayList<>();
        walk(tree, "", "", format.startsWith("swagger"), edits);
        if (edits.isEmpty()) {
            return new Repaired(tree, List.of());
        }
        JsonNode copy = tree.deepCopy();
        List<String> warnings = new ArrayList<>();
        for (Edit edit : edits) {
            edit.change().accept((ObjectNode) copy.at(edit.pointer()));
            if (warnings.size() < MAX_WARNINGS) {
                warnings.add(name + "#" + edit.pointer() + ": " + edit.warning());
            }
        }
        return new Repaired(copy, List.copyOf(warnings));
    }

    private static void walk(JsonNode node, String pointer, String key, boolean swagger2, List<Edit> edits) {
        if (node instanceof ObjectNode object) {
            if (!NAMED.contains(key)) {
                mendEnum(object, pointer, edits);
                mendTypedEnum(object, pointer, edits);
            }
            if (swagger2 && !NAMED.contains(key)) {
                mendType(object, pointer, edits);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean data = DATA.contains(field.getKey()) || field.getKey().startsWith("x-");
                if (!data || NAMED.contains(key)) {
                    walk(field.getValue(), pointer + "/" + RefChecker.escape(field.getKey()), field.getKey(),
                            swagger2, edits);
                }
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, "", swagger2, edits);
            }
        }
    }

    private static void mendEnum(ObjectNode schema, String pointer, List<Edit> edits) {
        String type = schema.path("type").asText("");
        JsonNode values = schema.get("enum");
        if (!(type.equals("integer") || type.equals("number")) || values == null || !values.isArray()) {
            return;
        }
        for (JsonNode value : values) {
            if (value.isTextual() && !NUMBER.matcher(value.asText()).matches()) {
                edits.add(new Edit(pointer, node -> node.put("type", "string"),
                        "enum values are not " + type + "s; read as type string"));
                return;
            }
        }
    }

    private static void mendTypedEnum(ObjectNode schema, String pointer, List<Edit> edits) {
        String format = schema.path("format").asText("");
        JsonNode values = schema.get("enum");
        if (values == null || !values.isArray() || !(format.equals("date") || format.equals("date-time")
                || format.equals("uuid"))) {
            return;
        }
        for (JsonNode value : values) {
            if (!fits(format, value)) {
                edits.add(new Edit(pointer, node -> node.remove("format"), "enum value " + value + " is not a "
                        + format + " (format " + format + "); read as a plain string enum"));
                return;
            }
        }
    }

    private static void mendType(ObjectNode schema, String pointer, List<Edit> edits) {
        JsonNode type = schema.get("type");
        if (type == null || type.isArray() || SWAGGER2_TYPES.contains(type.asText())) {
            return;
        }
        String lower = type.asText().toLowerCase(Locale.ROOT);
        if (type.isTextual() && SWAGGER2_TYPES.contains(lower)) {
            edits.add(new Edit(pointer, node -> node.put("type", lower),
                    "type " + type + " is not a Swagger 2.0 type; read as \"" + lower + "\""));
        } else {
            edits.add(new Edit(pointer, node -> node.remove("type"),
                    "type " + type + " is not a Swagger 2.0 type; read as a schema of any type"));
        }
    }

    /** Whether the value is one swagger-parser can hold for this format (ISO 8601 / RFC 3339, or a UUID). */
    static boolean fits(String format, JsonNode value) {
        if (!value.isTextual()) {
            return value.isNull();
        }
        String text = value.asText();
        try {
            return switch (format) {
                case "date" -> LocalDate.parse(text) != null;
                case "date-time" -> OffsetDateTime.parse(text) != null;
                case "uuid" -> UUID.matcher(text).matches();
                default -> true;
            };
        } catch (DateTimeParseException notIso) {
            return false;
        }
    }
}
