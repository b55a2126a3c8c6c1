package org.ipdex.catalog.spec;

import io.swagger.v3.oas.models.OpenAPI;

/**
 * An accepted spec: the model (Swagger 2.0 already converted), its canonical JSON, and what it was written in.
 *
 * @param sourceFormat e.g. {@code swagger-2.0}, {@code openapi-3.0.3}, {@code openapi-3.1.0}
 */
public record ParsedSpec(OpenAPI model, String normalisedJson, String sourceFormat) {
}
