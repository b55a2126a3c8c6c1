package org.ipdex.catalog.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JSON pointer → 1-based line in the original text, so that a report can say "line 42" to the person who wrote
 * the file. Built by a second, cheap pass over the text (Jackson's streaming parser for JSON, snakeyaml's node
 * graph for YAML) because swagger-parser's model keeps no locations. Violations point into the OpenAPI 3 model;
 * for a Swagger 2.0 original, {@link #line} translates the few renamed sections and otherwise answers the line of
 * the nearest ancestor that exists in the original.
 */
public final class LineIndex {

    private static final LineIndex EMPTY = new LineIndex(Map.of());
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Integer> lines;

    private LineIndex(Map<String, Integer> lines) {
        this.lines = lines;
    }

    public static LineIndex empty() {
        return EMPTY;
    }

    /** Never fails: text that does not parse here (it parsed as a spec already) just yields no lines. */
    public static LineIndex of(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        Map<String, Integer> lines = new HashMap<>();
        lines.put("", 1);
        try {
            if (text.stripLeading().startsWith("{")) {
                indexJson(text, lines);
            } else {
                indexYaml(text, lines);
            }
        } catch (IOException | RuntimeException unreadable) {
            return new LineIndex(lines);
        }
        return new LineIndex(lines);
    }

    public Optional<Integer> line(String pointer) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String candidate = swagger2(pointer);
        while (true) {
            Integer line = lines.get(candidate);
            if (line != null) {
                return Optional.of(line);
            }
            int cut = candidate.lastIndexOf('/');
            if (cut < 0) {
                return Optional.empty();
            }
            candidate = candidate.substring(0, cut);
        }
    }

    private String swagger2(String pointer) {
        if (lines.containsKey("/swagger")) {
            return pointer.replaceFirst("^/components/schemas/", "/definitions/")
                    .replaceFirst("^/components/parameters/", "/parameters/")
                    .replaceFirst("^/components/securitySchemes/", "/securityDefinitions/")
                    .replaceFirst("^/servers", "/host")
                    .replace("/content/application~1json/schema", "/schema");
        }
        return pointer;
    }

    private static void indexJson(String text, Map<String, Integer> lines) throws IOException {
        final class Frame {
            final boolean array;
            final String prefix;
            int index = -1;

            Frame(boolean array, String prefix) {
                this.array = array;
                this.prefix = prefix;
            }
        }
        Deque<Frame> stack = new ArrayDeque<>();
        String current = "";
        try (JsonParser parser = JSON.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    current = stack.peek().prefix + "/" + JsonPointer.escape(parser.currentName());
                    lines.putIfAbsent(current, line);
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                Frame parent = stack.peek();
                if (parent != null && parent.array) {
                    current = parent.prefix + "/" + (++parent.index);
                    lines.putIfAbsent(current, line);
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    stack.push(new Frame(token == JsonToken.START_ARRAY, parent == null ? "" : current));
                }
            }
        }
    }

    private static void indexYaml(String text, Map<String, Integer> lines) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setMaxAliasesForCollections(50);
        Node root = new Yaml(options).compose(new StringReader(text));
        walkYaml(root, "", lines, new IdentityHashMap<>());
    }

    private static void walkYaml(Node node, String pointer, Map<String, Integer> lines, Map<Node, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return; // an alias: indexed where it was anchored
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String child = pointer + "/" + JsonPointer.escape(key.getValue());
                    lines.putIfAbsent(child, key.getStartMark().getLine() + 1);
                    walkYaml(tuple.getValueNode(), child, lines, seen);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                String child = pointer + "/" + i;
                lines.putIfAbsent(child, item.getStartMark().getLine() + 1);
                walkYaml(item, child, lines, seen);
            }
        }
    }
}
