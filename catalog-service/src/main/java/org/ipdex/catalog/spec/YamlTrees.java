package org.ipdex.catalog.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.ProblemError;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a composed snakeyaml node graph into a Jackson tree with the scalar types YAML 1.1 gives them (as
 * swagger-parser's own loader would). Aliases are expanded here, so the expansion is counted: a file whose
 * aliases would add more than {@link SpecLimits#maxAliasExpansion()} nodes is refused before it fills memory.
 */
final class YamlTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String name;
    private final SpecLimits limits;
    private final long budget;
    private final Map<Node, Boolean> visiting = new IdentityHashMap<>();
    private long created;

    YamlTrees(String name, SpecLimits limits, int textLength) {
        this.name = name;
        this.limits = limits;
        // without aliases a document cannot have more nodes than characters; aliases may add a bounded amount
        this.budget = (long) textLength + limits.maxAliasExpansion();
    }

    JsonNode toTree(Node root) {
        return convert(root, 0);
    }

    private JsonNode convert(Node node, int depth) {
        if (++created > budget || depth > limits.maxDepth()) {
            String why = depth > limits.maxDepth() ? "nesting deeper than " + limits.maxDepth() + " levels"
                    : "YAML aliases expand to more than " + limits.maxAliasExpansion() + " extra nodes";
            throw new InvalidInputException(name + " is refused: " + why, List.of(ProblemError.atLine(
                    node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, why)));
        }
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (visiting.put(node, Boolean.TRUE) != null) {
            throw new InvalidInputException(name + " is refused: a YAML alias contains itself",
                    List.of(ProblemError.atLine(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1,
                            "recursive alias")));
        }
        try {
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = NODES.arrayNode(sequence.getValue().size());
                for (Node item : sequence.getValue()) {
                    array.add(convert(item, depth + 1));
                }
                return array;
            }
            ObjectNode object = NODES.objectNode();
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                JsonNode value = convert(tuple.getValueNode(), depth + 1);
                if (tuple.getKeyNode().getTag().equals(Tag.MERGE) && value instanceof ObjectNode merged) {
                    merged.properties().forEach(entry -> {
                        if (!object.has(entry.getKey())) {
                            object.set(entry.getKey(), entry.getValue());
                        }
                    });
                } else if (tuple.getKeyNode() instanceof ScalarNode key) {
                    object.set(key.getValue(), value);
                } else {
                    throw new InvalidInputException(name + ": a mapping key must be a plain value",
                            List.of(ProblemError.atLine(tuple.getKeyNode().getStartMark().getLine() + 1,
                                    tuple.getKeyNode().getStartMark().getColumn() + 1, "complex mapping key")));
                }
            }
            return object;
        } finally {
            visiting.remove(node);
        }
    }

    private static JsonNode scalar(ScalarNode scalar) {
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return NODES.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                String lower = value.toLowerCase(Locale.ROOT);
                return NODES.booleanNode(lower.equals("true") || lower.equals("yes") || lower.equals("on")
                        || lower.equals("y"));
            }
            if (Tag.INT.equals(tag)) {
                String digits = value.replace("_", "");
                if (digits.matches("[-+]?(0|[1-9][0-9]*)")) {
                    return NODES.numberNode(new BigInteger(digits));
                }
                return NODES.textNode(value); // octal, hex, sexagesimal: keep as written
            }
            if (Tag.FLOAT.equals(tag) && value.matches("[-+]?([0-9][0-9_]*)?\\.?[0-9_]*([eE][-+]?[0-9]+)?")) {
                return NODES.numberNode(new BigDecimal(value.replace("_", "")));
            }
        } catch (NumberFormatException odd) {
            return NODES.textNode(value);
        }
        return NODES.textNode(value);
    }
}
