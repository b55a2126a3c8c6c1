package org.ipdex.catalog.api;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to an upload: the API, the version the upload is now, and whether anything was stored. */
@Serdeable
public record RegistrationResponse(ApiResponse api, int version, RegistrationOutcome outcome) {
}
