package org.ipdex.catalog.scorecard;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.problem.InvalidInputException;

import java.util.Locale;

@Tag(name = "catalog")
@Controller("/api/v1/catalog/offices/{officeCode}/scorecard")
@ExecuteOn(TaskExecutors.BLOCKING)
class ScorecardController {

    private final ApiScorecards scorecards;

    ScorecardController(ApiScorecards scorecards) {
        this.scorecards = scorecards;
    }

    @Operation(summary = "The catalogue's half of an office's scorecard",
            description = "Per API of the office: the ST.90 score and level of its latest version and of every "
                    + "version before it, breaking changes per month over the last 12 months, and endpoint uptime "
                    + "(the share of probe checks that found it up) over the last 30 days and per month. "
                    + "`GET /api/v1/offices/{code}/scorecard` puts it beside the authority file's half.")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CatalogScorecard catalogScorecard(@PathVariable String officeCode) {
        String code = officeCode.toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw InvalidInputException.parameter("officeCode", "must be a two-letter WIPO ST.3 code");
        }
        return scorecards.of(code);
    }
}
