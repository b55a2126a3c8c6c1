package org.ipdex.common.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

public final class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, "conflict", detail, List.of());
    }
}
