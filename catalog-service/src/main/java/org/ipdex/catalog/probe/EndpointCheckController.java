package org.ipdex.catalog.probe;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.catalog.api.EndpointTargets;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.NotFoundException;

import java.util.List;

@Tag(name = "catalog")
@Controller("/api/v1/catalog/apis/{apiId}/endpointChecks")
@ExecuteOn(TaskExecutors.BLOCKING)
class EndpointCheckController {

    private static final int MAX_LIMIT = 200;

    private final EndpointCheckRepository checks;
    private final EndpointTargets targets;

    EndpointCheckController(EndpointCheckRepository checks, EndpointTargets targets) {
        this.checks = checks;
        this.targets = targets;
    }

    @Operation(operationId = "listEndpointChecks", summary = "List the endpoint checks of an API",
            description = "Newest first: each probe of each declared server, with status, HTTP code and latency.")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Page<EndpointCheckResponse> list(@PathVariable String apiId, @Nullable @QueryValue String cursor,
                                     @QueryValue(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (targets.target(apiId).isEmpty()) {
            throw new NotFoundException("No API " + apiId);
        }
        long before;
        try {
            before = cursor == null ? Long.MAX_VALUE : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw InvalidInputException.parameter("cursor", "not a cursor this listing gave out");
        }
        List<EndpointCheck> page = checks.findByApiIdAndIdLessThanOrderByIdDesc(apiId, before, limit);
        String next = page.size() == limit ? String.valueOf(page.get(page.size() - 1).id()) : null;
        return new Page<>(page.stream().map(EndpointCheckResponse::of).toList(), next);
    }
}
