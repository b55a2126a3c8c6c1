package org.ipdex.common.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** An upload, or something it expands to (an archive, an alias graph), is bigger than the configured limit. */
public final class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(String detail) {
        super(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-large", detail, List.of());
    }
}
