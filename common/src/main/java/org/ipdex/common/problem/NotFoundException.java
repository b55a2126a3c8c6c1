package org.ipdex.common.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

public final class NotFoundException extends ApiException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, "not-found", detail, List.of());
    }
}
