package org.ipdex.catalog.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.models.OpenAPI;

import java.util.List;

/**
 * An accepted spec: the model (Swagger 2.0 already converted), its canonical JSON, and what it was written in.
 * <p>
 * Note for the lint and diff packages: {@link #originalText()} is the root document as uploaded (YAML or JSON;
 * for a bundle, its main file) — feed it to {@code LineIndex} to turn pointers into lines. It is null for a spec
 * rebuilt from its stored normalised form ({@link SpecParser#fromNormalised}).
 *
 * @param sourceFormat e.g. {@code swagger-2.0}, {@code openapi-3.0.3}, {@code openapi-3.1.0}
 * @param source       the root document's tree as written, before any repair: what the model cannot hold (an example
 *                     {@code "2016_01_28"} of a {@code format: date}, which the parser drops) is still here for lint;
 *                     null for a bundle, and for a spec rebuilt from its stored normalised form alone
 * @param warnings     what was forgiven while reading (e.g. tabs in YAML), to show the uploader
 */
public record ParsedSpec(OpenAPI model, String normalisedJson, String sourceFormat, @Nullable String originalText,
                         @Nullable JsonNode source, List<String> warnings) {

    public ParsedSpec(OpenAPI model, String normalisedJson, String sourceFormat) {
        this(model, normalisedJson, sourceFormat, null, null, List.of());
    }

    public boolean isOpenApi31() {
        return sourceFormat.startsWith("openapi-3.1");
    }
}
