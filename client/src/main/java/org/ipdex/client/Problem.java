package org.ipdex.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * An RFC 9457 problem document as every ipdex service answers an error: the services' documents declare these
 * answers as {@code application/problem+json} without a schema, so there is no generated model to use, and this
 * record mirrors {@code common/…/problem/Problem}. Unknown members are kept out rather than failing the caller.
 *
 * @param type      a URI naming the kind of problem
 * @param title     a short summary of the kind of problem
 * @param status    the HTTP status code
 * @param detail    what went wrong with this request
 * @param instance  the request path
 * @param requestId the id the gateway gave the request, to find it in the logs
 * @param errors    for validation: each error and where it is
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<Error> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One validation error: a JSON pointer into the sent document, a line (and column) of a file, or a parameter. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(String pointer, Long line, Integer column, String parameter, String message) {
    }
}
