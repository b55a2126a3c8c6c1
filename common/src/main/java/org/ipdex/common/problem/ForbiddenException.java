package org.ipdex.common.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

public final class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, "forbidden", detail, List.of());
    }
}
