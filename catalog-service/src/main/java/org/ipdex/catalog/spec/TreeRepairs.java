package org.ipdex.catalog.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Mends, in the tree handed to swagger-parser (never in the stored original), the few defects of real specs that
 * make swagger-parser throw instead of reporting: today, an {@code integer} or {@code number} schema whose enum
 * lists names (APIs.guru's gov.bc.ca jobposting: {@code "enum": ["Undefined0", "Full-Time", …], "type":
 * "integer"}) — read as a string enum, which is what its author meant. Each repair becomes a warning with its
 * pointer, for the office to fix.
 */
final class TreeRepairs {

    private static final int MAX_WARNINGS = 20;

    private TreeRepairs() {
    }

    static List<String> apply(String name, JsonNode tree) {
        List<String> warnings = new ArrayList<>();
        walk(name, tree, "", warnings);
        return warnings;
    }

    private static void walk(String name, JsonNode node, String pointer, List<String> warnings) {
        if (node instanceof ObjectNode object) {
            mendEnum(name, object, pointer, warnings);
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(name, field.getValue(), pointer + "/" + RefChecker.escape(field.getKey()), warnings);
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(name, node.get(i), pointer + "/" + i, warnings);
            }
        }
    }

    private static void mendEnum(String name, ObjectNode schema, String pointer, List<String> warnings) {
        JsonNode type = schema.get("type");
        JsonNode values = schema.get("enum");
        if (type == null || !type.isTextual() || values == null || !values.isArray()
                || !(type.asText().equals("integer") || type.asText().equals("number"))) {
            return;
        }
        for (JsonNode value : values) {
            if (value.isTextual() && !value.asText().matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
                schema.put("type", "string");
                if (warnings.size() < MAX_WARNINGS) {
                    warnings.add(name + "#" + pointer + ": enum values are not " + type.asText()
                            + "s; read as type string");
                }
                return;
            }
        }
    }
}
