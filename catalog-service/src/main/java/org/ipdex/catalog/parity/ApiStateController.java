package org.ipdex.catalog.parity;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.page.Page;
import org.ipdex.common.parity.ApiState;
import org.ipdex.common.problem.InvalidInputException;

import java.util.List;

/**
 * What PostgreSQL says is current for every API, for search-service's parity check: a keyset page in id order
 * ({@code next} is the last id of a full page), so 20,000 APIs are read in a few requests of bounded size.
 */
@Hidden
@Controller("/internal/v1/apiStates")
@Secured(Roles.SERVICE)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiStateController {

    static final int MAX_PAGE = 5000;

    private final ApiStates states;

    ApiStateController(ApiStates states) {
        this.states = states;
    }

    @Get
    Page<ApiState> page(@QueryValue(defaultValue = "") String after, @QueryValue(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_PAGE);
        }
        List<ApiState> page = states.after(after, limit);
        return new Page<>(page, page.size() < limit ? null : page.get(page.size() - 1).apiId());
    }
}
