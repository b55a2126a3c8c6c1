package org.ipdex.gateway;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.ipdex.common.problem.Problem;
import org.ipdex.common.problem.ProblemError;
import org.ipdex.common.problem.Problems;

import java.util.Comparator;
import java.util.List;

/**
 * Invalid request bodies as problems whose {@code errors} point into the submitted JSON ({@code /code}), as the
 * conventions ask. Micronaut's own handler reaches common's error processor with the violations flattened into
 * one message and no pointers; this belongs in common once the services need it too.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Replaces(ConstraintExceptionHandler.class)
final class ValidationProblemHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
        List<ProblemError> errors = exception.getConstraintViolations().stream()
                .map(violation -> ProblemError.atPointer(pointer(violation), violation.getMessage()))
                .sorted(Comparator.comparing(ProblemError::pointer))
                .toList();
        String detail = errors.size() == 1 ? errors.get(0).pointer() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        Problem problem = Problems.of(request, HttpStatus.BAD_REQUEST, "invalid-input", detail, errors);
        return HttpResponse.<Problem>status(HttpStatus.BAD_REQUEST).contentType(Problem.MEDIA_TYPE).body(problem);
    }

    /** {@code create.request.code} (method, parameter, property) becomes the JSON pointer {@code /code}. */
    private static String pointer(ConstraintViolation<?> violation) {
        StringBuilder pointer = new StringBuilder();
        boolean inBody = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                inBody = true;
            } else if (inBody && node.getName() != null) {
                pointer.append('/').append(node.getName().replace("~", "~0").replace("/", "~1"));
            }
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }
}
