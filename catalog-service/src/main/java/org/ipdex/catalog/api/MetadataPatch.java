package org.ipdex.catalog.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.ProblemError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An office's overrides of {@link ApiMetadata}, kept as the state of RFC 7396 JSON merge patches: a field set
 * in a patch replaces the override, {@code null} removes it (the spec's value shows again). Overrides are strict
 * where spec values are lenient: an office typing a value by hand gets a 400 naming the field and the vocabulary.
 */
public final class MetadataPatch {

    static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Set<String> TEXT = Set.of("title", "description");
    private static final Set<String> URLS = Set.of("productPageUrl", "specSourceUrl");
    private static final Map<String, List<String>> LISTS = Map.of("ipDomains", Vocabularies.IP_DOMAINS,
            "serviceTypes", Vocabularies.SERVICE_TYPES, "contentTypes", Vocabularies.CONTENT_TYPES,
            "authentication", Vocabularies.AUTHENTICATION);
    private static final Map<String, List<String>> TERMS = Map.of("accessModel", Vocabularies.ACCESS_MODELS,
            "lifecycle", Vocabularies.LIFECYCLES);

    private MetadataPatch() {
    }

    /** @return the new overrides (a JSON object) after applying {@code patch} to {@code overrides} */
    static String apply(String overrides, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidInputException("A metadata patch is a JSON object",
                    List.of(ProblemError.atPointer("", "expected a JSON object (RFC 7396 merge patch)")));
        }
        ObjectNode state = (ObjectNode) read(overrides);
        List<ProblemError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                state.remove(name);
                continue;
            }
            validate(name, value, errors).ifPresent(clean -> state.set(name, clean));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The metadata patch has " + errors.size() + " invalid field"
                    + (errors.size() == 1 ? "" : "s") + ": " + errors.get(0).message(), errors);
        }
        return state.toString();
    }

    /** The spec's metadata with the office's overrides laid over it, field by field. */
    public static ApiMetadata effective(String specMetadata, String overrides) {
        ObjectNode merged = (ObjectNode) read(specMetadata);
        merged.setAll((ObjectNode) read(overrides));
        try {
            return JSON.treeToValue(merged, ApiMetadata.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(ApiMetadata metadata) {
        return JSON.valueToTree(metadata).toString();
    }

    private static Optional<JsonNode> validate(String name, JsonNode value, List<ProblemError> errors) {
        String pointer = "/" + name;
        if (TEXT.contains(name)) {
            return value.isTextual() && !(name.equals("title") && value.asText().isBlank())
                    ? Optional.of(value) : fail(errors, pointer, "must be a non-empty string");
        }
        if (URLS.contains(name)) {
            return value.isTextual() && isHttpUrl(value.asText()) ? Optional.of(value)
                    : fail(errors, pointer, "must be an absolute http or https URL");
        }
        if (TERMS.containsKey(name)) {
            Optional<String> term = value.isTextual() ? Vocabularies.canonical(TERMS.get(name), value.asText())
                    : Optional.empty();
            return term.<JsonNode>map(JsonNodeFactory.instance::textNode)
                    .or(() -> fail(errors, pointer, "must be one of " + TERMS.get(name)));
        }
        if (LISTS.containsKey(name) || name.equals("languages")) {
            return list(name, value, errors);
        }
        return switch (name) {
            case "sunsetDate" -> value.isTextual() && isDate(value.asText()) ? Optional.of(value)
                    : fail(errors, pointer, "must be an ISO date (2026-12-31)");
            case "healthPath" -> value.isTextual() && value.asText().startsWith("/") && !value.asText().contains("..")
                    ? Optional.of(value) : fail(errors, pointer, "must be a path starting with /");
            default -> fail(errors, pointer, "unknown field; the fields are title, description, ipDomains, "
                    + "serviceTypes, contentTypes, languages, accessModel, authentication, lifecycle, sunsetDate, "
                    + "productPageUrl, specSourceUrl, healthPath");
        };
    }

    private static Optional<JsonNode> list(String name, JsonNode value, List<ProblemError> errors) {
        if (!value.isArray()) {
            return fail(errors, "/" + name, "must be an array of strings");
        }
        ArrayNode clean = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            Optional<String> term = !item.isTextual() ? Optional.empty() : name.equals("languages")
                    ? Vocabularies.language(item.asText()) : Vocabularies.canonical(LISTS.get(name), item.asText());
            if (term.isEmpty()) {
                fail(errors, "/" + name + "/" + i, name.equals("languages") ? "must be an ISO 639-1 code"
                        : "must be one of " + LISTS.get(name));
            } else {
                clean.add(term.get());
            }
        }
        return Optional.of(clean);
    }

    private static Optional<JsonNode> fail(List<ProblemError> errors, String pointer, String message) {
        errors.add(ProblemError.atPointer(pointer, message));
        return Optional.empty();
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static JsonNode read(String json) {
        try {
            JsonNode node = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
            return node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
