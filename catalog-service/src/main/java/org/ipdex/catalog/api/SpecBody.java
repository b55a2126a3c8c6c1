package org.ipdex.catalog.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The body forms of a registration, documented once. Text forms come first and are documented as text: a client
 * generated from the public document sends its body in the first form listed (client/ does), and a spec is text.
 * The multipart form is served by its own method, which the document leaves out: OpenAPI has one operation per
 * method and path, and this one lists that form too.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@RequestBody(required = true, description = "An OpenAPI or Swagger document (YAML or JSON), a zip bundle, "
        + "`{\"sourceUrl\": \"https://…\"}` as JSON, or multipart/form-data with one file part per bundle file",
        content = {
                @Content(mediaType = "application/yaml", schema = @Schema(implementation = String.class)),
                @Content(mediaType = "application/json", schema = @Schema(implementation = String.class)),
                @Content(mediaType = "text/yaml", schema = @Schema(implementation = String.class)),
                @Content(mediaType = "text/plain", schema = @Schema(implementation = String.class)),
                @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "multipart/form-data", schema = @Schema(type = "object"))})
@interface SpecBody {
}
