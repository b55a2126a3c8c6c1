package org.ipdex.authority.parity;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.page.Page;
import org.ipdex.common.parity.OfficeState;

/**
 * What PostgreSQL says is current for every office, for search-service's parity check. One page: there are a few
 * hundred offices at most, and the cost is in scanning their records, not in the answer's size.
 */
@Hidden
@Controller("/internal/v1/officeStates")
@Secured(Roles.SERVICE)
@ExecuteOn(TaskExecutors.BLOCKING)
class OfficeStateController {

    private final OfficeStates states;

    OfficeStateController(OfficeStates states) {
        this.states = states;
    }

    @Get
    Page<OfficeState> all() {
        return new Page<>(states.all(), null);
    }
}
