package org.ipdex.common.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Turns the framework's own errors (no route, bad parameter, 401, 413, …) into problem documents, so a client
 * sees one error shape whichever layer refused the request.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<ProblemError> errors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> ProblemError.atParameter(error.getPath().get(), error.getMessage()))
                .toList();
        // a 500's message is about our internals (SQL, stack state): log it, never send it
        String detail = status.getCode() >= 500 ? "An unexpected error occurred; quote the request id to support."
                : context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        Problem problem = Problems.of(context.getRequest(), status, Problems.typeOf(status), detail, errors);
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }
}
