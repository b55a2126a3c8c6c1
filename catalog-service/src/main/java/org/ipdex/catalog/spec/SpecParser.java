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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads one JSON or YAML document, or a bundle of them, as OpenAPI 3.x or Swagger 2.0 (converted to 3.0).
 * Order matters: our own {@link DocumentReader} reads with limits, {@link SpecShape} says what is missing, and
 * {@link RefChecker} vets every {@code $ref}; only then does swagger-parser see the trees we built.
 */
@Singleton
public class SpecParser {

    private static final ObjectMapper TREES = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(SpecParser.class);
    private static final Pattern INTERNAL = Pattern.compile(
            "Exception|Cannot invoke|because \"|\\b(java|javax|io\\.swagger|com\\.fasterxml)\\.[a-z]");

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
        TreeRepairs.Repaired repaired = TreeRepairs.apply(document.name(), document.tree(), format);
        warnings.addAll(repaired.warnings());
        OpenAPI model = model(() -> format.startsWith("swagger")
                ? new SwaggerConverter().readContents(json(repaired.tree()), null, options(false))
                : new OpenAPIV3Parser().parseJsonNode(null, repaired.tree(), options(false)));
        return new ParsedSpec(model, normalise(model, format), format, document.text(), document.tree(),
                List.copyOf(warnings));
    }

    /** Several files whose relative references are resolved inside the bundle only. */
    public ParsedSpec parse(Bundle bundle) {
        Map<String, Document> documents = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        bundle.files().forEach((name, bytes) -> {
            Document document = reader.read(name, bytes);
            documents.put(name, document);
            warnings.addAll(document.repairs());
        });
        List<String> referenced = RefChecker.checkBundle(documents);
        Document main = documents.get(MainFile.choose(bundle.main(), documents, referenced));
        String format = SpecShape.check(main.name(), main.tree());
        Map<String, Document> repaired = new LinkedHashMap<>();
        documents.forEach((name, document) -> {
            TreeRepairs.Repaired mended = TreeRepairs.apply(name, document.tree(), format);
            warnings.addAll(mended.warnings());
            repaired.put(name, new Document(name, document.text(), mended.tree(), document.syntax(),
                    document.repairs()));
        });
        OpenAPI model;
        try (BundleDirectory directory = BundleDirectory.write(repaired)) {
            model = model(() -> new OpenAPIParser().readLocation(directory.uri(main.name()), null, options(true)));
        }
        String normalised = normalise(model, format);
        LeftoverRefs.check(normalised);
        // no source: a stored bundle is re-linted from its normalised form alone, and both reports must agree
        return new ParsedSpec(model, normalised, format, main.text(), null, List.copyOf(warnings));
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

    /**
     * A stored single-document version with its original bytes, so that a re-lint sees what the registration's lint
     * saw (values the model cannot hold, see {@link ParsedSpec#source}).
     */
    public ParsedSpec fromStored(String normalisedJson, String sourceFormat, byte[] document) {
        ParsedSpec stored = fromNormalised(normalisedJson, sourceFormat);
        return new ParsedSpec(stored.model(), normalisedJson, sourceFormat, null,
                reader.read("the document", document).tree(), List.of());
    }

    private static ParseOptions options(boolean resolve) {
        ParseOptions options = new ParseOptions();
        // every reference was vetted by RefChecker: only files of the bundle's own folder can be read
        options.setResolve(resolve);
        return options;
    }

    /**
     * swagger-parser reports most defects as messages but throws on some (a value its model cannot hold). The
     * constructs known to do so are mended by {@link TreeRepairs} first; any other throw is our defect to fix, not
     * the uploader's to decode: it is logged with an incident id, and the uploader gets a 400 in plain words — never
     * the library's exception message, which names its internal classes and no place in the spec.
     */
    private static OpenAPI model(Supplier<SwaggerParseResult> parse) {
        SwaggerParseResult result;
        try {
            result = parse.get();
        } catch (RuntimeException unreadable) {
            String incident = UUID.randomUUID().toString();
            LOG.warn("swagger-parser threw on an upload (incident {})", incident, unreadable);
            String why = "The OpenAPI parser stopped on a construct of this spec that ipdex does not yet know how to "
                    + "read, and could not say where (incident " + incident + "). Check the schemas for values that "
                    + "contradict their type or format, or send the spec to the ipdex maintainers";
            throw new InvalidInputException(why, List.of(ProblemError.atPointer("", why)));
        }
        OpenAPI model = result == null ? null : result.getOpenAPI();
        if (model == null || model.getInfo() == null) {
            List<String> messages = result == null || result.getMessages() == null ? List.of()
                    : result.getMessages().stream().map(SpecParser::plain).toList();
            throw new InvalidInputException(SpecShape.NOT_A_SPEC + ": "
                    + (messages.isEmpty() ? "the parser found no OpenAPI model" : String.join("; ", messages)),
                    messages.stream().map(message -> ProblemError.atPointer("", message)).toList());
        }
        return model;
    }

    /** A parser message that quotes an exception of a library is replaced: it would only confuse the uploader. */
    private static String plain(String message) {
        if (!INTERNAL.matcher(message).find()) {
            return message;
        }
        LOG.warn("swagger-parser reported an internal failure: {}", message);
        return "the parser failed on a construct it could not name";
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
