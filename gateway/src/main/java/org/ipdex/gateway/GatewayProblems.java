package org.ipdex.gateway;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.ipdex.common.problem.Problem;
import org.ipdex.common.problem.Problems;

import java.util.List;

/**
 * Problem answers that the gateway's filters give without reaching a controller (no key, bad key, backend down,
 * body too large). Built with common's {@link Problems} so they look exactly like every service's errors.
 */
public final class GatewayProblems {

    private GatewayProblems() {
    }

    public static MutableHttpResponse<Problem> of(HttpRequest<?> request, HttpStatus status, String type,
                                                  String detail) {
        Problem problem = Problems.of(request, status, type, detail, List.of());
        return HttpResponse.<Problem>status(status).contentType(Problem.MEDIA_TYPE).body(problem);
    }

    /** RFC 6750: a 401 names the scheme the caller should use. */
    public static MutableHttpResponse<Problem> unauthorized(HttpRequest<?> request, String detail) {
        return of(request, HttpStatus.UNAUTHORIZED, "unauthorized", detail)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ipdex\"");
    }
}
