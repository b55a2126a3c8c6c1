package org.ipdex.catalog.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The answers every registration endpoint gives, documented once. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "201", description = "A new API (POST /apis) or a new version (POST /apis/{apiId}/versions) "
        + "was stored",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = RegistrationResponse.class)))
@ApiResponse(responseCode = "200", description = "The content equals the latest version; nothing was stored",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = RegistrationResponse.class)))
@ApiResponse(responseCode = "400", description = "Malformed, not OpenAPI, or a refused $ref or source URL; "
        + "errors carry JSON pointers or lines", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "403", description = "The key may not change this office's APIs",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "409", description = "POST /apis: an API with this id (given, or derived from office and "
        + "title) exists; the problem (type api-exists) names it, the versions endpoint that adds a version to it, "
        + "and a free apiId. POST /apis/{apiId}/versions: another upload stored a version meanwhile; send it again",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "413", description = "Larger than ipdex.catalog.max-spec-size (also once inflated)",
        content = @Content(mediaType = "application/problem+json"))
@interface RegistrationAnswers {
}
