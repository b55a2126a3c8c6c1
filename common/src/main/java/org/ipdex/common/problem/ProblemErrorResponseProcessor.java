package org.ipdex.common.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Turns the framework's own errors (no route, bad parameter, 401, 413, …) into problem documents, so a client
 * sees one error shape whichever layer refused the request. An unexpected failure whose cause is an unreachable
 * database becomes a 503 with Retry-After: the request may well succeed in a moment, and a client or the gateway
 * should not read an outage as a defect.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    static final String OUTAGE_DETAIL = "The database cannot be reached just now; retry shortly.";
    private static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        boolean outage = response.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR
                && context.getRootCause().filter(DatabaseOutage::causedBy).isPresent();
        if (outage) {
            response.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        HttpStatus status = response.getStatus();
        List<ProblemError> errors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> ProblemError.atParameter(error.getPath().get(), error.getMessage()))
                .toList();
        // a 500's message is about our internals (SQL, stack state): log it, never send it
        String detail = outage ? OUTAGE_DETAIL
                : status.getCode() >= 500 ? "An unexpected error occurred; quote the request id to support."
                : context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        Problem problem = Problems.of(context.getRequest(), status, Problems.typeOf(status), detail, errors);
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }
}
