package org.ipdex.common.identity;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.Problem;
import org.ipdex.common.problem.Problems;
import org.ipdex.common.problem.UnauthorizedException;

import java.util.List;

/**
 * A request refused by {@code @Secured}: 401 when the caller has no key, 403 when its key lacks the right. The
 * framework's own handler answers 403 to every authenticated caller, and behind the gateway an anonymous caller
 * is authenticated (its identity token carries the {@code public} role), so it would hear "forbidden" where a
 * key would have helped. The internal API takes no keys at all, only the services' own token, so there an
 * authenticated caller of any other kind stays forbidden. It lives beside {@link Identity}, which tells the two
 * apart, so that {@code problem} stays below {@code identity} (identity throws its problems, not the other way).
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class AuthorizationProblemHandler implements ExceptionHandler<AuthorizationException, HttpResponse<Problem>> {

    private static final String SERVICES_ONLY = "Only ipdex's own services may call the internal API";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, AuthorizationException exception) {
        if (request.getPath().startsWith("/internal/")) {
            return exception.isForbidden()
                    ? answer(request, HttpStatus.FORBIDDEN, "forbidden", SERVICES_ONLY)
                    : answer(request, HttpStatus.UNAUTHORIZED, "unauthorized", SERVICES_ONLY);
        }
        boolean keyless = !exception.isForbidden() || exception.getAuthentication() == null
                || Identity.of(exception.getAuthentication()).isAnonymous();
        if (keyless) {
            return answer(request, HttpStatus.UNAUTHORIZED, "unauthorized", UnauthorizedException.NEEDS_A_KEY)
                    .header(HttpHeaders.WWW_AUTHENTICATE, UnauthorizedException.CHALLENGE);
        }
        return answer(request, HttpStatus.FORBIDDEN, "forbidden", "This key may not do this");
    }

    private static MutableHttpResponse<Problem> answer(HttpRequest<?> request, HttpStatus status, String type,
                                                       String detail) {
        return HttpResponse.<Problem>status(status).contentType(Problem.MEDIA_TYPE)
                .body(Problems.of(request, status, type, detail, List.of()));
    }
}
