package org.ipdex.catalog.api;

import io.micronaut.http.HttpStatus;
import org.ipdex.common.problem.ApiException;
import org.ipdex.common.problem.ProblemError;

import java.util.List;

/**
 * {@code POST /apis} named (or derived from the title) the id of an API that already exists. Creating an API never
 * turns into a new version of another one: two providers' "Books" are two APIs. The problem names the existing API,
 * the endpoint that adds a version to it, and a free id to register the upload as an API of its own.
 */
final class ApiExistsException extends ApiException {

    static final String TYPE = "api-exists";

    ApiExistsException(Api existing, String freeId) {
        super(HttpStatus.CONFLICT, TYPE, "API " + existing.id() + " (\"" + existing.title() + "\", office "
                + existing.officeCode() + ") already exists. To add this spec as its next version, POST it to "
                + versionsPath(existing.id()) + "; to register it as an API of its own, pass another apiId, e.g. "
                + freeId, List.of(
                ProblemError.atParameter("apiId", "API " + existing.id() + " already exists; POST "
                        + versionsPath(existing.id()) + " adds a version to it"),
                ProblemError.atParameter("apiId", freeId + " is free")));
    }

    static String versionsPath(String apiId) {
        return "/api/v1/catalog/apis/" + apiId + "/versions";
    }
}
