package org.ipdex.common.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * Base of every domain error. Services throw one of the few subclasses below; {@link ApiExceptionHandler}
 * turns each into a problem document in one place.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final transient List<ProblemError> errors;

    protected ApiException(HttpStatus status, String type, String detail, List<ProblemError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    /** The last segment of the problem type URI, e.g. {@code not-found}. */
    public String type() {
        return type;
    }

    public List<ProblemError> errors() {
        return errors;
    }
}
