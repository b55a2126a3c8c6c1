package org.ipdex.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document, the one error body every ipdex service answers with.
 *
 * @param type     a URI naming the kind of problem (stable, documented at /docs)
 * @param title    a short summary of the kind of problem
 * @param status   the HTTP status code
 * @param detail   what went wrong with this request
 * @param instance the request path
 * @param requestId the id the gateway gave the request, to find it in the logs
 * @param errors   for validation: each error with where it is
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      String requestId, List<ProblemError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://ipdex.org/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
