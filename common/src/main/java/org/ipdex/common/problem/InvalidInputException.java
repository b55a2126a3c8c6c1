package org.ipdex.common.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** The request or the uploaded document is wrong; {@link #errors()} says where. */
public final class InvalidInputException extends ApiException {

    public InvalidInputException(String detail, List<ProblemError> errors) {
        super(HttpStatus.BAD_REQUEST, "invalid-input", detail, errors);
    }

    public InvalidInputException(String detail) {
        this(detail, List.of());
    }

    public static InvalidInputException parameter(String parameter, String message) {
        return new InvalidInputException("Invalid parameter '" + parameter + "': " + message,
                List.of(ProblemError.atParameter(parameter, message)));
    }
}
