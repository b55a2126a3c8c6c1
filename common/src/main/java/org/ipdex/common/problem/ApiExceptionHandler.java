package org.ipdex.common.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The one place where a domain error becomes an HTTP answer. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ApiException exception) {
        Problem problem = Problems.of(request, exception.status(), exception.type(), exception.getMessage(),
                exception.errors());
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(exception.status())
                .contentType(Problem.MEDIA_TYPE).body(problem);
        return exception instanceof UnauthorizedException
                ? response.header(HttpHeaders.WWW_AUTHENTICATE, UnauthorizedException.CHALLENGE) : response;
    }
}
