package org.ipdex.catalog.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.ProblemError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads one JSON or YAML document, or a bundle of them, as OpenAPI 3.x or Swagger 2.0 (converted to 3.0).
 * Order matters: our own {@link DocumentReader} reads with limits, {@link SpecShape} says what is missing, and
 * {@link RefChecker} vets every {@code $ref}; only then does swagger-parser see the trees we built.
 */
@Singleton
public class SpecParser {

    private static final ObjectMapper TREES = new ObjectMapper();

    private final DocumentReader reader;

    @Inject
    public SpecParser(DocumentReader reader) {
        this.reader = reader;
    }

    /** With the default limits, for code and tests outside the application context. */
    public SpecParser() {
        this(new DocumentReader(SpecLimits.defaults()));
    }

    /** One document; its references must stay inside it. */
    public ParsedSpec parse(byte[] content) {
        Document document = reader.read("the document", content);
        String format = SpecShape.check(document.name(), document.tree());
        RefChecker.checkSingle(document);
        List<String> warnings = new ArrayList<>(document.repairs());
        warnings.addAll(TreeRepairs.apply(document.name(), document.tree()));
        OpenAPI model = model(() -> format.startsWith("swagger")
                ? new SwaggerConverter().readContents(json(document.tree()), null, options(false))
                : new OpenAPIV3Parser().parseJsonNode(null, document.tree(), options(false)));
        return new ParsedSpec(model, normalise(model, format), format, document.text(), List.copyOf(warnings));
    }

    /** Several files whose relative references are resolved inside the bundle only. */
    public ParsedSpec parse(Bundle bundle) {
        Map<String, Document> documents = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        bundle.files().forEach((name, bytes) -> {
            Document document = reader.read(name, bytes);
            documents.put(name, document);
            warnings.addAll(document.repairs());
            warnings.addAll(TreeRepairs.apply(name, document.tree()));
        });
        List<String> referenced = RefChecker.checkBundle(documents);
        Document main = documents.get(MainFile.choose(bundle.main(), documents, referenced));
        String format = SpecShape.check(main.name(), main.tree());
        OpenAPI model;
        try (BundleDirectory directory = BundleDirectory.write(documents)) {
            model = model(() -> new OpenAPIParser().readLocation(directory.uri(main.name()), null, options(true)));
        }
        String normalised = normalise(model, format);
        LeftoverRefs.check(normalised);
        return new ParsedSpec(model, normalised, format, main.text(), List.copyOf(warnings));
    }

    /** A stored version again, e.g. as the "from" side of a diff. */
    public ParsedSpec fromNormalised(String normalisedJson, String sourceFormat) {
        try {
            JsonNode tree = TREES.readTree(normalisedJson);
            OpenAPI model = model(() -> new OpenAPIV3Parser().parseJsonNode(null, tree, options(false)));
            return new ParsedSpec(model, normalisedJson, sourceFormat);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored normalised spec does not parse", e);
        }
    }

    private static ParseOptions options(boolean resolve) {
        ParseOptions options = new ParseOptions();
        // every reference was vetted by RefChecker: only files of the bundle's own folder can be read
        options.setResolve(resolve);
        return options;
    }

    /**
     * swagger-parser reports most defects as messages but throws on some (a value its model cannot hold): either
     * way the uploader gets a 400 that quotes the parser, never a 500.
     */
    private static OpenAPI model(Supplier<SwaggerParseResult> parse) {
        SwaggerParseResult result;
        try {
            result = parse.get();
        } catch (RuntimeException unreadable) {
            String why = unreadable.getMessage() == null ? unreadable.getClass().getSimpleName()
                    : unreadable.getMessage().lines().findFirst().orElse("");
            throw new InvalidInputException("The OpenAPI parser could not read this spec: " + why,
                    List.of(ProblemError.atPointer("", why)));
        }
        OpenAPI model = result == null ? null : result.getOpenAPI();
        if (model == null || model.getInfo() == null) {
            List<String> messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();
            throw new InvalidInputException(SpecShape.NOT_A_SPEC + ": "
                    + (messages.isEmpty() ? "the parser found no OpenAPI model" : String.join("; ", messages)),
                    messages.stream().map(message -> ProblemError.atPointer("", message)).toList());
        }
        return model;
    }

    static String normalise(OpenAPI model, String format) {
        try {
            return (format.startsWith("openapi-3.1") ? Json31.mapper() : Json.mapper()).writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(JsonNode tree) {
        try {
            return TREES.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
