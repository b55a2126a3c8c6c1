package org.ipdex.catalog.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Synthetic "next versions" of a real spec, each one edit a real release makes: the pairs the diff's verdict is
 * compared with openapi-diff-core on. Works on the document tree, for Swagger 2.0 and OpenAPI 3.x alike. A mutation
 * that finds nothing to edit in a spec yields no pair.
 */
public final class Mutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** A pair: the original text and the mutated one. */
    public record Pair(String name, String before, String after) {
    }

    private Mutations() {
    }

    public static final Map<String, Function<ObjectNode, Boolean>> ALL = new java.util.LinkedHashMap<>();

    static {
        ALL.put("unchanged", root -> true);
        ALL.put("description-changed", Mutations::changeDescription);
        ALL.put("operation-removed", Mutations::removeOperation);
        ALL.put("path-removed", Mutations::removePath);
        ALL.put("operation-added", Mutations::addOperation);
        ALL.put("optional-query-parameter-added", root -> addParameter(root, false));
        ALL.put("required-query-parameter-added", root -> addParameter(root, true));
        ALL.put("parameter-made-required", Mutations::makeParameterRequired);
        ALL.put("schema-property-removed", Mutations::removeProperty);
        ALL.put("schema-property-added", Mutations::addProperty);
        ALL.put("schema-property-type-changed", Mutations::changeType);
        ALL.put("enum-value-added", root -> editEnum(root, true));
        ALL.put("enum-value-removed", root -> editEnum(root, false));
        ALL.put("success-response-removed", Mutations::removeSuccessResponse);
    }

    public static List<Pair> of(String name, String text) throws IOException {
        JsonNode original = (text.stripLeading().startsWith("{") ? JSON : YAML).readTree(text);
        if (!(original instanceof ObjectNode)) {
            return List.of();
        }
        String before = JSON.writeValueAsString(original);
        List<Pair> pairs = new ArrayList<>();
        for (Map.Entry<String, Function<ObjectNode, Boolean>> mutation : ALL.entrySet()) {
            ObjectNode copy = (ObjectNode) original.deepCopy();
            if (mutation.getValue().apply(copy)) {
                pairs.add(new Pair(name + " " + mutation.getKey(), before, JSON.writeValueAsString(copy)));
            }
        }
        return pairs;
    }

    private static boolean isSwagger2(ObjectNode root) {
        return root.has("swagger");
    }

    private static Optional<ObjectNode> firstOperation(ObjectNode root) {
        for (JsonNode item : iterable(root.path("paths"))) {
            for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
                String method = names.next();
                if (METHODS.contains(method) && item.get(method) instanceof ObjectNode operation) {
                    return Optional.of(operation);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean changeDescription(ObjectNode root) {
        ((ObjectNode) root.with("info")).put("description", "Changed by a synthetic mutation.");
        return true;
    }

    private static boolean removeOperation(ObjectNode root) {
        for (JsonNode item : iterable(root.path("paths"))) {
            long methods = iterableNames(item).stream().filter(METHODS::contains).count();
            if (methods >= 2) {
                ((ObjectNode) item).remove(iterableNames(item).stream().filter(METHODS::contains).findFirst().orElseThrow());
                return true;
            }
        }
        return false;
    }

    private static boolean removePath(ObjectNode root) {
        List<String> paths = iterableNames(root.path("paths"));
        if (paths.size() < 2) {
            return false;
        }
        ((ObjectNode) root.get("paths")).remove(paths.get(paths.size() - 1));
        return true;
    }

    private static boolean addOperation(ObjectNode root) {
        if (!(root.get("paths") instanceof ObjectNode paths)) {
            return false;
        }
        ObjectNode get = paths.putObject("/ipdexSyntheticResources").putObject("get");
        get.put("operationId", "ipdexSyntheticList").put("summary", "Synthetic");
        get.putObject("responses").putObject("200").put("description", "OK");
        return true;
    }

    private static boolean addParameter(ObjectNode root, boolean required) {
        Optional<ObjectNode> operation = firstOperation(root);
        if (operation.isEmpty()) {
            return false;
        }
        ArrayNode parameters = operation.get().withArray("parameters");
        ObjectNode parameter = parameters.addObject().put("name", "ipdexSynthetic").put("in", "query")
                .put("required", required);
        if (isSwagger2(root)) {
            parameter.put("type", "string");
        } else {
            parameter.putObject("schema").put("type", "string");
        }
        return true;
    }

    private static boolean makeParameterRequired(ObjectNode root) {
        for (JsonNode item : iterable(root.path("paths"))) {
            for (String method : iterableNames(item)) {
                for (JsonNode parameter : iterable(item.path(method).path("parameters"))) {
                    if ("query".equals(parameter.path("in").asText()) && !parameter.path("required").asBoolean(false)) {
                        ((ObjectNode) parameter).put("required", true);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A named schema with properties that some operation uses, found through its $ref name in the text. */
    private static Optional<ObjectNode> usedDefinition(ObjectNode root) {
        JsonNode definitions = isSwagger2(root) ? root.path("definitions") : root.path("components").path("schemas");
        String paths = root.path("paths").toString();
        for (String name : iterableNames(definitions)) {
            JsonNode definition = definitions.get(name);
            if (definition.path("properties").size() >= 2 && paths.contains("/" + name + "\"")) {
                return Optional.of((ObjectNode) definition);
            }
        }
        return Optional.empty();
    }

    private static boolean removeProperty(ObjectNode root) {
        return usedDefinition(root).map(definition -> {
            ObjectNode properties = (ObjectNode) definition.get("properties");
            String name = iterableNames(properties).get(0);
            properties.remove(name);
            if (definition.get("required") instanceof ArrayNode required) {
                for (int i = required.size() - 1; i >= 0; i--) {
                    if (name.equals(required.get(i).asText())) {
                        required.remove(i);
                    }
                }
            }
            return true;
        }).orElse(false);
    }

    private static boolean addProperty(ObjectNode root) {
        return usedDefinition(root).map(definition -> {
            ((ObjectNode) definition.get("properties")).putObject("ipdexSynthetic").put("type", "string");
            return true;
        }).orElse(false);
    }

    private static boolean changeType(ObjectNode root) {
        return usedDefinition(root).map(definition -> {
            for (JsonNode property : iterable(definition.get("properties"))) {
                String type = property.path("type").asText();
                if (type.equals("string") || type.equals("integer") || type.equals("boolean")) {
                    ((ObjectNode) property).put("type", type.equals("string") ? "integer" : "string");
                    ((ObjectNode) property).remove(List.of("format", "enum", "pattern", "default", "minimum", "maximum"));
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    private static boolean editEnum(ObjectNode root, boolean add) {
        List<JsonNode> found = new ArrayList<>();
        root.findParents("enum").forEach(found::add);
        for (JsonNode holder : found) {
            if (holder.get("enum") instanceof ArrayNode values && values.size() >= 2
                    && values.get(0).isTextual()) {
                if (add) {
                    values.add("ipdexSynthetic");
                } else {
                    values.remove(values.size() - 1);
                }
                return true;
            }
        }
        return false;
    }

    private static boolean removeSuccessResponse(ObjectNode root) {
        Optional<ObjectNode> operation = firstOperation(root);
        if (operation.isPresent() && operation.get().path("responses") instanceof ObjectNode responses
                && responses.has("200") && responses.size() >= 2) {
            responses.remove("200");
            return true;
        }
        return false;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node != null) {
            node.elements().forEachRemaining(values::add);
        }
        return values;
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node != null) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
