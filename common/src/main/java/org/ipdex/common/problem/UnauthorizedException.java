package org.ipdex.common.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * The caller sent no key (or one that is not valid) for something that needs one: 401, not 403, so that a client
 * knows that a key would help rather than that its key lacks the right.
 */
public final class UnauthorizedException extends ApiException {

    /** RFC 6750: a 401 names the scheme the caller should use. */
    public static final String CHALLENGE = "Bearer realm=\"ipdex\"";
    public static final String NEEDS_A_KEY = "This request needs an API key: send 'Authorization: Bearer <key>'";

    public UnauthorizedException(String detail) {
        super(HttpStatus.UNAUTHORIZED, "unauthorized", detail, List.of());
    }
}
