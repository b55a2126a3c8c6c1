package org.ipdex.common.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;

import java.util.List;
import java.util.Locale;

/** Builds problem documents the same way for domain errors and for the framework's own errors. */
public final class Problems {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private Problems() {
    }

    /** Every message is {@link ClientMessages#clean cleaned} here: no error of any layer tells how ipdex is built. */
    public static Problem of(HttpRequest<?> request, HttpStatus status, String type, String detail,
                             List<ProblemError> errors) {
        List<ProblemError> cleaned = errors == null ? List.of() : errors.stream()
                .map(error -> new ProblemError(error.pointer(), error.line(), error.column(), error.parameter(),
                        ClientMessages.clean(error.message())))
                .toList();
        return new Problem(Problem.TYPE_BASE + type, status.getReason(), status.getCode(),
                ClientMessages.clean(detail), request == null ? null : request.getPath(),
                request == null ? null : request.getHeaders().get(REQUEST_ID_HEADER), cleaned);
    }

    /** {@code Not Found} becomes {@code not-found}: the type of the framework's own errors. */
    public static String typeOf(HttpStatus status) {
        return status.getReason().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
