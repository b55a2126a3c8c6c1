package org.ipdex.catalog.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.PayloadTooLargeException;
import org.ipdex.common.problem.ProblemError;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one uploaded JSON or YAML file into a tree with our own limits, before swagger-parser sees anything.
 * swagger-parser's own loaders are generous (millions of aliases, megabytes of code points); here a malformed file
 * becomes a 400 with its line and column, and an alias bomb or a too-deep file is refused while it is read.
 * swagger-parser is then handed the tree (as JSON), never the raw text, so it cannot read more than we did.
 */
@Singleton
public class DocumentReader {

    private static final Pattern TRAILING_TAB = Pattern.compile("(?m)[ \\t]*\\t[ \\t]*$");

    private final SpecLimits limits;
    private final ObjectMapper json;

    public DocumentReader(SpecLimits limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth()).build())
                .build();
        this.json = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public Document read(String name, byte[] bytes) {
        if (bytes.length > limits.maxSpecSize()) {
            throw new PayloadTooLargeException(name + " is " + bytes.length + " bytes; the limit is "
                    + limits.maxSpecSize());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new InvalidInputException(name + " is empty", List.of(ProblemError.atLine(1, 1, "empty document")));
        }
        char first = text.stripLeading().charAt(0);
        return first == '{' || first == '[' ? readJson(name, text) : readYaml(name, text);
    }

    private Document readJson(String name, String text) {
        try (JsonParser parser = json.createParser(text)) {
            try {
                JsonNode tree = json.readTree(parser);
                if (parser.nextToken() != null) {
                    throw new InvalidInputException(name + " has content after its JSON value",
                            List.of(at(parser.currentTokenLocation(), "content after the JSON value")));
                }
                return new Document(name, text, tree, Syntax.JSON, List.of());
            } catch (StreamConstraintsException tooDeep) {
                // the exception carries no location; the parser knows where it stopped
                String why = "nesting deeper than " + limits.maxDepth() + " levels";
                throw new InvalidInputException(name + ": " + why, List.of(at(parser.currentLocation(), why)));
            }
        } catch (JsonProcessingException malformed) {
            String problem = malformed.getOriginalMessage();
            throw new InvalidInputException(name + " is not well-formed JSON: " + problem,
                    List.of(at(malformed.getLocation(), problem)));
        } catch (IOException e) {
            throw new InvalidInputException(name + " could not be read: " + e.getMessage());
        }
    }

    private Document readYaml(String name, String text) {
        List<String> repairs = new ArrayList<>();
        try {
            return new Document(name, text, compose(name, text), Syntax.YAML, repairs);
        } catch (MarkedYAMLException malformed) {
            // Real files (USPTO ODP) carry tabs after a key; YAML forbids them but every browser tool forgives them.
            if (malformed.getProblem() != null && malformed.getProblem().contains("\\t")) {
                Matcher tabs = TRAILING_TAB.matcher(text);
                if (tabs.find()) {
                    repairs.add(name + ": trailing tab characters ignored from line "
                            + (malformed.getProblemMark().getLine() + 1));
                    try {
                        return new Document(name, text, compose(name, tabs.replaceAll("")), Syntax.YAML, repairs);
                    } catch (MarkedYAMLException stillMalformed) {
                        throw malformed(name, stillMalformed);
                    }
                }
            }
            throw malformed(name, malformed);
        }
    }

    private JsonNode compose(String name, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxSpecSize()));
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException marked) {
            throw marked;
        } catch (YAMLException limit) {
            // snakeyaml's limit errors (aliases, nesting, code points) carry no mark
            throw new InvalidInputException(name + " is refused: " + limit.getMessage(),
                    List.of(ProblemError.atPointer("", limit.getMessage())));
        }
        if (root == null) {
            throw new InvalidInputException(name + " is empty", List.of(ProblemError.atLine(1, 1, "empty document")));
        }
        return new YamlTrees(name, limits, text.length()).toTree(root);
    }

    private static InvalidInputException malformed(String name, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        ProblemError error = mark == null ? ProblemError.atPointer("", problem)
                : ProblemError.atLine(mark.getLine() + 1, mark.getColumn() + 1, problem);
        return new InvalidInputException(name + " is not well-formed YAML" + where + ": " + problem, List.of(error));
    }

    private static ProblemError at(JsonLocation location, String message) {
        if (location == null || location.getLineNr() < 1) {
            return ProblemError.atPointer("", message);
        }
        return ProblemError.atLine(location.getLineNr(), location.getColumnNr(), message);
    }
}
