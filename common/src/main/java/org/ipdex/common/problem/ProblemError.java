package org.ipdex.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One validation error and where it is: a JSON pointer into the submitted document, a line (and column) of an
 * uploaded file, or the name of a request parameter.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(String pointer, Long line, Integer column, String parameter, String message) {

    public static ProblemError atPointer(String pointer, String message) {
        return new ProblemError(pointer, null, null, null, message);
    }

    public static ProblemError atLine(long line, Integer column, String message) {
        return new ProblemError(null, line, column, null, message);
    }

    public static ProblemError atParameter(String parameter, String message) {
        return new ProblemError(null, null, null, parameter, message);
    }
}
