package org.ipdex.common.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

public final class UnavailableException extends ApiException {

    public UnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail, List.of());
    }
}
